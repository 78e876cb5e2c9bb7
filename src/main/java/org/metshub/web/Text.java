package org.metshub.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Small text functions of the web layer: URL encoding and clipping. */
public final class Text {
  private Text() {}

  public static String url(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** At most {@code max} characters, with an ellipsis when cut (for echoing bad input). */
  static String clip(String s, int max) {
    return org.metshub.text.Clip.of(s, max);
  }
}
