package org.metshub.search;

/**
 * How passages are indexed. {@code withTitles} puts the document title into the title field and the
 * embedding text (switch it off to measure retrieval without titles); {@code withVectors} embeds
 * passages (switch it off for lexical-only indexes in tests and benchmarks); {@code passageTokens}
 * is how many word pieces of a passage (title and heading included) its passage vector reads:
 * {@link #WHOLE} for all of it, {@link #NO_PASSAGE_VECTOR} for no passage vector at all (the
 * section lead's vector, which always reads the whole lead, then stands alone).
 */
public record IndexOptions(boolean withTitles, boolean withVectors, int passageTokens) {
  /**
   * What a passage vector reads by default: nothing, since passages get no vector of their own.
   * Measured (README, Performance: {@code metshub bench retrieval lay embed index}): the passage
   * vector moved MedQuAD MRR@10 by +0.002 with titles and -0.003 without, and the lay queries by
   * +0.006 (dev) and +0.002 (test), while it made three quarters of the word pieces an index build
   * runs through the model. The setting {@code index.passageTokens} ({@code
   * -Dmetshub.index.passageTokens=whole|N}) brings it back for measurements.
   */
  public static final int PASSAGE_TOKENS = IndexOptions.NO_PASSAGE_VECTOR;

  /** {@code passageTokens}: the passage vector reads the whole passage. */
  public static final int WHOLE = 0;

  /** {@code passageTokens}: passages get no vector of their own; the lead vector stands alone. */
  public static final int NO_PASSAGE_VECTOR = -1;

  /** "whole", "none" or a number of word pieces (at least 3). */
  public static int parsePassageTokens(String value) {
    return switch (value.strip()) {
      case "whole", "0" -> WHOLE;
      case "none" -> NO_PASSAGE_VECTOR;
      default -> {
        try {
          yield Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "passage tokens must be 'whole', 'none' or a number"
                  + " of word pieces, got '"
                  + value
                  + "'");
        }
      }
    };
  }

  /** True when passages carry a vector of their own. */
  public boolean passageVectors() {
    return withVectors && passageTokens != NO_PASSAGE_VECTOR;
  }

  public static final IndexOptions DEFAULT = new IndexOptions(true, true);

  public IndexOptions {
    if (passageTokens < NO_PASSAGE_VECTOR || passageTokens == 1 || passageTokens == 2) {
      throw new IllegalArgumentException(
          "passageTokens must be "
              + WHOLE
              + " (whole passage), "
              + NO_PASSAGE_VECTOR
              + " (none) or at least 3 (room for [CLS], a word piece and [SEP]): "
              + passageTokens);
    }
  }

  /** With the default passage-vector length. */
  public IndexOptions(boolean withTitles, boolean withVectors) {
    this(withTitles, withVectors, PASSAGE_TOKENS);
  }

  /**
   * Version of how documents become passages and fields. Bump it whenever {@link Passages} or the
   * field layout changes: an index built by another version is rebuilt on open (embeddings of
   * unchanged texts still come from the cache).
   */
  static final int SCHEMA = 14;

  /**
   * Version of the page openings that stand in for titles when there are none (see {@link
   * PageOpenings}); only indexes without titles carry it.
   */
  static final int PAGE_OPENINGS = 1;

  /** A short token stored in the index so a change of options forces a rebuild. */
  String signature(Embedder embedder) {
    return "schema="
        + SCHEMA
        + ";titles="
        + withTitles
        + (withTitles ? "" : ";openings=" + PAGE_OPENINGS)
        + ";vectors="
        + (withVectors ? embedder.modelId() + ";gloss=" + Gloss.bundled().version() : "none")
        + (withVectors && passageTokens != WHOLE ? ";passageTokens=" + passageTokens : "");
  }
}
