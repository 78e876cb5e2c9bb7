package org.metshub.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Learns the {@link EvidenceGate}'s weights and threshold from labelled questions: logistic
 * regression predicting whether the section the answer path would quote is a gold section (false
 * for every question the KB cannot answer), then the lowest threshold on its probability that keeps
 * wrong answers within a budget (by default {@link #WRONG_BUDGET}) of the split's cases. Full-batch
 * gradient descent from zero weights, a fixed number of steps, L2 regularisation: no randomness, so
 * the same labels and the same KB give the same file.
 *
 * <p>The threshold is chosen on out-of-fold confidences ({@link #FOLDS}-fold cross-validation,
 * folds fixed by each question's id): each question is scored by a gate fitted without it, as a
 * question never seen is. Chosen on the confidences of the gate that learned from those very
 * questions, the threshold kept the dev split within its budget while the test split ran 2–5 points
 * over it. The weights shipped are fitted on all the questions. Stateless.
 */
final class GateTraining {
  static final int STEPS = 5000;
  static final double RATE = 0.5;
  static final double L2 = 0.001;

  /**
   * Wrong answers the threshold may allow by default, as a share of all the split's cases: a
   * starting point for a KB's first gate. The bundled KB's gate is fitted at 3.5%; with the curated
   * questions and a cross-validated threshold, 2% (what the answers issue asks) answers about half
   * of the answerable dev questions (see README, "The gate's operating point"). Move it with {@code
   * train-sections --wrong-budget}.
   */
  public static final double WRONG_BUDGET = 0.10;

  /**
   * One question as the gate sees it.
   *
   * @param features {@link EvidenceGate#features} of its evidence
   * @param good whether quoting its best section would be a fit
   * @param ruledOut whether an absolute rule abstains whatever the confidence
   */
  record Example(String id, double[] features, boolean good, boolean ruledOut) {}

  /** How many folds the threshold's cross-validation has; 1 chooses it on the training fit. */
  static final int FOLDS = 5;

  /**
   * The trained gate, and how it does on the examples at its threshold.
   *
   * @param curve lines "threshold answered fit wrong", for the file's header
   * @param folds the folds the threshold was chosen on (1: on the fit itself)
   */
  record Trained(
      LinearModel model,
      int examples,
      int good,
      int answeredGood,
      int answeredWrong,
      List<String> curve,
      int folds) {}

  private GateTraining() {}

  /**
   * Trains.
   *
   * @param cases how many cases the split has in all (the wrong-answer budget's base)
   * @param wrongElsewhere wrong answers the gate cannot prevent (directory answers)
   * @param wrongBudget the wrong answers allowed, as a share of {@code cases}
   */
  static Trained train(
      List<Example> examples, int cases, int wrongElsewhere, double wrongBudget, String source) {
    return train(examples, cases, wrongElsewhere, wrongBudget, source, FOLDS);
  }

  /**
   * Trains, choosing the threshold on {@code folds}-fold out-of-fold confidences (1: on the
   * confidences of the gate fitted on all the examples).
   */
  static Trained train(
      List<Example> examples,
      int cases,
      int wrongElsewhere,
      double wrongBudget,
      String source,
      int folds) {
    if (folds < 1) {
      throw new IllegalArgumentException("folds must be at least 1, got " + folds);
    }
    List<Double> weights = fit(examples);
    LinearModel rounded = new LinearModel(EvidenceGate.FEATURES, weights, 0.5, source);
    // Each example's confidence as a question the gate never saw: from the gate fitted on the
    // other folds.
    double[] confidence = new double[examples.size()];
    for (int k = 0; k < folds; k++) {
      int fold = k;
      LinearModel m =
          folds == 1
              ? rounded
              : new LinearModel(
                  EvidenceGate.FEATURES,
                  fit(examples.stream().filter(e -> foldOf(e, folds) != fold).toList()),
                  0.5,
                  source);
      for (int i = 0; i < examples.size(); i++) {
        if (folds == 1 || foldOf(examples.get(i), folds) == fold) {
          confidence[i] = m.probability(examples.get(i).features());
        }
      }
    }
    // Candidate thresholds: every example's probability, highest first; the lowest one that
    // stays within the budget answers the most.
    record Scored(double p, Example e) {}
    List<Scored> scored =
        java.util.stream.IntStream.range(0, examples.size())
            .filter(i -> !examples.get(i).ruledOut())
            .mapToObj(i -> new Scored(confidence[i], examples.get(i)))
            .sorted(Comparator.comparingDouble(Scored::p).reversed())
            .toList();
    int budget = (int) Math.floor(wrongBudget * cases + 1e-9) - wrongElsewhere;
    double threshold = 1.0;
    int good = 0;
    int wrong = 0;
    int bestGood = 0;
    int bestWrong = 0;
    List<String> curve = new ArrayList<>();
    for (int i = 0; i < scored.size(); i++) {
      Scored s = scored.get(i);
      good += s.e().good() ? 1 : 0;
      wrong += s.e().good() ? 0 : 1;
      boolean tieNext = i + 1 < scored.size() && scored.get(i + 1).p() == s.p();
      if (tieNext) {
        continue;
      }
      if (wrong <= Math.max(0, budget)) {
        threshold = s.p();
        bestGood = good;
        bestWrong = wrong;
      }
      if ((i + 1) % 10 == 0 || i + 1 == scored.size()) {
        curve.add(String.format(Locale.ROOT, "%.3f %d %d %d", s.p(), i + 1, good, wrong));
      }
    }
    double t = Math.round(threshold * 10000) / 10000.0;
    long goodAll = examples.stream().filter(Example::good).count();
    return new Trained(
        new LinearModel(EvidenceGate.FEATURES, weights, t, source),
        examples.size(),
        (int) goodAll,
        bestGood,
        bestWrong,
        curve,
        folds);
  }

  /** The fold of an example: fixed by its id, so that re-running gives the same folds. */
  static int foldOf(Example e, int folds) {
    return Math.floorMod(e.id().hashCode(), folds);
  }

  /** Logistic regression weights over the examples, rounded to four places. */
  private static List<Double> fit(List<Example> examples) {
    int dims = EvidenceGate.FEATURES.size();
    double[] w = new double[dims];
    for (int step = 0; step < STEPS && !examples.isEmpty(); step++) {
      double[] grad = new double[dims];
      for (Example e : examples) {
        double p = 1 / (1 + Math.exp(-dot(w, e.features())));
        double y = e.good() ? 1 : 0;
        for (int d = 0; d < dims; d++) {
          grad[d] += (p - y) * e.features()[d];
        }
      }
      for (int d = 0; d < dims; d++) {
        w[d] -= RATE * (grad[d] / examples.size() + L2 * w[d]);
      }
    }
    List<Double> weights = new ArrayList<>();
    for (double x : w) {
      weights.add(Math.round(x * 10000) / 10000.0);
    }
    return weights;
  }

  /** The file's text. */
  static String toYaml(
      Trained t, String casesFile, int cases, int wrongElsewhere, double wrongBudget) {
    StringBuilder h =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                """
        # Weights and threshold of the evidence gate (EvidenceGate.FEATURES): the confidence that
        # the best section answers is the logistic of the weighted sum. Written by
        # `metshub train-sections %s` (logistic regression, %d steps, rate %s, L2 %s, from zero
        # weights) on %d questions the gate weighs, %d of them with a fitting best section.
        # The threshold is the lowest that keeps wrong answers within %s%% of the split's %d
        # cases (%d wrong directory answers count against that budget), judged on out-of-fold
        # confidences (%d-fold cross-validation, each question scored by a gate fitted without
        # it): at it, %d fitting and %d wrong answers. Out-of-fold confidence, questions
        # answered, fitting, wrong, along the way:
        """,
                casesFile,
                STEPS,
                RATE,
                L2,
                t.examples(),
                t.good(),
                java.math.BigDecimal.valueOf(wrongBudget)
                    .movePointRight(2)
                    .stripTrailingZeros()
                    .toPlainString(),
                cases,
                wrongElsewhere,
                t.folds(),
                t.answeredGood(),
                t.answeredWrong()));
    t.curve().forEach(line -> h.append("#   ").append(line).append('\n'));
    h.append("# Re-running the command on the same labels and KB gives this file.\n");
    return t.model().toYaml(h.toString());
  }

  private static double dot(double[] w, double[] x) {
    double z = 0;
    for (int i = 0; i < w.length; i++) {
      z += w[i] * x[i];
    }
    return z;
  }
}
