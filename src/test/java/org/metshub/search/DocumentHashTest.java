package org.metshub.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.metshub.kb.KbDocument;
import org.metshub.testing.Fixtures;

/** The hash that tells incremental indexing a document changed: values count, layout does not. */
class DocumentHashTest {
  static final String FILE =
      """
      ---
      id: bone
      title: When cancer spreads to the bone
      language: en
      audienceLevel: patient
      cancerTypes: [metastatic cancer, breast]
      source: MetsHub
      sourceType: 04_metshub_editorial
      license: owned
      status: active
      lastReviewed: '2026-11-01'
      reviewFrequency: annual
      ward: 7
      ---
      # When cancer spreads to the bone

      Bone metastases happen when cancer cells travel to the bones.
      """;

  /** The same values: keys in another order, other quoting, a block list, comments. */
  static final String SAME_VALUES =
      """
      ---
      # reviewed by the editorial team
      status: "active"
      lastReviewed: "2026-11-01"
      reviewFrequency: annual
      title: "When cancer spreads to the bone"
      id: bone
      cancerTypes:
        - metastatic cancer
        - breast
      language: 'en'
      audienceLevel: patient
      license: owned
      source: MetsHub
      sourceType: 04_metshub_editorial
      ward: 7
      ---
      # When cancer spreads to the bone

      Bone metastases happen when cancer cells travel to the bones.
      """;

  private static String hash(String text) {
    KbDocument d = Fixtures.document("bone.md", text);
    assertThat(d.hasErrors()).as("%s", d.problems()).isFalse();
    return KbIndexer.hash(d);
  }

  @Test
  void yamlLayoutAndKeyOrderDoNotChangeTheHash() {
    assertThat(hash(SAME_VALUES)).isEqualTo(hash(FILE));
  }

  @Test
  void aChangedValueChangesTheHash() {
    String base = hash(FILE);
    assertThat(hash(FILE.replace("lastReviewed: '2026-11-01'", "lastReviewed: '2026-11-02'")))
        .isNotEqualTo(base);
    assertThat(hash(FILE.replace("[metastatic cancer, breast]", "[metastatic cancer]")))
        .isNotEqualTo(base);
    assertThat(hash(FILE.replace("ward: 7", "ward: 8"))).isNotEqualTo(base);
    assertThat(hash(FILE.replace("travel to the bones.", "travel to the bone.")))
        .isNotEqualTo(base);
  }
}
