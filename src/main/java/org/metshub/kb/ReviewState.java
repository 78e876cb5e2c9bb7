package org.metshub.kb;

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
}
