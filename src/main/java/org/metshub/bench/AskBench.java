package org.metshub.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.metshub.App;
import org.metshub.Config;
import org.metshub.answer.AnswerEngine;
import org.metshub.answer.EvalCase;
import org.metshub.answer.EvalCases;
import org.metshub.answer.SafetyScreen;
import org.metshub.answer.SectionEval;
import org.metshub.kb.ReviewSchedule;
import org.metshub.safety.SafetyPolicy;

/**
 * Latency of {@code ask} (safety screen, retrieval, section choice, gate and excerpt) on a KB: the
 * first turns of the eval cases, single thread, after one warm-up pass; then the strict answer eval
 * over labelled sections (answer fit, wrong answers, abstentions, dangling openings).
 */
final class AskBench {
  private final Config config;
  private final Path kb;
  private final Path cases;
  private final List<Path> sectionCases;
  private final ReviewSchedule schedule;
  private final PrintWriter out;

  AskBench(Config config, Path cases, ReviewSchedule schedule, PrintWriter out) {
    this(config, cases, List.of(), schedule, out);
  }

  /**
   * Also runs the strict eval over labelled sections on these files ({@code
   * eval/answer-sections-*.yaml}), split by split when their cases say which.
   */
  AskBench(
      Config config,
      Path cases,
      List<Path> sectionCases,
      ReviewSchedule schedule,
      PrintWriter out) {
    this.config = config;
    this.kb = config.kb();
    this.cases = cases;
    this.sectionCases = List.copyOf(sectionCases);
    this.schedule = schedule;
    this.out = out;
  }

  void run() {
    if (!Files.isDirectory(kb)) {
      out.println("ask latency: skipped, no KB at " + kb + " (run the index part first)");
      return;
    }
    List<String> questions = new ArrayList<>();
    for (EvalCase c : EvalCases.read(cases)) {
      questions.add(c.turns().get(0));
    }
    long t0 = System.nanoTime();
    try (App app =
        App.open(
            config,
            java.time.Clock.systemDefaultZone(),
            SafetyScreen.policy(SafetyPolicy.bundled()),
            App.Opening.DEFAULT)) {
      out.printf(
          Locale.ROOT,
          "ask on %s (%d passages; opened in %.1f s)%n",
          kb,
          app.index().passageCount(),
          (System.nanoTime() - t0) / 1e9);
      for (String q : questions) {
        app.answers().answer(AnswerEngine.Question.of(q));
      }
      Latency l = new Latency();
      int[] outcomes = new int[4];
      for (String q : questions) {
        long t = System.nanoTime();
        var a = app.answers().answer(AnswerEngine.Question.of(q));
        l.add(System.nanoTime() - t);
        outcomes[List.of("answered", "abstained", "refused", "urgent").indexOf(a.outcome())]++;
      }
      out.printf(
          Locale.ROOT,
          "  ask latency (single thread, %d questions after warm-up): p50 %.1f ms, p99 %.1f ms;"
              + " outcomes: %d answered, %d abstained, %d refused, %d urgent%n",
          l.count(),
          l.percentile(50),
          l.percentile(99),
          outcomes[0],
          outcomes[1],
          outcomes[2],
          outcomes[3]);
      out.flush();
      for (Path file : sectionCases) {
        strictEval(app, file);
      }
    }
  }

  /** The strict answer eval of one file: its summary per split. */
  private void strictEval(App app, Path file) {
    if (!Files.isRegularFile(file)) {
      out.println("  strict eval: skipped, no file " + file);
      return;
    }
    java.util.Map<String, List<SectionEval.Result>> bySplit = new java.util.TreeMap<>();
    for (SectionEval.Case c : SectionEval.read(file)) {
      bySplit
          .computeIfAbsent(c.split().orElse("all"), k -> new ArrayList<>())
          .add(SectionEval.run(app.answers(), c, app.documents()));
    }
    bySplit.forEach(
        (split, results) ->
            out.printf(
                Locale.ROOT,
                "  strict eval %s%s: %s%n",
                file.getFileName(),
                split.equals("all") ? "" : " (" + split + ")",
                SectionEval.report(results).summary()));
    out.flush();
  }
}
