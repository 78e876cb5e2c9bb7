package org.metshub.search;

import java.util.List;

/**
 * What an indexing run did: documents added, changed, unchanged and removed, passages written,
 * passages embedded (cache misses) and the files skipped because they had errors, each with its
 * first error.
 */
public record IndexUpdate(
    int added,
    int changed,
    int unchanged,
    int removed,
    int passagesWritten,
    long passagesEmbedded,
    long embeddingCacheHits,
    List<Skipped> skipped,
    boolean rebuilt,
    String rebuildReason,
    long millis) {

  /**
   * A KB file left out of the index, and why.
   *
   * @param path the file as read
   * @param error its first error: {@code line: field: rule, got 'value'}
   */
  public record Skipped(String path, String error) {
    /** {@code path:line: field: rule, got 'value'}, as validate would point at it. */
    public String describe() {
      return path + ":" + error;
    }
  }

  public IndexUpdate {
    skipped = List.copyOf(skipped);
  }

  /** A sync that did not run (nothing added, changed or removed), with the skipped files. */
  public static IndexUpdate none(List<Skipped> skipped) {
    return new IndexUpdate(0, 0, 0, 0, 0, 0, 0, skipped, false, "", 0);
  }

  /** One line for logs and the CLI. */
  public String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "%s: %d added, %d changed, %d unchanged, %d removed; %d passages written, %d embedded,"
            + " %d embeddings from cache; %d files skipped (errors); %d ms",
        rebuilt ? "rebuilt" : "updated",
        added,
        changed,
        unchanged,
        removed,
        passagesWritten,
        passagesEmbedded,
        embeddingCacheHits,
        skipped.size(),
        millis);
  }
}
