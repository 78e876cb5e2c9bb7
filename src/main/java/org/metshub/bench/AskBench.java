package org.metshub.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.metshub.App;
import org.metshub.answer.AnswerEngine;
import org.metshub.answer.EvalCase;
import org.metshub.answer.EvalCases;
import org.metshub.safety.SafetyPolicy;
import org.metshub.answer.SafetyScreen;
import org.metshub.kb.ReviewSchedule;

/**
 * Latency of {@code ask} (safety screen, retrieval, gate and sentence choice) on a KB: the
 * first turns of the eval cases, single thread, after one warm-up pass.
 */
final class AskBench {
  private final Path kb;
  private final Path data;
  private final Path cases;
  private final ReviewSchedule schedule;
  private final PrintWriter out;

  AskBench(Path kb, Path data, Path cases, ReviewSchedule schedule, PrintWriter out) {
    this.kb = kb;
    this.data = data;
    this.cases = cases;
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
    try (App app = App.open(kb, data, java.time.Clock.systemDefaultZone(),
        SafetyScreen.policy(SafetyPolicy.bundled()), /* rebuild= */ false)) {
      out.printf(Locale.ROOT, "ask on %s (%d passages; opened in %.1f s)%n", kb,
          app.index().passageCount(), (System.nanoTime() - t0) / 1e9);
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
      out.printf(Locale.ROOT,
          "  ask latency (single thread, %d questions after warm-up): p50 %.1f ms, p99 %.1f ms;"
              + " outcomes: %d answered, %d abstained, %d refused, %d urgent%n",
          l.count(), l.percentile(50), l.percentile(99), outcomes[0], outcomes[1], outcomes[2],
          outcomes[3]);
      out.flush();
    }
  }

}
