package org.metshub.text;

/**
 * The one way text is shortened for display, logs and columns: at most {@code max} characters,
 * with an ellipsis when cut. Stateless.
 */
public final class Clip {
  private Clip() {}

  /** At most {@code max} characters of {@code s} (nothing for null), "…" added when cut. */
  public static String of(String s, int max) {
    if (s == null) {
      return "";
    }
    if (max < 0) {
      throw new IllegalArgumentException("max must not be negative, got " + max);
    }
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
