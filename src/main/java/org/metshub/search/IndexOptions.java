package org.metshub.search;

/**
 * How passages are indexed. {@code withTitles} puts the document title into the title field and
 * the embedding text (switch it off to measure retrieval without titles); {@code withVectors}
 * embeds passages (switch it off for lexical-only indexes in tests and benchmarks).
 */
public record IndexOptions(boolean withTitles, boolean withVectors) {
  public static final IndexOptions DEFAULT = new IndexOptions(true, true);

  /**
   * Version of how documents become passages and fields. Bump it whenever {@link Passages} or
   * the field layout changes: an index built by another version is rebuilt on open (embeddings
   * of unchanged texts still come from the cache).
   */
  static final int SCHEMA = 7;

  /**
   * Version of the page openings that stand in for titles when there are none (see
   * {@link PageOpenings}); only indexes without titles carry it.
   */
  static final int PAGE_OPENINGS = 1;

  /** A short token stored in the index so a change of options forces a rebuild. */
  String signature(Embedder embedder) {
    return "schema=" + SCHEMA + ";titles=" + withTitles
        + (withTitles ? "" : ";openings=" + PAGE_OPENINGS) + ";vectors="
        + (withVectors ? embedder.modelId() : "none");
  }
}
