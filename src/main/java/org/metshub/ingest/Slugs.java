package org.metshub.ingest;

import org.metshub.kb.FrontMatterBinder;

/** Document ids made from titles: lower-case words joined by hyphens, at most 80 characters. */
final class Slugs {
  /** Longest id made from a title; longer titles are cut at a word boundary. */
  static final int MAX_LENGTH = 80;

  private Slugs() {}

  /** The id for a title: "The President's Vision" gives {@code the-presidents-vision}. */
  static String of(String title) {
    String s = FrontMatterBinder.slug(title.replaceAll("['’]", "").replace('.', ' ')
        .replace('_', ' '));
    if (s.length() <= MAX_LENGTH) {
      return s;
    }
    int cut = s.lastIndexOf('-', MAX_LENGTH);
    return s.substring(0, cut > 20 ? cut : MAX_LENGTH);
  }
}
