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
}
