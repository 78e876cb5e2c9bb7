package org.metshub.search;

import java.nio.file.Path;
import org.metshub.error.MetsHubException.Unavailable;

/**
 * The index cannot be opened for writing because another writer holds its Lucene {@code
 * write.lock}: in practice a running {@code metshub serve} on the same data folder (or a second
 * open in the same process). Readers can still open it with {@link SearchIndex#openReadOnly}.
 * Unavailable: it works once that server stops.
 */
public final class IndexHeldException extends Unavailable {
  private final Path indexDir;

  IndexHeldException(Path indexDir, Throwable cause) {
    super(
        "the search index "
            + indexDir
            + " is held by another process (a running 'metshub "
            + "serve'?): its write.lock is taken",
        cause);
    this.indexDir = indexDir;
  }

  /** The index folder whose lock is held. */
  public Path indexDir() {
    return indexDir;
  }
}
