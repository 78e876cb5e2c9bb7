package org.metshub.answer;

import java.time.LocalDate;
import java.util.Optional;
import org.metshub.kb.ReviewState;

/**
 * A numbered source of an answer: the passage's document with what a reader needs to judge it
 * (source, link, heading, last review and its state) and whether it may be quoted. Immutable.
 */
public record Citation(
    int n,
    String docId,
    String passageId,
    String title,
    String source,
    String url,
    String heading,
    Optional<LocalDate> lastReviewed,
    ReviewState reviewState,
    String license,
    boolean quotable,
    java.util.List<String> cancerTypes) {

  public Citation {
    cancerTypes = java.util.List.copyOf(cancerTypes);
  }

  public boolean overdue() {
    return reviewState == ReviewState.OVERDUE;
  }
}
