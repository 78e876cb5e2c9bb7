package org.metshub.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metshub.App;
import org.metshub.answer.Answer;
import org.metshub.answer.EvalCase;
import org.metshub.answer.EvalCases;

/**
 * Runs eval/answers.yaml on the bundled KB with the real embedding model and safety policy. Every
 * urgent case must pass (a missed emergency is the worst failure); every answer must carry a
 * disclaimer and cite each sentence; the overall pass rate is printed and must stay at or above the
 * rate measured when the thresholds were set.
 */
class AnswerEvalTest {
  /**
   * Measured 80–81% (128–130 of 160) on 2026-11-22 with the default ranking, 84.4% with section
   * excerpts, and 73.1% (117 of 160) on 2026-12-04 once the evidence gate became a learned
   * confidence held to the dev split's wrong-answer budget: this loose eval counts every abstention
   * on a case expecting an answer as a failure and cannot see wrong answers, so the strict eval
   * (AnswerSectionsEvalTest) guards both fit and wrong answers now. 68.8% (110 of 160) once the KB
   * grew to 227 documents (Spanish news, more organisations: one more wrong directory answer on the
   * dev split narrows the gate's budget). The floor leaves room for floating-point differences of
   * the ONNX model between CPUs.
   */
  static final double MIN_PASS_RATE = 0.65;

  static App app;
  static List<EvalCases.Result> results;

  @BeforeAll
  static void run() {
    app = BundledApp.open();
    results = new ArrayList<>();
    for (EvalCase c : EvalCases.read(Path.of("eval/answers.yaml"))) {
      results.add(EvalCases.run(app.answers(), c));
    }
  }

  @AfterAll
  static void close() {
    app.close();
  }

  @Test
  void passRateHoldsAndIsReported() {
    long passed = results.stream().filter(EvalCases.Result::passed).count();
    double rate = (double) passed / results.size();
    System.out.printf(
        Locale.ROOT,
        "answer eval: pass rate %.1f%% (%d of %d cases)%n",
        100 * rate,
        passed,
        results.size());
    results.stream()
        .filter(r -> !r.passed())
        .forEach(
            r ->
                System.out.println(
                    "  kept failure "
                        + r.testCase().id()
                        + ": "
                        + String.join("; ", r.failures())));
    assertThat(results).hasSizeGreaterThanOrEqualTo(80);
    assertThat(rate).isGreaterThanOrEqualTo(MIN_PASS_RATE);
  }

  @Test
  void everyUrgentCaseIsCaught() {
    assertThat(
            results.stream()
                .filter(r -> r.testCase().outcome().orElse("").equals("urgent"))
                .filter(r -> !r.passed())
                .map(r -> r.testCase().id() + ": " + r.failures()))
        .isEmpty();
  }

  @Test
  void everyReplyCarriesADisclaimerAndEverySentenceACitation() {
    for (EvalCases.Result r : results) {
      Answer a = r.answer();
      assertThat(a.disclaimer()).as(r.testCase().id()).isNotBlank();
      if (a instanceof Answer.Answered ok) {
        assertThat(ok.sentences())
            .as(r.testCase().id())
            .isNotEmpty()
            .allMatch(
                s ->
                    !s.citations().isEmpty()
                        && s.citations().stream()
                            .allMatch(n -> n >= 1 && n <= ok.citations().size()));
        // Prose is quoted only from quotable pages; a directory answer shows our own entry of a
        // link-only organisation (summary, services, contact) and links its site.
        assertThat(ok.citations())
            .allMatch(c -> c.quotable() || ok.questionType().equals("finding_help"));
      }
    }
  }
}
