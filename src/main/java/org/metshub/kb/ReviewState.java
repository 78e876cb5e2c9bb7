package org.metshub.kb;

import java.util.Optional;

/** Where a document stands in its review cycle. */
public enum ReviewState {
  CURRENT("current"),
  DUE_SOON("due-soon"),
  OVERDUE("overdue"),
  UNSCHEDULED("unscheduled");

  private final String label;

  ReviewState(String label) {
    this.label = label;
  }

  /** The word used in reports and JSON: current, due-soon, overdue, unscheduled. */
  public String label() {
    return label;
  }

  /** The state with this label, if there is one. */
  public static Optional<ReviewState> byLabel(String label) {
    for (ReviewState s : values()) {
      if (s.label.equals(label)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
