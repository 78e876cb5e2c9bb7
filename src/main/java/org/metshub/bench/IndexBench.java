package org.metshub.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.metshub.App;
import org.metshub.error.MetsHubException.Internal;
import org.metshub.kb.ReviewSchedule;
import org.metshub.search.Analyzers;
import org.metshub.search.Embedder;
import org.metshub.search.EmbeddingCache;
import org.metshub.search.EmbeddingSeed;
import org.metshub.search.IndexOptions;
import org.metshub.search.IndexUpdate;
import org.metshub.search.KbIndexer;
import org.metshub.search.SearchIndex;

/**
 * Indexing cost on a real corpus: a full build with embeddings from an empty data folder (time,
 * peak memory, passages, index size), then the time to re-index after one file changes, then a
 * second node's build with the first node's embeddings exported and imported. The corpus is copied
 * to a work folder first so that one file can be touched.
 */
final class IndexBench {
  private final Path corpus;
  private final Path work;
  private final Embedder embedder;
  private final IndexOptions options;
  private final ReviewSchedule schedule;
  private final PrintWriter out;

  IndexBench(
      Path corpus,
      Path work,
      Embedder embedder,
      IndexOptions options,
      ReviewSchedule schedule,
      PrintWriter out) {
    this.corpus = corpus;
    this.work = work;
    this.embedder = embedder;
    this.options = options;
    this.schedule = schedule;
    this.out = out;
  }

  void run() {
    Path kb = work.resolve("kb");
    Path data = work.resolve("data");
    delete(work);
    copy(corpus, kb);
    KbIndexer indexer = App.indexer(schedule);
    resetPeaks();
    long t0 = System.nanoTime();
    try (SearchIndex index =
        App.openIndex(data, Analyzers.bundled(), embedder, options, schedule)) {
      IndexUpdate full = indexer.index(index, kb);
      double seconds = (System.nanoTime() - t0) / 1e9;
      out.printf(Locale.ROOT, "full index of %s: %.1f s; %s%n", corpus, seconds, full.summary());
      out.printf(
          Locale.ROOT,
          "  passages: %d; index on disk: %.1f MB; embedding cache: %.1f MB%n",
          index.passageCount(),
          index.sizeOnDisk() / 1e6,
          size(data.resolve("embeddings.bin")) / 1e6);
      out.printf(
          Locale.ROOT,
          "  peak heap: %.0f MB; peak resident set (VmHWM): %s%n",
          peakHeap() / 1e6,
          vmHwm());
      if (embedder instanceof org.metshub.search.BgeSmallEmbedder bge) {
        var docs = KbIndexer.documents(App.validatedKb(kb, schedule));
        long pieces = 0;
        List<String> texts = SearchIndex.embeddingTexts(docs, options, bge);
        for (String t : texts) {
          pieces += bge.tokens(t);
        }
        out.printf(
            Locale.ROOT,
            "  word pieces through the model: %d in %d distinct texts, %.0f"
                + " a second of the whole build (compare 'bench embed')%n",
            pieces,
            texts.size(),
            pieces / seconds);
      }
      out.flush();
      Path one;
      try (Stream<Path> s = Files.walk(kb)) {
        one =
            s.filter(p -> p.toString().endsWith(".md"))
                .sorted()
                .skip(100)
                .findFirst()
                .orElseThrow();
      }
      Files.writeString(one, Files.readString(one) + "\nOne more sentence about metastasis.\n");
      long t1 = System.nanoTime();
      IndexUpdate again = indexer.index(index, kb);
      out.printf(
          Locale.ROOT,
          "re-index after touching %s: %.2f s; %s%n",
          kb.relativize(one),
          (System.nanoTime() - t1) / 1e9,
          again.summary());
      out.flush();
    } catch (IOException e) {
      throw new Internal("index benchmark failed: " + e.getMessage(), e);
    }
    secondNode(indexer, kb, data);
  }

  /**
   * A second node of the same KB: the first node's embedding cache exported to a file (as {@code
   * embeddings export} does), imported into an empty data folder ({@code embeddings import}), then
   * the KB indexed there from empty. Each step is timed.
   */
  private void secondNode(KbIndexer indexer, Path kb, Path data) {
    Path file = work.resolve("embeddings-export.bin.gz");
    Path second = work.resolve("data-second-node");
    long t0 = System.nanoTime();
    java.util.Map<String, float[]> all;
    try (EmbeddingCache c = EmbeddingCache.open(data.resolve("embeddings.bin"))) {
      all = c.snapshot();
    }
    EmbeddingSeed.write(file, embedder.modelId(), embedder.dimension(), all);
    long t1 = System.nanoTime();
    try (EmbeddingCache c = EmbeddingCache.open(second.resolve("embeddings.bin"))) {
      c.absorb(EmbeddingSeed.read(file).vectors());
    }
    long t2 = System.nanoTime();
    out.printf(
        Locale.ROOT,
        "second node: export %d vectors (%.1f MB) %.1f s; import %.1f s%n",
        all.size(),
        size(file) / 1e6,
        (t1 - t0) / 1e9,
        (t2 - t1) / 1e9);
    out.flush();
    try (SearchIndex index =
        App.openIndex(second, Analyzers.bundled(), embedder, options, schedule)) {
      IndexUpdate u = indexer.index(index, kb);
      out.printf(
          Locale.ROOT,
          "  its full index with the imported cache: %.1f s; %s%n",
          (System.nanoTime() - t2) / 1e9,
          u.summary());
      out.printf(
          Locale.ROOT, "  export + import + index: %.1f s%n", (System.nanoTime() - t0) / 1e9);
      out.flush();
    }
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      p.resetPeakUsage();
    }
  }

  private static long peakHeap() {
    long sum = 0;
    List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
    for (MemoryPoolMXBean p : pools) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static String vmHwm() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("VmHWM:"))
          .map(l -> l.substring(6).strip())
          .findFirst()
          .orElse("n/a");
    } catch (IOException e) {
      return "n/a";
    }
  }

  private static long size(Path p) {
    try {
      return Files.exists(p) ? Files.size(p) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static void copy(Path from, Path to) {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
          target.toFile().setWritable(true);
        }
      }
    } catch (IOException e) {
      throw new Internal("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        p.toFile().setWritable(true);
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new Internal("cannot delete " + dir + ": " + e.getMessage(), e);
    }
  }
}
