package org.metshub.search;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.metshub.error.MetsHubException.Internal;

/**
 * bge-small-en-v1.5, int8-quantised ONNX, run in process by ONNX Runtime from the model bundled in
 * the langchain4j Maven artifact (nothing is downloaded). Queries get the instruction prefix the
 * model was trained with; passages get none. The vector is the [CLS] token's final state,
 * normalised. A text longer than the model's 512-token window is cut into windows of at most 510
 * word pieces, never inside a word, and its vector is the token-weighted mean of theirs.
 *
 * <p>Passages are run in batches of {@link Tuning#batchSize} texts of similar length (sorted by
 * token count, so little padding is computed), spread over {@link Tuning#workers} threads that
 * share one session, each run using {@link Tuning#intraOpThreads} threads inside ONNX Runtime. The
 * figures behind the defaults are in the README ({@code metshub bench embed}): one worker per core
 * with one intra-op thread each, one text a run. Thread-safe; the model is loaded once per
 * instance.
 */
public final class BgeSmallEmbedder implements Embedder, AutoCloseable {
  /** The query instruction bge-*-en-v1.5 expects for retrieval. */
  public static final String QUERY_PREFIX =
      "Represent this sentence for searching relevant passages: ";

  /** The model id cached and shipped vectors are keyed by. */
  public static final String MODEL_ID = "bge-small-en-v1.5-q/int8";

  /** The dimension of its vectors. */
  public static final int DIMENSION = 384;

  /** Word pieces in one window, besides [CLS] and [SEP]. */
  static final int WINDOW = 510;

  private static final String MODEL_RESOURCE = "/bge-small-en-v1.5-q.onnx";
  private static final String TOKENIZER_RESOURCE = "/bge-small-en-v1.5-q-tokenizer.json";

  /**
   * How inference is spread over the cores.
   *
   * @param batchSize texts run through the model at once (1 = one at a time)
   * @param workers threads running batches side by side
   * @param intraOpThreads threads ONNX Runtime uses inside one run
   */
  public record Tuning(int batchSize, int workers, int intraOpThreads) {
    public Tuning {
      if (batchSize < 1 || workers < 1 || intraOpThreads < 1) {
        throw new IllegalArgumentException(
            "batch size, workers and intra-op threads must be"
                + " at least 1: "
                + batchSize
                + ", "
                + workers
                + ", "
                + intraOpThreads);
      }
    }

    /**
     * The measured best on this project's 2-core machines: a worker per core, each running one text
     * at a time on one intra-op thread. Batches were slower and moved the int8 model's vectors
     * further from the one-at-a-time ones (its activations are quantised per run).
     */
    public static Tuning defaults() {
      return new Tuning(1, Math.max(1, Runtime.getRuntime().availableProcessors()), 1);
    }

    @Override
    public String toString() {
      return "batch "
          + batchSize
          + ", "
          + workers
          + " worker(s) x "
          + intraOpThreads
          + " intra-op thread(s)";
    }
  }

  private final Tuning tuning;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final boolean typeIds;
  private final HuggingFaceTokenizer tokenizer;
  private final long clsId;
  private final long sepId;

  /** Null with one worker: texts are embedded on the caller's thread. */
  private final @Nullable ExecutorService pool;

  /** With the measured default tuning. */
  public BgeSmallEmbedder() {
    this(Tuning.defaults());
  }

  public BgeSmallEmbedder(Tuning tuning) {
    this.tuning = tuning;
    System.setProperty("ai.djl.offline", "true");
    try (InputStream model = resource(MODEL_RESOURCE);
        InputStream vocab = resource(TOKENIZER_RESOURCE)) {
      this.env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(tuning.intraOpThreads());
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      // Idle intra-op threads would spin for work between runs, taking a core from the server.
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      this.session = env.createSession(model.readAllBytes(), options);
      this.typeIds = session.getInputNames().contains("token_type_ids");
      this.tokenizer =
          HuggingFaceTokenizer.newInstance(
              vocab, Map.of("padding", "false", "truncation", "false", "addSpecialTokens", "true"));
      Encoding marks = tokenizer.encode("");
      this.clsId = marks.getIds()[0];
      this.sepId = marks.getIds()[marks.getIds().length - 1];
    } catch (IOException | OrtException | RuntimeException | LinkageError e) {
      throw new Internal("cannot load the bge-small-en-v1.5 embedding model: " + e, e);
    }
    this.pool =
        tuning.workers() == 1
            ? null
            : Executors.newFixedThreadPool(
                tuning.workers(),
                r -> {
                  Thread t = new Thread(r, "metshub-embed");
                  t.setDaemon(true);
                  return t;
                });
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = BgeSmallEmbedder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException(
          name
              + " is not on the class path (the langchain4j"
              + " bge-small-en-v15-q artifact carries it)");
    }
    return in;
  }

  public Tuning tuning() {
    return tuning;
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
    return embed(List.of(QUERY_PREFIX + query), /* parallel= */ false).get(0);
  }

  @Override
  public List<float[]> embedPassages(List<String> passages) {
    return embed(passages, /* parallel= */ true);
  }

  /** The number of word pieces the model sees for a text, [CLS] and [SEP] included. */
  public int tokens(String text) {
    return tokenizer.encode(text).getIds().length;
  }

  /**
   * The longest start of {@code text} the model reads as at most {@code maxTokens} word pieces,
   * [CLS] and [SEP] included, cut before a word (never inside one).
   */
  @Override
  public String clip(String text, int maxTokens) {
    if (maxTokens <= 0) {
      return text;
    }
    Encoding e = tokenizer.encode(text);
    if (e.getIds().length <= maxTokens) {
      return text;
    }
    String[] tokens = e.getTokens();
    var spans = e.getCharTokenSpans();
    int cut = maxTokens - 1; // the first piece left out (index 0 is [CLS])
    while (cut > 1 && tokens[cut].startsWith("##")) {
      cut--;
    }
    if (cut <= 1 || spans[cut] == null) {
      return text;
    }
    return text.substring(0, spans[cut].getStart()).stripTrailing();
  }

  /** One model input: a window of a text's word pieces, with [CLS] and [SEP]. */
  private record Row(int text, long[] ids) {}

  private List<float[]> embed(List<String> texts, boolean parallel) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      if (text.isBlank()) {
        throw new IllegalArgumentException("cannot embed an empty text (item " + i + ")");
      }
      Encoding e = tokenizer.encode(text);
      for (long[] window : windows(e.getIds(), e.getTokens())) {
        rows.add(new Row(i, window));
      }
    }
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingInt(r -> r.ids().length));
    List<List<Row>> batches = new ArrayList<>();
    for (int from = 0; from < sorted.size(); from += tuning.batchSize()) {
      batches.add(sorted.subList(from, Math.min(sorted.size(), from + tuning.batchSize())));
    }
    java.util.IdentityHashMap<Row, float[]> cls = new java.util.IdentityHashMap<>();
    if (!parallel || pool == null || batches.size() == 1) {
      for (List<Row> batch : batches) {
        put(cls, batch, run(batch));
      }
    } else {
      List<Future<float[][]>> futures = new ArrayList<>();
      for (List<Row> batch : batches) {
        futures.add(pool.submit(() -> run(batch)));
      }
      try {
        for (int b = 0; b < batches.size(); b++) {
          put(cls, batches.get(b), futures.get(b).get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Internal("embedding was interrupted", e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new Internal(
                "embedding failed: " + e.getCause(), Objects.requireNonNullElse(e.getCause(), e));
      }
    }
    float[][] sums = new float[texts.size()][];
    for (Row r : rows) {
      // Every row was in a batch, and each batch put the vectors of its rows.
      float[] v = Objects.requireNonNull(cls.get(r));
      int weight = r.ids().length - 2;
      if (sums[r.text()] == null) {
        sums[r.text()] = new float[DIMENSION];
      }
      for (int d = 0; d < DIMENSION; d++) {
        sums[r.text()][d] += v[d] * weight;
      }
    }
    List<float[]> out = new ArrayList<>(texts.size());
    for (float[] s : sums) {
      out.add(normalise(s));
    }
    return out;
  }

  private static void put(Map<Row, float[]> cls, List<Row> batch, float[][] vectors) {
    for (int i = 0; i < batch.size(); i++) {
      cls.put(batch.get(i), vectors[i]);
    }
  }

  /**
   * A text's word pieces as model inputs: one row when they fit the window, otherwise windows of at
   * most {@link #WINDOW} pieces that start at a word's first piece.
   */
  List<long[]> windows(long[] ids, String[] tokens) {
    int n = ids.length - 2; // without [CLS] and [SEP]
    if (n <= WINDOW) {
      return List.<long[]>of(ids);
    }
    List<long[]> out = new ArrayList<>();
    int from = 1;
    int end = ids.length - 1;
    while (from < end) {
      int to = Math.min(end, from + WINDOW);
      if (to < end) {
        int cut = to;
        while (cut > from + 1 && tokens[cut].startsWith("##")) {
          cut--;
        }
        to = cut > from + 1 ? cut : to;
      }
      long[] w = new long[to - from + 2];
      w[0] = clsId;
      System.arraycopy(ids, from, w, 1, to - from);
      w[w.length - 1] = sepId;
      out.add(w);
      from = to;
    }
    return out;
  }

  /** The [CLS] states of one batch, padded to its longest row. */
  private float[][] run(List<Row> batch) {
    int b = batch.size();
    int len = batch.get(b - 1).ids().length;
    for (Row r : batch) {
      len = Math.max(len, r.ids().length);
    }
    long[] ids = new long[b * len];
    long[] mask = new long[b * len];
    for (int i = 0; i < b; i++) {
      long[] row = batch.get(i).ids();
      System.arraycopy(row, 0, ids, i * len, row.length);
      Arrays.fill(mask, i * len, i * len + row.length, 1L);
    }
    long[] shape = {b, len};
    try (OnnxTensor idT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
        OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
        OnnxTensor typeT =
            OnnxTensor.createTensor(env, LongBuffer.wrap(new long[b * len]), shape)) {
      Map<String, OnnxTensor> inputs =
          typeIds
              ? Map.of("input_ids", idT, "attention_mask", maskT, "token_type_ids", typeT)
              : Map.of("input_ids", idT, "attention_mask", maskT);
      try (OrtSession.Result result = session.run(inputs)) {
        FloatBuffer states = ((OnnxTensor) result.get(0)).getFloatBuffer();
        float[][] out = new float[b][DIMENSION];
        for (int i = 0; i < b; i++) {
          states.get((int) ((long) i * len * DIMENSION), out[i]);
        }
        return out;
      }
    } catch (OrtException e) {
      throw new Internal("the embedding model failed: " + e.getMessage(), e);
    }
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

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
    try {
      session.close();
    } catch (OrtException e) {
      throw new Internal("cannot close the embedding model: " + e.getMessage(), e);
    }
    tokenizer.close();
  }
}
