package org.metshub.ingest.infer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.metshub.kb.Vocabularies;

class SiteInferenceTest {
  private final SiteInference sites = new SiteInference(Vocabularies.bundled().metastaticSites());

  @Test
  void sitesNearWordsOfSpreadAreFound() {
    assertThat(
            sites.infer(
                Texts.of(
                    "When breast cancer spreads to the bone", "Bone metastases can cause pain.")))
        .containsExactly("bone");
    assertThat(
            sites.infer(Texts.of("Cuando el cáncer se extiende", "Hay metástasis en el hígado.")))
        .containsExactly("liver");
  }

  @Test
  void primaryCancersBoneMarrowAndNegatedSitesAreNotMetastaticSites() {
    assertThat(
            sites.infer(
                Texts.of(
                    "Lung cancer",
                    "Lung cancer may spread. Bone marrow transplants are used for leukemia that has"
                        + " spread. There was no sign of brain metastases.")))
        .isEmpty();
  }

  @Test
  void bodyMentionsNeedToBeFrequentAndDominant() {
    String once = "Cancer can spread to the liver. " + Texts.filler(300);
    assertThat(sites.infer(Texts.of("Living with cancer", once))).isEmpty();
    String often =
        "Cancer that has spread to the liver is treated. ".repeat(3)
            + "It rarely spreads to the skin. "
            + Texts.filler(300);
    assertThat(sites.infer(Texts.of("Treatment", often))).containsExactly("liver");
  }
}
