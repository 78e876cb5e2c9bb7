package org.metshub.curation;

/** Small text helpers for messages. */
final class Text {
  private Text() {}

  /** At most {@code max} characters of {@code s}, with an ellipsis when cut. */
  static String clip(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
