package org.metshub.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.metshub.Config;
import org.metshub.kb.ReviewSchedule;
import org.metshub.search.BgeSmallEmbedder;
import org.metshub.search.Embedder;

/**
 * The benchmarks behind {@code metshub bench}: they print figures and assert nothing. Each part
 * works in its own folder under {@code work} and reuses embedding caches there between runs.
 */
public final class Bench {
  /** The parts that can be run. */
  public static final List<String> PARTS =
      List.of("embed", "retrieval", "lay", "index", "ask", "cache");

  private final Config config;
  private final Path evalDir;
  private final Path corpus;
  private final Path kb;
  private final Path layQueries;
  private final Path work;
  private final ReviewSchedule schedule;
  private final PrintWriter out;

  /**
   * Benchmarks on the configured KB, ranking and index options; {@code evalDir} holds MedQuAD,
   * {@code corpus} the NCI KB.
   */
  public Bench(
      Config config,
      Path evalDir,
      Path corpus,
      Path layQueries,
      Path work,
      ReviewSchedule schedule,
      PrintWriter out) {
    this.config = config;
    this.evalDir = evalDir;
    this.corpus = corpus;
    this.kb = config.kb();
    this.layQueries = layQueries;
    this.work = work;
    this.schedule = schedule;
    this.out = out;
  }

  /** Runs the named parts in order. */
  public void run(List<String> parts) {
    Embedder embedder = new BgeSmallEmbedder();
    for (String part : parts) {
      long t = System.nanoTime();
      switch (part) {
        case "embed" -> new EmbedBench(corpus, 2000, config.index(), out).run();
        case "retrieval" ->
            new RetrievalBench(evalDir, work.resolve("medquad"), embedder, config, schedule, out)
                .run(/* latency= */ true);
        case "lay" ->
            new LayQueryBench(kb, layQueries, work.resolve("lay"), embedder, config, schedule, out)
                .run();
        case "index" ->
            new IndexBench(
                    corpus, work.resolve("nci-index"), embedder, config.index(), schedule, out)
                .run();
        case "ask" -> {
          Path cases = layQueries.resolveSibling("answers.yaml");
          new AskBench(
                  config.withFolders(kb, work.resolve("ask-bundled")),
                  cases,
                  List.of(
                      layQueries.resolveSibling("answer-sections-dev.yaml"),
                      layQueries.resolveSibling("answer-sections-test.yaml"),
                      layQueries.resolveSibling("answer-sections-detail.yaml")),
                  schedule,
                  out)
              .run();
          new AskBench(
                  config.withFolders(work.resolve("nci-index/kb"), work.resolve("nci-index/data")),
                  cases,
                  List.of(layQueries.resolveSibling("answer-sections-nci.yaml")),
                  schedule,
                  out)
              .run();
        }
        case "cache" ->
            new CacheBench(
                    config.withFolders(kb, work.resolve("cache")),
                    layQueries,
                    layQueries.resolveSibling("answers.yaml"),
                    evalDir.resolve("queries.jsonl"),
                    schedule,
                    out)
                .run();
        default ->
            throw new IllegalArgumentException(
                "unknown benchmark '" + part + "'; choose from " + PARTS);
      }
      out.printf(
          java.util.Locale.ROOT, "(%s took %.0f s)%n%n", part, (System.nanoTime() - t) / 1e9);
      out.flush();
    }
  }
}
