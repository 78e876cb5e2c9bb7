package org.metshub.ingest.infer;

import org.metshub.kb.MarkdownSections;

/** Builds document texts for inference tests from a title, URL and Markdown body. */
final class Texts {
  private Texts() {}

  static DocumentText of(String title, String url, String markdown) {
    return DocumentText.of(title, url, MarkdownSections.parse(markdown, url, 1));
  }

  static DocumentText of(String title, String markdown) {
    return of(title, "", markdown);
  }

  /** A body of about {@code words} words that names no cancer. */
  static String filler(int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words / 10; i++) {
      sb.append("People often want to know what comes next and how to plan. ");
    }
    return sb.toString();
  }
}
