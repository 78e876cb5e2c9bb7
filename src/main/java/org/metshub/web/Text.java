package org.metshub.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Small text functions of the web layer: URL encoding, clipping, XML escaping. */
public final class Text {
  private Text() {}

  public static String url(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** At most {@code max} characters, with an ellipsis when cut (for echoing bad input). */
  static String clip(String s, int max) {
    return org.metshub.text.Clip.of(s, max);
  }

  static String xml(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            sb.append(c); // other control characters are not allowed in XML 1.0
          }
        }
      }
    }
    return sb.toString();
  }
}
