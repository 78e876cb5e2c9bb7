package org.metshub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.metshub.App;
import org.metshub.answer.EvalCase;
import org.metshub.answer.EvalCases;
import org.metshub.answer.SectionEval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code metshub eval}: runs answer evaluation cases and prints pass/fail and the pass rate. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Run answer evaluation cases and print the pass rate.",
      "Cases are YAML: user turns, then expectations on the last reply (outcome, minimum citations, cancer types of cited documents, phrases that must or must not appear, disclaimer, reply language). Prints PASS or FAIL per case, then the pass rate. Exit code 0 unless the rate is below --fail-under (then 65).",
      "A file of labelled sections (eval/answer-sections-*.yaml: expect.sections lists the docId#Heading that answer each case) is judged strictly instead: answer fit, wrong answers, wrong abstentions (and how many of them point to a gold section among the closest pages offered), right abstentions, safety outcomes (and how many answerable ones point to a gold section among a report refusal's general pages) and dangling openings; --fail-under then applies to fit."
    })
final class EvalCommand implements Callable<Integer> {
  private final Env env;

  @Mixin KbOptions kbOptions = new KbOptions();

  @Parameters(paramLabel = "CASES", description = "The YAML file of cases.")
  Path cases;

  @Option(
      names = "--fail-under",
      paramLabel = "RATE",
      defaultValue = "0",
      description = "Exit 65 when the pass rate (0-1) is below this (default: 0).")
  double failUnder;

  @Option(
      names = "--explain",
      description =
          "With labelled sections: after each case, print the rank of its first gold"
              + " section among the candidates the answer path ranked, the best three, and the"
              + " evidence gate's confidence with each feature and its weighted part.")
  boolean explain;

  @Option(
      names = "--review",
      paramLabel = "FILE",
      description =
          "With labelled sections: write, for each case, the best six candidate"
              + " sections (for a question the directory answers, the organisations it lists)"
              + " and its gold sections (unmarked) as JSON lines to FILE, for a label review.")
  @Nullable Path review;

  EvalCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (!Files.isRegularFile(cases)) {
      throw new UsageException(cases + ": no such file");
    }
    if (failUnder < 0 || failUnder > 1) {
      throw new UsageException("--fail-under must be between 0 and 1, got " + failUnder);
    }
    if (cases.getFileName().toString().startsWith("answer-sections")) {
      return sections();
    }
    List<EvalCase> all = EvalCases.read(cases);
    int passed = 0;
    try (App app = Commands.openApp(env, env.config(kbOptions.flags()))) {
      for (EvalCase c : all) {
        EvalCases.Result r = EvalCases.run(app.answers(), c);
        if (r.passed()) {
          passed++;
          env.out().println("PASS " + c.id());
        } else {
          env.out().println("FAIL " + c.id() + ": " + String.join("; ", r.failures()));
        }
      }
    }
    double rate = all.isEmpty() ? 0 : (double) passed / all.size();
    env.out()
        .printf(
            Locale.ROOT,
            "pass rate %.1f%% (%d of %d cases passed)%n",
            100 * rate,
            passed,
            all.size());
    return rate < failUnder ? Main.BAD_INPUT : Main.OK;
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private static String reviewLine(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a review line did not serialise", e);
    }
  }

  /** The strict eval over labelled sections. */
  private int sections() {
    List<SectionEval.Case> all = SectionEval.read(cases);
    List<SectionEval.Result> results = new java.util.ArrayList<>();
    List<String> reviewLines = new java.util.ArrayList<>();
    try (App app = Commands.openApp(env, env.config(kbOptions.flags()))) {
      SectionEval.requireKnownSections(cases, all, app.documents());
      for (SectionEval.Case c : all) {
        if (review != null) {
          reviewLines.add(
              reviewLine(
                  java.util.Map.of(
                      "id",
                      c.id(),
                      "turns",
                      c.turns(),
                      "language",
                      c.language(),
                      "sections",
                      SectionEval.reviewSections(app.answers(), c, app.documents(), 6))));
        }
        SectionEval.Result r = SectionEval.run(app.answers(), c, app.documents());
        results.add(r);
        env.out()
            .println(
                r.verdict().name().toLowerCase(Locale.ROOT)
                    + " "
                    + c.id()
                    + (r.quoted().isEmpty() ? "" : " <- " + r.quoted())
                    + (r.reason().isEmpty() ? "" : " (" + r.reason() + ")")
                    + (r.dangling() ? " [dangling]" : "")
                    + (r.pointed() ? " [points to a gold section]" : ""));
        if (explain) {
          env.out().println(SectionEval.explain(app.answers(), c, app.documents()));
        }
      }
    }
    if (review != null) {
      try {
        Files.write(review, reviewLines);
      } catch (java.io.IOException e) {
        throw new UsageException(review + ": cannot write the review file: " + e.getMessage());
      }
    }
    SectionEval.Report report = SectionEval.report(results);
    env.out().println(report.summary());
    return report.fitRate() < failUnder ? Main.BAD_INPUT : Main.OK;
  }
}
