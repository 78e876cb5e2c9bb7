package org.metshub.text;

/**
 * The one escaper for text put into HTML or XML: element content and quoted attribute values alike,
 * so the feeds, the sitemap and search snippets escape the same way. Characters XML 1.0 does not
 * allow (control characters other than tab and line ends, unpaired surrogates, U+FFFE and U+FFFF)
 * are dropped, since a feed reader rejects the whole document for one. Stateless.
 */
public final class Markup {
  private Markup() {}

  /**
   * {@code s} as text inside markup (nothing for null): {@code & < > " '} as references, so text
   * that is already escaped shows as written ({@code &amp;} stays visible).
   */
  @SuppressWarnings("EscapedEntity") // the {@code &amp;} above is meant to show as written
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        // &#39; rather than &apos;, which HTML 4 lacks
        case '\'' -> sb.append("&#39;");
        default -> {
          if (allowed(c)) {
            sb.appendCodePoint(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** XML 1.0's Char production; a lone surrogate arrives here as its own code point. */
  private static boolean allowed(int c) {
    return c == '\t'
        || c == '\n'
        || c == '\r'
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }
}
