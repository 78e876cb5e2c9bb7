package org.metshub.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VocabularyTest {
  private final Vocabularies v = Vocabularies.bundled();

  @Test
  void bundledVocabulariesCoverTheRequiredValues() {
    // at least the 30 most common primary cancers plus the two umbrella values
    assertThat(v.cancerTypes().terms()).hasSizeGreaterThanOrEqualTo(32);
    assertThat(v.cancerTypes().ids())
        .contains(
            "metastatic cancer",
            "general",
            "breast",
            "lung",
            "prostate",
            "colorectal",
            "pancreatic",
            "melanoma",
            "kidney",
            "ovarian");
    assertThat(v.metastaticSites().ids()).contains("bone", "brain", "liver", "lung", "peritoneum");
    assertThat(v.audienceLevels().ids())
        .containsExactly("patient", "caregiver", "clinician", "researcher", "general");
    assertThat(v.reviewFrequencies().ids())
        .containsExactly("monthly", "quarterly", "semiannual", "annual", "as_needed");
    assertThat(v.statuses().ids()).containsExactly("draft", "active", "archived", "retired");
    assertThat(v.docTypes().ids())
        .containsExactly("article", "news", "resource", "organization", "event", "glossary");
  }

  @Test
  void resolvesSynonymsIgnoringCaseAccentsAndSeparators() {
    assertThat(v.cancerTypes().resolve("Colon Cancer")).map(Term::id).contains("colorectal");
    assertThat(v.cancerTypes().resolve("soft-tissue_sarcoma"))
        .map(Term::id)
        .contains("soft tissue sarcoma");
    assertThat(v.audienceLevels().resolve("health professional"))
        .map(Term::id)
        .contains("clinician");
    assertThat(v.licenses().resolve("CC-BY")).map(Term::id).contains("cc_by");
    assertThat(v.cancerTypes().resolve("not a cancer")).isEmpty();
  }

  @Test
  void closestSuggestsTheNearestId() {
    assertThat(v.statuses().closest("activ")).isEqualTo("active");
    assertThat(v.cancerTypes().closest("prostrate")).isEqualTo("prostate");
  }

  @Test
  void closestBreaksTiesByVocabularyOrderOnEveryRun() {
    // 'kids' is 4 edits from 'lay' (patient), 'hp' (clinician) and 'all' (general); the first
    // term in the file wins. It used to depend on Map.copyOf's per-JVM iteration order.
    assertThat(v.audienceLevels().closest("kids")).isEqualTo("patient");
  }

  @Test
  void mentionsMatchWholeWordsInEnglishAndSpanish() {
    Term breast = v.cancerTypes().byId("breast").orElseThrow();
    assertThat(v.cancerTypes().mentions(breast, "Metastatic BREAST cancer")).isTrue();
    assertThat(v.cancerTypes().mentions(breast, "Cáncer de mama metastásico")).isTrue();
    assertThat(v.cancerTypes().mentions(breast, "breastfeeding")).isFalse();
    Term lung = v.cancerTypes().byId("lung").orElseThrow();
    assertThat(v.cancerTypes().mentions(lung, "cancer spread to the lung")).isFalse();
    assertThat(v.cancerTypes().mentions(lung, "non-small cell lung cancer")).isTrue();
  }

  @Test
  void mentionsCheckEveryPlaceAWordStartsAndBothBoundaries() {
    Term breast = v.cancerTypes().byId("breast").orElseThrow();
    Term lung = v.cancerTypes().byId("lung").orElseThrow();
    Term prostate = v.cancerTypes().byId("prostate").orElseThrow();
    // The first 'breast' is inside a longer word; the second one counts.
    assertThat(v.cancerTypes().mentions(breast, "breastfeeding, then breast pain")).isTrue();
    assertThat(v.cancerTypes().mentions(breast, "abreast of the news")).isFalse();
    assertThat(v.cancerTypes().mentions(breast, "x2breast")).isFalse();
    assertThat(v.cancerTypes().mentions(breast, "breast")).isTrue();
    assertThat(v.cancerTypes().mentions(breast, "(breast)")).isTrue();
    // Tokens of a multi-word term may be joined by several spaces, a newline or a hyphen.
    assertThat(v.cancerTypes().mentions(lung, "LUNG\n  CANCER")).isTrue();
    assertThat(v.cancerTypes().mentions(lung, "lung-cancer")).isTrue();
    assertThat(v.cancerTypes().mentions(lung, "lung cancerous")).isFalse();
    // Upper-case accented letters fold like their lower-case forms.
    assertThat(v.cancerTypes().mentions(prostate, "CÁNCER DE PRÓSTATA")).isTrue();
    assertThat(v.cancerTypes().mentions(prostate, "")).isFalse();
    Term general = v.cancerTypes().byId("general").orElseThrow();
    assertThat(v.cancerTypes().hasMentionWords(general)).isFalse();
    assertThat(v.cancerTypes().mentions(general, "all cancers")).isFalse();
  }

  @Test
  void licencesSayWhetherTheyAreQuotable() {
    assertThat(v.quotable("public_domain")).isTrue();
    assertThat(v.quotable("owned")).isTrue();
    assertThat(v.quotable("link_only")).isFalse();
    assertThat(v.quotable("made-up")).isFalse();
  }

  @Test
  void slugsAreUrlSafe() {
    assertThat(v.cancerTypes().byId("head and neck").orElseThrow().slug())
        .isEqualTo("head-and-neck");
  }
}
