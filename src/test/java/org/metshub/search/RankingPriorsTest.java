package org.metshub.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.kb.ReviewState;

/** The tier and review priors, read from a passage's own doc values and combined per search. */
class RankingPriorsTest {
  @Test
  void aTierIsTheNumberItsIdStartsWith() {
    assertThat(SearchIndex.tierNumber("04_metshub_editorial")).hasValue(4);
    assertThat(SearchIndex.tierNumber("07_news")).hasValue(7);
    assertThat(SearchIndex.tierNumber("x4_other")).isEmpty();
    assertThat(SearchIndex.tierNumber("4")).isEmpty();
  }

  @Test
  void tierAndReviewPriorsMultiply() {
    Ranking r = Ranking.DEFAULT;
    assertThat(r.prior(OptionalInt.of(1), ReviewState.CURRENT)).isEqualTo(1.0);
    assertThat(r.prior(OptionalInt.of(7), ReviewState.OVERDUE))
        .isCloseTo(0.85 * 0.95, within(1e-12));
    assertThat(r.prior(OptionalInt.of(5), ReviewState.UNSCHEDULED))
        .isCloseTo(0.95 * 0.98, within(1e-12));
  }

  @Test
  void anUnknownTierGetsTheUnknownTierPrior() {
    assertThat(Ranking.DEFAULT.prior(OptionalInt.empty(), ReviewState.DUE_SOON))
        .isEqualTo(Ranking.UNKNOWN_TIER_PRIOR);
    assertThat(Ranking.DEFAULT.prior(OptionalInt.of(42), ReviewState.CURRENT))
        .isEqualTo(Ranking.UNKNOWN_TIER_PRIOR);
  }

  @Test
  void twinPagesRankByTheirAudienceAndTierPriors(@TempDir Path data) {
    String body = "Radiation eases bone pain from metastases.";
    String patient = TestIndex.doc("patient", "Bone pain", "", body);
    String clinician =
        TestIndex.doc("clinician", "Bone pain", "", body)
            .replace("audienceLevel: patient", "audienceLevel: clinician");
    String news =
        TestIndex.doc("news", "Bone pain", "", body)
            .replace("sourceType: 04_metshub_editorial", "sourceType: 07_community");
    try (SearchIndex index = TestIndex.open(data, new HashingEmbedder())) {
      TestIndex.sync(index, patient, clinician, news);
      SearchResponse r =
          new LuceneSearch(index, Ranking.DEFAULT)
              .search(SearchRequest.builder().query("bone pain").mode(SearchMode.LEXICAL).build());
      assertThat(r.hits()).extracting(Hit::docId).containsExactly("patient", "clinician", "news");
      double top = r.hits().get(0).score();
      assertThat(r.hits().get(1).score() / top).isCloseTo(0.9, within(1e-6));
      assertThat(r.hits().get(2).score() / top).isCloseTo(0.85 / 0.98, within(1e-6));
    }
  }
}
