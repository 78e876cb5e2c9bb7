package org.metshub.store;

/** Text as the database keeps it: clipped to a column's length. */
public final class Columns {
  private Columns() {}

  /** At most {@code max} characters of {@code s}, with an ellipsis when cut. */
  public static String clip(String s, int max) {
    return org.metshub.text.Clip.of(s, max);
  }
}
