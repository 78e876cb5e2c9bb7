package org.metshub.curation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.metshub.kb.KbDocument;
import org.metshub.kb.KbFile;
import org.metshub.kb.ReviewSchedule;

/**
 * The documents whose review is overdue or falls due within a window, soonest first: what the
 * console's review queue and {@code metshub review-due} list. Retired and archived documents are
 * left out; drafts are in (they need a review before they go live).
 */
public final class ReviewQueue {
  private ReviewQueue() {}

  /** One document due for review. {@code days} is negative when overdue. */
  public record Due(
      String docId,
      String title,
      String path,
      String status,
      @Nullable LocalDate lastReviewed,
      LocalDate due,
      long days,
      String reviewedBy) {
    public boolean overdue() {
      return days < 0;
    }

    public String state() {
      return overdue() ? "overdue" : "due-soon";
    }
  }

  public static List<Due> due(List<KbFile> files, ReviewSchedule schedule, int withinDays) {
    LocalDate today = schedule.today();
    LocalDate horizon = today.plusDays(withinDays);
    List<Due> out = new ArrayList<>();
    for (KbFile f : files) {
      if (!(f instanceof KbDocument d)) {
        continue;
      }
      var fm = d.frontMatter();
      if (fm.status().equals("retired") || fm.status().equals("archived")) {
        continue;
      }
      Optional<LocalDate> next = schedule.nextReviewDue(fm.lastReviewed(), fm.reviewFrequency());
      if (next.isEmpty() || next.get().isAfter(horizon)) {
        continue;
      }
      out.add(
          new Due(
              d.id(),
              fm.title(),
              d.path(),
              fm.status(),
              fm.lastReviewed().orElse(null),
              next.get(),
              ChronoUnit.DAYS.between(today, next.get()),
              fm.reviewedBy()));
    }
    out.sort(Comparator.comparing(Due::due).thenComparing(Due::docId));
    return out;
  }
}
