package org.metshub.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.metshub.App;
import org.metshub.kb.KbFile;
import org.metshub.search.BgeSmallEmbedder;
import org.metshub.search.IndexOptions;
import org.metshub.search.Passage;
import org.metshub.search.Passages;

/**
 * The embedder's throughput on this machine: texts/s and word pieces/s for the texts an index build
 * embeds (section leads, and passage texts when passages have vectors; sampled evenly from a
 * corpus), run through bge-small int8 in several ways: as langchain4j runs it (one text per run, a
 * thread per core, each run free to use every core), one text per run with the threads set, and in
 * batches of texts of similar length. Every way's vectors are compared with langchain4j's (cosine).
 * The best batched figure is the limit an index build is measured against.
 */
final class EmbedBench {
  private final Path corpus;
  private final int sample;
  private final IndexOptions options;
  private final PrintWriter out;

  EmbedBench(Path corpus, int sample, IndexOptions options, PrintWriter out) {
    this.corpus = corpus;
    this.sample = sample;
    this.options = options;
    this.out = out;
  }

  /** The batched-inference limit found: word pieces per second. */
  double run() {
    BgeSmallEmbedder counter = new BgeSmallEmbedder(new BgeSmallEmbedder.Tuning(1, 1, 1));
    List<String> texts = texts(counter);
    long tokens = 0;
    int longest = 0;
    for (String t : texts) {
      int n = counter.tokens(t);
      tokens += n;
      longest = Math.max(longest, n);
    }
    counter.close();
    out.printf(
        Locale.ROOT,
        "Embedder throughput: %d texts as an index build embeds them (%s;"
            + " %d word pieces, mean %.0f, longest %d) from %s, %d cores%n",
        texts.size(),
        options.passageVectors() ? "section leads and passages" : "section leads",
        tokens,
        tokens / (double) texts.size(),
        longest,
        corpus,
        Runtime.getRuntime().availableProcessors());
    out.println(
        "way                                              texts/s  pieces/s  cosine to"
            + " langchain4j (min / mean)");
    out.flush();
    int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService exec = Executors.newFixedThreadPool(cores);
    BgeSmallEnV15QuantizedEmbeddingModel l4j = new BgeSmallEnV15QuantizedEmbeddingModel(exec);
    List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
    l4j.embedAll(segments.subList(0, Math.min(16, segments.size()))); // warm-up
    long t0 = System.nanoTime();
    List<float[]> reference = new ArrayList<>();
    for (var e : l4j.embedAll(segments).content()) {
      reference.add(e.vector());
    }
    double s0 = (System.nanoTime() - t0) / 1e9;
    exec.shutdownNow();
    row(
        "langchain4j 1.20 (1 text a run, " + cores + " threads)",
        texts.size(),
        tokens,
        s0,
        reference,
        reference);
    double best = 0;
    List<BgeSmallEmbedder.Tuning> ways =
        List.of(
            new BgeSmallEmbedder.Tuning(1, 1, cores),
            new BgeSmallEmbedder.Tuning(1, cores, 1),
            new BgeSmallEmbedder.Tuning(8, cores, 1),
            new BgeSmallEmbedder.Tuning(16, cores, 1),
            new BgeSmallEmbedder.Tuning(32, cores, 1),
            new BgeSmallEmbedder.Tuning(16, 1, cores),
            new BgeSmallEmbedder.Tuning(64, 1, cores));
    for (BgeSmallEmbedder.Tuning way : ways) {
      try (BgeSmallEmbedder e = new BgeSmallEmbedder(way)) {
        e.embedPassages(texts.subList(0, Math.min(16, texts.size())));
        long t = System.nanoTime();
        List<float[]> v = e.embedPassages(texts);
        double s = (System.nanoTime() - t) / 1e9;
        row("direct ONNX Runtime, " + way, texts.size(), tokens, s, v, reference);
        best = Math.max(best, tokens / s);
      }
    }
    out.printf(Locale.ROOT, "limit (best way): %.0f word pieces/s%n", best);
    out.flush();
    return best;
  }

  private void row(
      String way, int n, long tokens, double seconds, List<float[]> v, List<float[]> ref) {
    double min = 1;
    double sum = 0;
    for (int i = 0; i < v.size(); i++) {
      double c = cosine(v.get(i), ref.get(i));
      min = Math.min(min, c);
      sum += c;
    }
    out.printf(
        Locale.ROOT,
        "%-48s %7.1f  %8.0f  %.5f / %.6f%n",
        way,
        n / seconds,
        tokens / seconds,
        min,
        sum / v.size());
    out.flush();
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  /**
   * The texts an index build embeds with the default options (each passage's section lead, and its
   * passage text when passages have vectors of their own), from every k-th passage.
   */
  private List<String> texts(BgeSmallEmbedder tokenizer) {
    List<Passage> all = new ArrayList<>();
    for (KbFile f : App.readKb(corpus)) {
      if (f instanceof org.metshub.kb.KbDocument d) {
        all.addAll(Passages.of(d, ""));
      }
    }
    int perPassage = options.passageVectors() ? 2 : 1;
    int step = Math.max(1, all.size() * perPassage / Math.max(1, sample));
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < all.size() && texts.size() < sample; i += step) {
      Passage p = all.get(i);
      texts.add(p.leadText(options.withTitles()));
      if (options.passageVectors()) {
        texts.add(tokenizer.clip(p.embeddingText(options.withTitles()), options.passageTokens()));
      }
    }
    return texts;
  }
}
