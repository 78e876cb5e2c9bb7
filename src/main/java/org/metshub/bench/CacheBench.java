package org.metshub.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.metshub.App;
import org.metshub.Config;
import org.metshub.answer.AnswerEngine;
import org.metshub.answer.EvalCase;
import org.metshub.answer.EvalCases;
import org.metshub.answer.SafetyScreen;
import org.metshub.kb.ReviewSchedule;
import org.metshub.safety.SafetyPolicy;
import org.metshub.search.SearchRequest;

/**
 * Hit rates of the query-vector and search-response caches on a realistic mix: up to 200 distinct
 * questions (the lay queries, the first turns of the answer cases, then MedQuAD questions), drawn
 * with a Zipf-like repeat pattern (rank k asked in proportion to 1/k, fixed seed), half as searches
 * the way the search page asks, half as answers. Single thread, on the bundled KB; prints the hit
 * rates and the mean time per request.
 */
final class CacheBench {
  static final int DISTINCT = 200;
  static final int REQUESTS = 4000;

  private final Config config;
  private final Path kb;
  private final Path layQueries;
  private final Path cases;
  private final Path medquad;
  private final PrintWriter out;

  CacheBench(
      Config config,
      Path layQueries,
      Path cases,
      Path medquad,
      ReviewSchedule schedule,
      PrintWriter out) {
    this.config = config;
    this.kb = config.kb();
    this.layQueries = layQueries;
    this.cases = cases;
    this.medquad = medquad;
    this.out = out;
  }

  /** The distinct questions of the mix, most asked first. */
  List<String> questions() {
    Set<String> qs = new LinkedHashSet<>();
    EvalSet.read(layQueries).queries().forEach(q -> qs.add(q.question()));
    for (EvalCase c : EvalCases.read(cases)) {
      qs.add(c.turns().get(0));
    }
    if (java.nio.file.Files.isRegularFile(medquad)) {
      for (var q : EvalSet.read(medquad).queries()) {
        if (qs.size() >= DISTINCT) {
          break;
        }
        qs.add(q.question());
      }
    }
    List<String> out = new ArrayList<>(qs);
    return out.subList(0, Math.min(DISTINCT, out.size()));
  }

  /** {@code n} draws of ranks 0..size-1 with probability proportional to 1/(rank+1). */
  static int[] zipf(int size, int n, long seed) {
    double[] cumulative = new double[size];
    double sum = 0;
    for (int k = 0; k < size; k++) {
      sum += 1.0 / (k + 1);
      cumulative[k] = sum;
    }
    Random random = new Random(seed);
    int[] draws = new int[n];
    for (int i = 0; i < n; i++) {
      double x = random.nextDouble() * sum;
      int at = java.util.Arrays.binarySearch(cumulative, x);
      draws[i] = at >= 0 ? at : Math.min(size - 1, -at - 1);
    }
    return draws;
  }

  void run() {
    List<String> questions = questions();
    int[] draws = zipf(questions.size(), REQUESTS, 16);
    try (App app =
        App.open(
            config,
            java.time.Clock.systemDefaultZone(),
            SafetyScreen.policy(SafetyPolicy.bundled()),
            App.Opening.DEFAULT)) {
      long t0 = System.nanoTime();
      for (int i = 0; i < draws.length; i++) {
        String q = questions.get(draws[i]);
        if (i % 2 == 0) {
          app.search()
              .search(
                  SearchRequest.of(
                      q.length() > SearchRequest.MAX_QUERY_CHARS
                          ? q.substring(0, SearchRequest.MAX_QUERY_CHARS)
                          : q,
                      10));
        } else {
          app.answers().answer(AnswerEngine.Question.of(q));
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      out.printf(
          Locale.ROOT,
          "caches on %s: %d requests (half search, half answer) over %d "
              + "distinct questions, Zipf s=1, single thread, %.1f s (%.2f ms a request)%n",
          kb,
          draws.length,
          questions.size(),
          seconds,
          1000 * seconds / draws.length);
      app.cacheStats().entrySet().stream()
          .sorted(java.util.Map.Entry.comparingByKey())
          .forEach(e -> out.printf(Locale.ROOT, "  %-16s %s%n", e.getKey(), e.getValue()));
      out.flush();
    }
  }
}
