package org.metshub.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.metshub.kb.ReviewSchedule;
import org.metshub.kb.ReviewState;

/**
 * Review states on one day, worked out at query time from the indexed due date ({@link
 * Fields#NEXT_REVIEW_DUE}): the filter on states is a range query, the facet counts are range
 * counts, and a passage's state for the ranking prior is read from its doc value. Nothing about
 * "today" is in the index, so a server that runs for months shows a page as overdue on the day it
 * falls due, without a sync. Immutable.
 */
final class ReviewStates {
  private final LocalDate day;

  ReviewStates(LocalDate day) {
    this.day = day;
  }

  /** The passages in any of the states with these labels; an unknown label matches nothing. */
  Query filter(List<String> labels) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String label : labels) {
      Query q = ReviewState.byLabel(label).map(this::filter).orElse(MatchNoDocsQuery.INSTANCE);
      any.add(q, BooleanClause.Occur.SHOULD);
    }
    return any.build();
  }

  private Query filter(ReviewState state) {
    Optional<ReviewSchedule.DueDays> due = ReviewSchedule.dueDays(state, day);
    if (due.isPresent()) {
      return LongPoint.newRangeQuery(Fields.NEXT_REVIEW_DUE, due.get().first(), due.get().last());
    }
    // Unscheduled: no due date at all.
    return new BooleanQuery.Builder()
        .add(MatchAllDocsQuery.INSTANCE, BooleanClause.Occur.FILTER)
        .add(new FieldExistsQuery(Fields.NEXT_REVIEW_DUE), BooleanClause.Occur.MUST_NOT)
        .build();
  }

  /**
   * The documents of {@code matches} in each state, most first (ties in label order), states with
   * none left out: the same order as the other facets' counts.
   */
  List<FacetCount> counts(FacetsCollector matches) throws IOException {
    List<LongRange> ranges = new ArrayList<>();
    for (ReviewState s : ReviewState.values()) {
      ReviewSchedule.dueDays(s, day)
          .ifPresent(d -> ranges.add(new LongRange(s.label(), d.first(), true, d.last(), true)));
    }
    FacetResult r =
        new LongRangeFacetCounts(Fields.NEXT_REVIEW_DUE, matches, ranges.toArray(LongRange[]::new))
            .getAllChildren(Fields.NEXT_REVIEW_DUE);
    List<FacetCount> out = new ArrayList<>();
    long dated = 0;
    for (LabelAndValue lv : r.labelValues) {
      out.add(new FacetCount(lv.label, lv.value.intValue()));
      dated += lv.value.longValue();
    }
    // The ranges cover every date, so what is left has no due date.
    long all = 0;
    for (FacetsCollector.MatchingDocs md : matches.getMatchingDocs()) {
      all += md.totalHits();
    }
    out.add(new FacetCount(ReviewState.UNSCHEDULED.label(), (int) (all - dated)));
    return out.stream()
        .filter(c -> c.count() > 0)
        .sorted(
            Comparator.comparingInt(FacetCount::count).reversed().thenComparing(FacetCount::value))
        .toList();
  }

  /** The state of a passage ({@code doc} within its segment's {@code reader}). */
  ReviewState of(LeafReader reader, int doc) throws IOException {
    var due = reader.getNumericDocValues(Fields.NEXT_REVIEW_DUE);
    Optional<LocalDate> date =
        due != null && due.advanceExact(doc)
            ? Optional.of(LocalDate.ofEpochDay(due.longValue()))
            : Optional.empty();
    return on(date);
  }

  /** The state of a document next due on {@code nextReviewDue}. */
  ReviewState on(Optional<LocalDate> nextReviewDue) {
    return ReviewSchedule.stateOn(nextReviewDue, day);
  }
}
