package org.metshub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.metshub.App;
import org.metshub.bench.Bench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code metshub bench}: prints retrieval quality, latency and indexing figures. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure search and answers and print figures (nothing is asserted).",
      "Parts:",
      "  retrieval  MRR@10, nDCG@10, Recall@10 on the MedQuAD CancerGov set for BM25,",
      "             lexical, semantic and hybrid, with and without titles; then latency",
      "  embed      the embedder's throughput (texts/s, word pieces/s) run in several ways on",
      "             2,000 texts of the NCI corpus as an index build embeds them; the",
      "             best way is the limit an index build is compared with",
      "  lay        lay/misspelt queries on the bundled KB, with and without the vocabulary",
      "  index      full index of the NCI corpus with embeddings; re-index after one change;",
      "             a second node's index with the first one's embeddings exported/imported",
      "  ask        ask latency on the bundled KB and on the NCI corpus (after 'index')",
      "  cache      hit rates of the query-vector and search-response caches: 200 distinct",
      "             questions (lay, answer cases, MedQuAD), Zipf-like repeats, search + answer",
      "Work files (indexes, embedding caches) go to --work and are reused between runs."
    })
final class BenchCommand implements Callable<Integer> {
  private final Env env;

  @Mixin KbOptions kbOptions = new KbOptions();

  @Parameters(
      paramLabel = "PART",
      arity = "0..*",
      description = "embed, retrieval, lay, index, ask, cache (default: all six).")
  List<String> parts = new ArrayList<>();

  @Option(
      names = "--eval",
      paramLabel = "DIR",
      defaultValue = "../shared/eval/medquad-cancergov",
      description = "Evaluation set folder with kb/ and queries.jsonl (default: ${DEFAULT-VALUE}).")
  Path eval;

  @Option(
      names = "--corpus",
      paramLabel = "DIR",
      defaultValue = "../shared/corpora/nci-kb/kb",
      description = "KB folder to time indexing on (default: ${DEFAULT-VALUE}).")
  Path corpus;

  @Option(
      names = "--lay-queries",
      paramLabel = "FILE",
      defaultValue = "eval/lay-queries.jsonl",
      description = "Lay queries for the bundled KB (default: ${DEFAULT-VALUE}).")
  Path layQueries;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      defaultValue = "target/bench",
      description = "Work folder (default: ${DEFAULT-VALUE}).")
  Path work;

  BenchCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    List<String> todo = parts.isEmpty() ? Bench.PARTS : parts;
    for (String p : todo) {
      if (!Bench.PARTS.contains(p)) {
        throw new UsageException("unknown part '" + p + "'; choose from " + Bench.PARTS);
      }
    }
    require(todo.contains("retrieval"), eval.resolve("queries.jsonl"));
    require(todo.contains("index") || todo.contains("embed"), corpus);
    require(todo.contains("lay"), layQueries);
    new Bench(
            env.config(kbOptions.flags()),
            eval,
            corpus,
            layQueries,
            work,
            App.reviewSchedule(env.clock()),
            env.out())
        .run(todo);
    return Main.OK;
  }

  private static void require(boolean needed, Path p) {
    if (needed && !Files.exists(p)) {
      throw new UsageException(p + ": not found (it is needed for this benchmark)");
    }
  }
}
