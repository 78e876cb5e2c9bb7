package org.metshub.text;

/**
 * The one way text is shortened for display, logs and columns: at most {@code max} characters, with
 * an ellipsis when cut. Stateless.
 */
public final class Clip {
  private Clip() {}

  /**
   * At most {@code max} characters of {@code s} (nothing for null), "…" added when cut. A cut never
   * splits a surrogate pair (an emoji, a rare CJK character): the pair is left out whole.
   */
  public static String of(String s, int max) {
    if (s == null) {
      return "";
    }
    if (max < 0) {
      throw new IllegalArgumentException("max must not be negative, got " + max);
    }
    if (s.length() <= max) {
      return s;
    }
    int cut =
        max > 0 && Character.isSurrogatePair(s.charAt(max - 1), s.charAt(max)) ? max - 1 : max;
    return s.substring(0, cut) + "…";
  }
}
