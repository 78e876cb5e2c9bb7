package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metshub.kb.KbDocument;
import org.metshub.testing.Fixtures;

class NewsFeedTest {
  private static KbDocument news(String id, String published, String reviewed) {
    return Fixtures.document(
        id + ".md",
        """
        ---
        id: %s
        title: A clinic opens a line for cancer that has spread
        docType: news
        language: en
        audienceLevel: patient
        cancerTypes:
        - metastatic cancer
        license: owned
        status: active
        reviewFrequency: as_needed
        %s%s---
        A clinic opens a phone line for people with cancer that has spread.
        """
            .formatted(
                id,
                published.isEmpty() ? "" : "datePublished: '" + published + "'\n",
                reviewed.isEmpty() ? "" : "lastReviewed: '" + reviewed + "'\n"));
  }

  @Test
  void anEntryIsUpdatedWhenReviewedAfterPublication() {
    assertThat(NewsPages.updated(news("a", "2026-10-02", "2026-10-20")))
        .isEqualTo(LocalDate.of(2026, 10, 20));
  }

  /** A list page's review date, given to every item on it, can precede an item. */
  @Test
  void anEntryIsNeverUpdatedBeforeItWasPublished() {
    assertThat(NewsPages.updated(news("a", "2026-10-02", "2026-09-15")))
        .isEqualTo(LocalDate.of(2026, 10, 2));
    assertThat(NewsPages.updated(news("b", "", "2026-09-15"))).isEqualTo(LocalDate.of(2026, 9, 15));
  }

  /** Regression: the feed took the newest item's publication date, older than its review. */
  @Test
  void aFeedIsUpdatedWhenItsLatestEntryIs() {
    List<KbDocument> newestFirst =
        List.of(news("new", "2026-11-10", "2026-11-10"), news("old", "2026-10-02", "2026-11-20"));
    assertThat(NewsPages.updated(newestFirst)).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(NewsPages.updated(List.of())).isEqualTo(LocalDate.EPOCH);
  }
}
