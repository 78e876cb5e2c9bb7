package org.metshub.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads one kind of source into import items. A reader never throws for bad content: an unreadable
 * file or item becomes an {@link ImportItem.Rejected} with its reason.
 */
sealed interface SourceReader
    permits KbFolderReader, TextPageReader, HtmlPageReader, NewsListReader, MedQuadReader {

  /** Reads one source file (or, for a KB folder, the folder) into items. */
  List<ImportItem> read(Path source);

  /** Whether a file found in a source folder is one this reader takes. */
  boolean accepts(Path file);
}
