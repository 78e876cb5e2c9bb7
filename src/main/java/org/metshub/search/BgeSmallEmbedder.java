package org.metshub.search;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.metshub.kb.KbException;

/**
 * bge-small-en-v1.5, int8-quantised ONNX, run in process by langchain4j from the model bundled in
 * its Maven artifact (nothing is downloaded; the launcher also sets {@code ai.djl.offline}).
 * Queries get the instruction prefix the model was trained with; passages get none. Long texts
 * are embedded in 510-token windows and averaged by the library. Vectors are normalised.
 * Thread-safe; the model is loaded once per instance (about 0.5 s).
 */
public final class BgeSmallEmbedder implements Embedder {
  /** The query instruction bge-*-en-v1.5 expects for retrieval. */
  public static final String QUERY_PREFIX =
      "Represent this sentence for searching relevant passages: ";

  /** The model id cached and shipped vectors are keyed by. */
  public static final String MODEL_ID = "bge-small-en-v1.5-q/int8";

  /** The dimension of its vectors. */
  public static final int DIMENSION = 384;

  private final BgeSmallEnV15QuantizedEmbeddingModel model;

  /** Batches are embedded on one daemon thread per core. */
  public BgeSmallEmbedder() {
    this(java.util.concurrent.Executors.newFixedThreadPool(
        Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
          Thread t = new Thread(r, "metshub-embed");
          t.setDaemon(true);
          return t;
        }));
  }

  /** With an executor that embeds the texts of a batch in parallel. */
  public BgeSmallEmbedder(Executor executor) {
    System.setProperty("ai.djl.offline", "true");
    try {
      this.model = new BgeSmallEnV15QuantizedEmbeddingModel(executor);
    } catch (RuntimeException | LinkageError e) {
      throw new KbException("cannot load the bge-small-en-v1.5 embedding model: " + e, e);
    }
  }

  @Override
  public String modelId() {
    return MODEL_ID;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public float[] embedQuery(String query) {
    return normalise(model.embed(QUERY_PREFIX + query).content().vector());
  }

  @Override
  public List<float[]> embedPassages(List<String> passages) {
    if (passages.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments = passages.stream().map(TextSegment::from).toList();
    List<Embedding> vectors = model.embedAll(segments).content();
    List<float[]> out = new ArrayList<>(vectors.size());
    for (Embedding e : vectors) {
      out.add(normalise(e.vector()));
    }
    return out;
  }

  static float[] normalise(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    double norm = Math.sqrt(sum);
    if (norm == 0) {
      return v;
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / norm);
    }
    return out;
  }
}
