package org.metshub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.kb.ReviewSchedule;
import org.metshub.kb.Vocabularies;
import org.metshub.testing.Fixtures;

/**
 * Review states come from the day of the search, not of the sync: an index built on one day and
 * searched weeks later, by the same long-running process, shows a page that fell due in the
 * meantime as overdue in hits, facets, filters and ranking, without being written again.
 */
class ReviewStateAtQueryTimeTest {
  /** Reviewed once a year, last on 2026-01-01: current on the build day, due on 2027-01-01. */
  static final String AGEING =
      TestIndex.doc(
              "ageing",
              "Bone pain",
              "metastaticSites: [bone]",
              "Radiation eases bone pain from metastases.")
          .replace("lastReviewed: '2026-11-01'", "lastReviewed: '2026-01-01'");

  /** The same text, reviewed recently (due 2027-11-01). */
  static final String FRESH =
      TestIndex.doc(
          "fresh",
          "Bone pain",
          "metastaticSites: [bone]",
          "Radiation eases bone pain from metastases.");

  @TempDir Path data;
  final MovableClock clock = new MovableClock(Fixtures.TODAY);
  SearchIndex index;
  LuceneSearch search;

  @BeforeEach
  void build() {
    index =
        SearchIndex.open(
            data,
            Analyzers.bundled(),
            new HashingEmbedder(),
            IndexOptions.DEFAULT,
            new ReviewSchedule(clock, Vocabularies.bundled().reviewFrequencies()),
            Vocabularies.bundled());
    TestIndex.sync(index, AGEING, FRESH, TestIndex.NEWS);
    search = new LuceneSearch(index, Ranking.DEFAULT);
  }

  @AfterEach
  void close() {
    index.close();
  }

  private SearchResponse bonePain() {
    return search.search(
        SearchRequest.builder().query("bone pain radiation").mode(SearchMode.LEXICAL).build());
  }

  private static String state(SearchResponse r, String docId) {
    return r.hits().stream()
        .filter(h -> h.docId().equals(docId))
        .findFirst()
        .orElseThrow()
        .meta()
        .reviewState()
        .label();
  }

  @Test
  void aPageThatFallsDueAfterTheSyncIsOverdueInHitsFacetsFiltersAndRanking() {
    SearchResponse before = bonePain();
    assertThat(state(before, "ageing")).isEqualTo("current");
    assertThat(before.hits()).extracting(Hit::docId).contains("fresh", "ageing");
    assertThat(before.hits().get(0).score()).isEqualTo(before.hits().get(1).score());
    assertThat(search.search(SearchRequest.of("", 10)).facets().get(Fields.REVIEW_STATE))
        .containsExactly(new FacetCount("current", 2), new FacetCount("unscheduled", 1));

    clock.day = LocalDate.of(2027, 1, 11); // 50 days on, 10 past the ageing page's due date

    SearchResponse after = bonePain();
    assertThat(state(after, "ageing")).isEqualTo("overdue");
    assertThat(state(after, "fresh")).isEqualTo("current");
    // The review prior (0.95 for overdue) puts the overdue twin second.
    assertThat(after.hits()).extracting(Hit::docId).startsWith("fresh", "ageing");
    assertThat(after.hits().get(1).score() / after.hits().get(0).score())
        .isCloseTo(
            Ranking.DEFAULT.reviewPriors().get("overdue"),
            org.assertj.core.api.Assertions.within(1e-6));
    assertThat(search.search(SearchRequest.of("", 10)).facets().get(Fields.REVIEW_STATE))
        .containsExactly(
            new FacetCount("current", 1),
            new FacetCount("overdue", 1),
            new FacetCount("unscheduled", 1));
    assertThat(
            search
                .search(
                    SearchRequest.builder()
                        .filters(Map.of(Fields.REVIEW_STATE, List.of("overdue")))
                        .build())
                .hits())
        .extracting(Hit::docId)
        .containsExactly("ageing");
    assertThat(
            search
                .search(
                    SearchRequest.builder()
                        .query("bone")
                        .mode(SearchMode.LEXICAL)
                        .filters(Map.of(Fields.REVIEW_STATE, List.of("current", "unscheduled")))
                        .build())
                .hits())
        .extracting(Hit::docId)
        .containsExactly("fresh");
    // Nothing was written: the index holds no state of the day.
    assertThat(TestIndex.sync(index, AGEING, FRESH, TestIndex.NEWS).changed()).isZero();
  }

  @Test
  void theReviewStateFacetStaysOpenWhenAStateIsChosen() {
    clock.day = LocalDate.of(2026, 12, 12); // the ageing page is due in 20 days
    SearchResponse r =
        search.search(
            SearchRequest.builder()
                .filters(Map.of(Fields.REVIEW_STATE, List.of("due-soon")))
                .build());
    assertThat(r.hits()).extracting(Hit::docId).containsExactly("ageing");
    assertThat(r.facets().get(Fields.REVIEW_STATE))
        .containsExactly(
            new FacetCount("current", 1),
            new FacetCount("due-soon", 1),
            new FacetCount("unscheduled", 1));
    assertThat(
            search
                .search(
                    SearchRequest.builder()
                        .filters(Map.of(Fields.REVIEW_STATE, List.of("unscheduled")))
                        .build())
                .hits())
        .extracting(Hit::docId)
        .containsExactly("news-sbrt");
    assertThat(
            search
                .search(
                    SearchRequest.builder()
                        .filters(Map.of(Fields.REVIEW_STATE, List.of("stale")))
                        .build())
                .hits())
        .isEmpty();
  }

  /** A clock a test moves forward, as the days pass under a running server. */
  static final class MovableClock extends Clock {
    volatile LocalDate day;

    MovableClock(LocalDate day) {
      this.day = day;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
  }
}
