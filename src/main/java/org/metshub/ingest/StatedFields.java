package org.metshub.ingest;

import java.util.Set;

/**
 * Fills the fields the import command states for sources that do not ({@code --base-url}, {@code
 * --source}, {@code --source-type}, {@code --license}); without {@code --license} the licence is
 * {@code link_only}, inferred: cite and link, never quote.
 */
final class StatedFields {
  static final String SAFE_LICENSE = "link_only";

  private StatedFields() {}

  static void apply(ImportOptions options, FrontMatterBuilder fm, Set<String> stated) {
    if (fm.url.isEmpty() && !options.baseUrl().isEmpty()) {
      fm.url = options.baseUrl();
      stated.add("url");
    }
    if (fm.source.isEmpty() && !options.source().isEmpty()) {
      fm.source = options.source();
      stated.add("source");
    }
    if (fm.sourceType.isEmpty() && !options.sourceType().isEmpty()) {
      fm.sourceType = options.sourceType();
      stated.add("sourceType");
    }
    if (fm.license.isEmpty()) {
      if (!options.license().isEmpty()) {
        fm.license = options.license();
        stated.add("license");
      } else {
        fm.license = SAFE_LICENSE;
      }
    }
  }
}
