package org.metshub.safety;

/**
 * Where a phrase matched in a {@link NormalisedText}: tokens {@code [start, end)} and their text.
 */
record Span(int start, int end, String text) {
  Span {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException(
          "a span needs 0 <= start < end, got " + start + ", " + end);
    }
  }

  /** True when this span lies within {@code other}. */
  boolean within(Span other) {
    return start >= other.start && end <= other.end;
  }

  /** True when the two spans share a token. */
  boolean overlaps(Span other) {
    return start < other.end && other.start < end;
  }
}
