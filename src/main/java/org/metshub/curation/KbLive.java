package org.metshub.curation;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.metshub.kb.KbFile;

/**
 * The live KB as curation sees it: the folder, the files as last read, a check of a new file's text
 * (parsed and validated as the reader would), and a refresh that re-reads the folder (or only the
 * files that changed) and brings the search index up to date (incrementally) so a change is
 * searchable at once.
 */
public interface KbLive {
  Path root();

  List<KbFile> files();

  /** The problems a file with this text at this path (relative to the root) would have. */
  KbFile check(String relativePath, String text);

  /** Re-reads the folder and updates the index; returns a one-line summary. */
  String refresh();

  /**
   * Re-reads only these files (paths relative to the root; a missing file is dropped), keeps the
   * last reading of every other file, validates the whole KB again (ids must stay unique,
   * translations must resolve) and updates the index; returns a one-line summary. What a curation
   * change uses: on a KB of 1,400 files, re-reading everything costs seconds.
   */
  String refresh(Collection<String> changedRelativePaths);

  /** The title of the KB document whose URL has this {@link UrlKey}, if any. */
  default Optional<String> titleOfUrl(String urlKey) {
    for (KbFile f : files()) {
      if (f instanceof org.metshub.kb.KbDocument d
          && !d.frontMatter().url().isEmpty()
          && UrlKey.of(d.frontMatter().url()).equals(urlKey)) {
        return Optional.of(d.frontMatter().title());
      }
    }
    return Optional.empty();
  }
}
