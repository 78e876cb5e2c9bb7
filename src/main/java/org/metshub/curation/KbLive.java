package org.metshub.curation;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.metshub.kb.KbFile;

/**
 * The live KB as curation sees it: the folder, the files as last read, a check of a new file's
 * text (parsed and validated as the reader would), and a refresh that re-reads the folder and
 * brings the search index up to date (incrementally) so a change is searchable at once.
 */
public interface KbLive {
  Path root();

  List<KbFile> files();

  /** The problems a file with this text at this path (relative to the root) would have. */
  KbFile check(String relativePath, String text);

  /** Re-reads the folder and updates the index; returns a one-line summary. */
  String refresh();

  /** The title of the KB document whose URL has this {@link UrlKey}, if any. */
  default Optional<String> titleOfUrl(String urlKey) {
    for (KbFile f : files()) {
      if (f instanceof org.metshub.kb.KbDocument d && !d.frontMatter().url().isEmpty()
          && UrlKey.of(d.frontMatter().url()).equals(urlKey)) {
        return Optional.of(d.frontMatter().title());
      }
    }
    return Optional.empty();
  }
}
