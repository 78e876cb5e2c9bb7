package org.metshub.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.metshub.testing.Fixtures;

class ReviewScheduleTest {
  private final ReviewSchedule schedule =
      new ReviewSchedule(
          Fixtures.clockAt(LocalDate.of(2026, 6, 1)), Vocabularies.bundled().reviewFrequencies());

  private static Optional<LocalDate> day(String s) {
    return Optional.of(LocalDate.parse(s));
  }

  @Test
  void nextReviewDueAddsTheCycle() {
    assertThat(schedule.nextReviewDue(day("2026-01-31"), "monthly"))
        .contains(LocalDate.of(2026, 2, 28));
    assertThat(schedule.nextReviewDue(day("2026-01-15"), "quarterly"))
        .contains(LocalDate.of(2026, 4, 15));
    assertThat(schedule.nextReviewDue(day("2026-01-15"), "semiannual"))
        .contains(LocalDate.of(2026, 7, 15));
    assertThat(schedule.nextReviewDue(day("2026-01-15"), "annual"))
        .contains(LocalDate.of(2027, 1, 15));
    assertThat(schedule.nextReviewDue(day("2026-01-15"), "as_needed")).isEmpty();
  }

  @Test
  void overdueWhenQuarterlyReviewIsFourMonthsOld() {
    assertThat(schedule.state(day("2026-02-01"), "quarterly")).isEqualTo(ReviewState.OVERDUE);
  }

  @Test
  void dueSoonWithinThirtyDays() {
    assertThat(schedule.state(day("2026-03-15"), "quarterly")).isEqualTo(ReviewState.DUE_SOON);
    assertThat(schedule.state(day("2026-03-01"), "quarterly")).isEqualTo(ReviewState.DUE_SOON);
    assertThat(schedule.state(day("2026-03-02"), "quarterly")).isEqualTo(ReviewState.DUE_SOON);
  }

  @Test
  void currentWhenDueLater() {
    assertThat(schedule.state(day("2026-05-01"), "annual")).isEqualTo(ReviewState.CURRENT);
    assertThat(schedule.state(day("2026-04-15"), "quarterly")).isEqualTo(ReviewState.CURRENT);
  }

  @Test
  void dueTodayIsDueSoonAndYesterdayIsOverdue() {
    assertThat(schedule.state(day("2026-03-01"), "quarterly")).isEqualTo(ReviewState.DUE_SOON);
    assertThat(schedule.state(day("2026-02-28"), "quarterly")).isEqualTo(ReviewState.OVERDUE);
  }

  @Test
  void unscheduledWithoutDateOrWithAsNeeded() {
    assertThat(schedule.state(Optional.empty(), "annual")).isEqualTo(ReviewState.UNSCHEDULED);
    assertThat(schedule.state(day("2020-01-01"), "as_needed")).isEqualTo(ReviewState.UNSCHEDULED);
    assertThat(schedule.state(day("2020-01-01"), "")).isEqualTo(ReviewState.UNSCHEDULED);
  }
}
