package org.metshub.kb;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes when a document is next due for review ({@code lastReviewed + reviewFrequency}) and its
 * review state against a clock that tests can set. A document is {@code due-soon} when the due date
 * is within {@link #DUE_SOON_DAYS} days, {@code overdue} once the date has passed, and {@code
 * unscheduled} when it has no date or an {@code as_needed} cycle. Thread-safe.
 */
public final class ReviewSchedule {
  /** Days before the due date from which a document counts as due soon. */
  public static final int DUE_SOON_DAYS = 30;

  private final Clock clock;
  private final Vocabulary frequencies;

  public ReviewSchedule(Clock clock, Vocabulary frequencies) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.frequencies = Objects.requireNonNull(frequencies, "frequencies");
  }

  public static ReviewSchedule systemDefault() {
    return new ReviewSchedule(
        Clock.systemDefaultZone(), Vocabularies.bundled().reviewFrequencies());
  }

  /** Today's date by this schedule's clock. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The next review date, or empty when the cycle is as_needed, unknown, or never reviewed. */
  public Optional<LocalDate> nextReviewDue(Optional<LocalDate> lastReviewed, String frequency) {
    int months =
        frequencies
            .resolve(frequency)
            .flatMap(t -> t.attribute("months"))
            .map(Integer::parseInt)
            .orElse(0);
    if (lastReviewed.isEmpty() || months <= 0) {
      return Optional.empty();
    }
    return Optional.of(lastReviewed.get().plusMonths(months));
  }

  /** The review state of a document reviewed on {@code lastReviewed} on the given cycle. */
  public ReviewState state(Optional<LocalDate> lastReviewed, String frequency) {
    return stateOn(nextReviewDue(lastReviewed, frequency), today());
  }

  /** The review state, on {@code day}, of a document next due on {@code nextReviewDue}. */
  public static ReviewState stateOn(Optional<LocalDate> nextReviewDue, LocalDate day) {
    if (nextReviewDue.isEmpty()) {
      return ReviewState.UNSCHEDULED;
    }
    long days = ChronoUnit.DAYS.between(day, nextReviewDue.get());
    if (days < 0) {
      return ReviewState.OVERDUE;
    }
    return days <= DUE_SOON_DAYS ? ReviewState.DUE_SOON : ReviewState.CURRENT;
  }

  /**
   * The due dates that put a document in {@code state} on {@code day}, as an inclusive range of
   * epoch days ({@link Long#MIN_VALUE} or {@link Long#MAX_VALUE} where it is open); empty for
   * {@link ReviewState#UNSCHEDULED}, which is having no due date. The ranges of the other states do
   * not overlap and together cover every date, as {@link #stateOn} decides.
   */
  public static Optional<DueDays> dueDays(ReviewState state, LocalDate day) {
    long today = day.toEpochDay();
    return switch (state) {
      case OVERDUE -> Optional.of(new DueDays(Long.MIN_VALUE, today - 1));
      case DUE_SOON -> Optional.of(new DueDays(today, today + DUE_SOON_DAYS));
      case CURRENT -> Optional.of(new DueDays(today + DUE_SOON_DAYS + 1, Long.MAX_VALUE));
      case UNSCHEDULED -> Optional.empty();
    };
  }

  /** An inclusive range of due dates as epoch days. */
  public record DueDays(long first, long last) {}
}
