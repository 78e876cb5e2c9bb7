package org.metshub.kb;

/**
 * Document ids made from titles: lower-case words joined by hyphens, at most 80 characters (or a
 * given length). Importers and curators' approvals both name files with it.
 */
public final class Slugs {
  /** Longest id made from a title; longer titles are cut at a word boundary. */
  static final int MAX_LENGTH = 80;

  private Slugs() {}

  /** The id for a title: "The President's Vision" gives {@code the-presidents-vision}. */
  public static String of(String title) {
    return of(title, MAX_LENGTH);
  }

  /** The id for a title, cut at a word boundary to at most {@code maxLength} characters. */
  public static String of(String title, int maxLength) {
    String s =
        FrontMatterBinder.slug(title.replaceAll("['’]", "").replace('.', ' ').replace('_', ' '));
    if (s.length() <= maxLength) {
      return s;
    }
    int cut = s.lastIndexOf('-', maxLength);
    return s.substring(0, cut > 20 ? cut : maxLength);
  }
}
