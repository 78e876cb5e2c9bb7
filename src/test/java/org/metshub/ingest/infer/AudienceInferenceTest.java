package org.metshub.ingest.infer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metshub.kb.Readability;

class AudienceInferenceTest {
  private final AudienceInference inference = new AudienceInference();

  private AudienceInference.Result infer(String title, String body, String fileName) {
    DocumentText t = Texts.of(title, body);
    return inference.infer(t, Readability.of(t.body(), "en"), fileName, "", List.of());
  }

  @Test
  void anExplicitMarkerDecides() {
    AudienceInference.Result r =
        infer("Anal Cancer", "You can ask your doctor.", "types-anal-hp.md");
    assertThat(r.audience()).isEqualTo("clinician");
    assertThat(r.marked()).isTrue();
    assertThat(
            infer("Anal Cancer Treatment—Patient Version", "Randomized trials et al.", "")
                .audience())
        .isEqualTo("patient");
  }

  @Test
  void clinicalResearchLanguageReadsAsProfessional() {
    String body =
        "In a randomized phase III trial, adjuvant chemotherapy improved overall"
            + " survival (hazard ratio 0.72; 95% confidence interval 0.61 to 0.85). Median"
            + " progression-free survival was longer in the prospective cohort (Smith et al).";
    AudienceInference.Result r = infer("Adjuvant therapy", body, "");
    assertThat(r.audience()).isEqualTo("clinician");
    assertThat(r.marked()).isFalse();
  }

  @Test
  void plainTextThatSpeaksToTheReaderReadsAsForPatients() {
    String body =
        "You may feel tired. Rest when you need to. Ask your care team what helps."
            + " Your family can help you with meals.";
    assertThat(infer("Tiredness", body, "").audience()).isEqualTo("patient");
  }
}
