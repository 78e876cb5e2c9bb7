package org.metshub.curation;

import org.metshub.kb.FrontMatterBinder;

/** Document ids made from a resource's name: lower-case words joined by hyphens. */
final class Slug {
  static final int MAX_LENGTH = 60;

  private Slug() {}

  static String of(String name) {
    String s = FrontMatterBinder.slug(name.replaceAll("['’]", "").replace('.', ' ')
        .replace('_', ' '));
    if (s.length() > MAX_LENGTH) {
      int cut = s.lastIndexOf('-', MAX_LENGTH);
      s = s.substring(0, cut > 20 ? cut : MAX_LENGTH);
    }
    return s.replaceAll("^[^a-z0-9]+", "").isEmpty() ? "resource" : s.replaceAll("^[^a-z0-9]+", "");
  }
}
