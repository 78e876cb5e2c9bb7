package org.metshub.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic embedder for fast tests: lower-cased words hashed into 64 dimensions, then
 * normalised. Texts sharing words are close; it counts its calls so tests can check caching.
 */
public final class HashingEmbedder implements Embedder {
  public int passagesEmbedded;

  @Override
  public String modelId() {
    return "hashing-64";
  }

  @Override
  public int dimension() {
    return 64;
  }

  @Override
  public float[] embedQuery(String query) {
    return vector(query);
  }

  @Override
  public synchronized List<float[]> embedPassages(List<String> passages) {
    passagesEmbedded += passages.size();
    List<float[]> out = new ArrayList<>();
    passages.forEach(p -> out.add(vector(p)));
    return out;
  }

  private static float[] vector(String text) {
    float[] v = new float[64];
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() > 2) {
        v[Math.floorMod(w.hashCode(), 64)] += 1;
      }
    }
    v[0] += 0.01f; // never the zero vector
    return BgeSmallEmbedder.normalise(v);
  }
}
