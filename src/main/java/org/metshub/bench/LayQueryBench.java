package org.metshub.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.metshub.App;
import org.metshub.Config;
import org.metshub.kb.ReviewSchedule;
import org.metshub.search.Analyzers;
import org.metshub.search.Embedder;
import org.metshub.search.Hit;
import org.metshub.search.LuceneSearch;
import org.metshub.search.SearchIndex;
import org.metshub.search.SearchMode;

/**
 * What the patient vocabulary and typo correction earn: lay, misspelt, half-sentence queries
 * written for the bundled KB, ranked with and without the synonym map, in each mode. The queries
 * ranking was tuned on are the dev split ({@code eval/lay-queries.jsonl}); the held-out test split
 * ({@code eval/lay-queries-test.jsonl}) is reported beside it and never tuned on.
 */
final class LayQueryBench {
  private final Path kb;
  private final Path queries;
  private final Path work;
  private final Embedder embedder;
  private final Config config;
  private final ReviewSchedule schedule;
  private final PrintWriter out;

  LayQueryBench(
      Path kb,
      Path queries,
      Path work,
      Embedder embedder,
      Config config,
      ReviewSchedule schedule,
      PrintWriter out) {
    this.config = config;
    this.kb = kb;
    this.queries = queries;
    this.work = work;
    this.embedder = embedder;
    this.schedule = schedule;
    this.out = out;
  }

  void run() {
    // The queries tuned on (dev) and, when it exists beside them, the held-out test split.
    java.util.Map<String, EvalSet> splits = new java.util.LinkedHashMap<>();
    splits.put("dev", EvalSet.read(queries));
    Path test =
        queries.resolveSibling(queries.getFileName().toString().replace(".jsonl", "-test.jsonl"));
    if (java.nio.file.Files.exists(test)) {
      splits.put("test", EvalSet.read(test));
    }
    splits.forEach(
        (name, eval) ->
            out.printf(
                Locale.ROOT,
                "Lay queries, %s split: %d queries (%s)%n",
                name,
                eval.queries().size(),
                name.equals("dev") ? queries : test));
    out.printf(Locale.ROOT, "over %s%n", kb);
    out.println("run                                  split MRR@10  nDCG@10 R@10");
    for (boolean synonyms : new boolean[] {false, true}) {
      Path data = work.resolve(synonyms ? "with-synonyms" : "without-synonyms");
      Analyzers analyzers = synonyms ? Analyzers.bundled() : Analyzers.withoutSynonyms();
      try (SearchIndex index = App.openIndex(data, analyzers, embedder, config.index(), schedule)) {
        App.indexer(schedule).index(index, kb);
        LuceneSearch search = new LuceneSearch(index, config.ranking());
        for (SearchMode mode : SearchMode.values()) {
          for (var split : splits.entrySet()) {
            Metrics m = new Metrics();
            for (EvalSet.Query q : split.getValue().queries()) {
              List<String> ids =
                  search.search(RetrievalBench.request(q.question(), mode)).hits().stream()
                      .map(Hit::docId)
                      .toList();
              m.add(ids, q.relevant());
            }
            out.printf(
                Locale.ROOT,
                "%-36s %-5s %.3f   %.3f   %.3f%n",
                mode.name().toLowerCase(Locale.ROOT)
                    + (synonyms ? " + vocabulary" : " (no vocabulary)"),
                split.getKey(),
                m.mrr(),
                m.ndcg(),
                m.recall());
          }
        }
      }
      out.flush();
    }
  }
}
