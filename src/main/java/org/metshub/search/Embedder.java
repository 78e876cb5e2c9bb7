package org.metshub.search;

import java.util.List;

/** Turns text into unit-length vectors for semantic search. Implementations are thread-safe. */
public interface Embedder {
  /** A stable name of the model and its settings; cached vectors are keyed by it. */
  String modelId();

  int dimension();

  /** The vector of a search query (with whatever instruction prefix the model needs). */
  float[] embedQuery(String query);

  /** The vectors of passages, in order. */
  List<float[]> embedPassages(List<String> passages);

  /**
   * The longest start of a text that the model reads as at most {@code maxTokens} tokens, its own
   * markers included ({@code maxTokens} 0: the whole text). This default counts
   * whitespace-separated words, for models without a tokenizer of their own.
   */
  default String clip(String text, int maxTokens) {
    if (maxTokens <= 0) {
      return text;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S+").matcher(text);
    int words = 0;
    while (m.find()) {
      if (++words == maxTokens) {
        return text.substring(0, m.end());
      }
    }
    return text;
  }
}
