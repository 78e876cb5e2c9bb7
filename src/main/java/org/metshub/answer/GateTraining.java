package org.metshub.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Learns the {@link EvidenceGate}'s model and threshold from labelled questions: gradient-boosted
 * trees ({@link BoostedTrees}) predicting whether the section the answer path would quote is a gold
 * section (false for every question the KB cannot answer), then the lowest threshold on their
 * probability that keeps wrong answers within a budget (by default {@link #WRONG_BUDGET}) of the
 * split's cases. Exhaustive split search with fixed tie-breaking and no sampling: no randomness, so
 * the same labels and the same KB give the same file.
 *
 * <p>Trees replaced logistic regression (2026-12-06): on out-of-fold confidences of the bundled and
 * NCI dev splits they answered 257 fitting questions within the 2% budget where the linear gate
 * answered 206, since a feature such as a close curated question counts differently in different
 * parts of the range of another (see README, "The gate as boosted trees").
 *
 * <p>The threshold is chosen on out-of-fold confidences ({@link #FOLDS}-fold cross-validation,
 * folds fixed by each question's id): each question is scored by a gate fitted without it, as a
 * question never seen is. Chosen on the confidences of the gate that learned from those very
 * questions, the threshold kept the dev split within its budget while the test split ran 2–5 points
 * over it. One partition into folds is one draw: on the 860 questions of 2026-12-07 six partitions
 * put the threshold anywhere from 0.775 to 0.849 (264 to 304 fitting answers at the same budget).
 * So the threshold is chosen on {@link #PARTITIONS} partitions, each fixed by a seed mixed with the
 * question's id, and the median of the five is kept. The model shipped is fitted on all the
 * questions. Stateless.
 */
final class GateTraining {
  static final int TREES = 100;
  static final int DEPTH = 2;
  static final int MIN_LEAF = 10;
  static final double SHRINKAGE = 0.1;
  static final double LAMBDA = 1.0;

  /**
   * How many gates are averaged into the one shipped: each is fitted without one of {@link #BAGS}
   * parts of the questions (parts fixed by id, as folds are, with {@link #BAG_SEED}).
   */
  static final int BAGS = 5;

  static final int BAG_SEED = 1000;

  /**
   * Wrong answers the threshold may allow by default, as a share of all the split's cases: a
   * starting point for a KB's first gate. The bundled KB's gate is fitted at 2%, what the answers
   * issue asks (see README, "The gate's operating point"). Move it with {@code train-sections
   * --wrong-budget}.
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

  /** How many partitions into folds the threshold is chosen on (odd: their median is one). */
  static final int PARTITIONS = 5;

  /**
   * The trained gate, and how it does on the examples at its threshold.
   *
   * @param curve lines "threshold answered fit wrong" of the partition whose threshold is the
   *     median, for the file's header
   * @param folds the folds the threshold was chosen on (1: on the fit itself)
   * @param thresholds the threshold each partition chose, in partition order (one with 1 fold)
   * @param goods the fitting answers at each partition's own threshold, in the same order
   */
  record Trained(
      BoostedTrees model,
      int examples,
      int good,
      int answeredGood,
      int answeredWrong,
      List<String> curve,
      int folds,
      List<Double> thresholds,
      List<Integer> goods) {
    Trained {
      curve = List.copyOf(curve);
      thresholds = List.copyOf(thresholds);
      goods = List.copyOf(goods);
    }
  }

  /** Where one partition put the threshold, and how its out-of-fold confidences fare there. */
  private record Chosen(double threshold, int good, int wrong, List<String> curve) {}

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
    BoostedTrees all = fit(examples, source);
    int budget = (int) Math.floor(wrongBudget * cases + 1e-9) - wrongElsewhere;
    List<Chosen> chosen = new ArrayList<>();
    for (int seed = 0; seed < (folds == 1 ? 1 : PARTITIONS); seed++) {
      chosen.add(choose(examples, outOfFold(examples, all, folds, seed, source), budget));
    }
    Chosen median =
        chosen.stream()
            .sorted(Comparator.comparingDouble(Chosen::threshold))
            .toList()
            .get(chosen.size() / 2);
    long goodAll = examples.stream().filter(Example::good).count();
    // Kept exact (not rounded) so that the question at the threshold is still answered.
    return new Trained(
        all.withThreshold(median.threshold()),
        examples.size(),
        (int) goodAll,
        median.good(),
        median.wrong(),
        median.curve(),
        folds,
        chosen.stream().map(Chosen::threshold).toList(),
        chosen.stream().map(Chosen::good).toList());
  }

  /**
   * Each example's confidence as a question the gate never saw: from the gate fitted on the other
   * folds of one partition (with 1 fold, the confidences of the gate fitted on all).
   */
  private static double[] outOfFold(
      List<Example> examples, BoostedTrees all, int folds, int seed, String source) {
    double[] confidence = new double[examples.size()];
    for (int k = 0; k < folds; k++) {
      int fold = k;
      BoostedTrees m =
          folds == 1
              ? all
              : fit(examples.stream().filter(e -> foldOf(e, folds, seed) != fold).toList(), source);
      for (int i = 0; i < examples.size(); i++) {
        if (folds == 1 || foldOf(examples.get(i), folds, seed) == fold) {
          confidence[i] = m.probability(examples.get(i).features());
        }
      }
    }
    return confidence;
  }

  /**
   * The lowest threshold on the confidences that keeps wrong answers within the budget, with the
   * fitting and wrong answers at it and the curve along the way.
   */
  private static Chosen choose(List<Example> examples, double[] confidence, int budget) {
    // Candidate thresholds: every example's probability, highest first; the lowest one that
    // stays within the budget answers the most.
    record Scored(double p, Example e) {}
    List<Scored> scored =
        java.util.stream.IntStream.range(0, examples.size())
            .filter(i -> !examples.get(i).ruledOut())
            .mapToObj(i -> new Scored(confidence[i], examples.get(i)))
            .sorted(Comparator.comparingDouble(Scored::p).reversed())
            .toList();
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
    return new Chosen(threshold, bestGood, bestWrong, curve);
  }

  /**
   * The fold of an example in one partition: fixed by its id and the partition's seed (mixed as
   * SplitMix64 does, so that different seeds give different partitions, not the same folds
   * renumbered), so that re-running gives the same folds.
   */
  static int foldOf(Example e, int folds, int seed) {
    long z = e.id().hashCode() * 0x9E3779B97F4A7C15L + seed * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (int) Math.floorMod(z, (long) folds);
  }

  /**
   * The gate: the average of {@link #BAGS} gates ({@link #fitOne}), each fitted without one of
   * {@link #BAGS} parts of the examples. Averaged in log-odds, it is boosted trees again: the mean
   * of their bases, all their trees, and their shrinkage over {@link #BAGS}. One gate's exhaustive
   * splits move when a few of 860 questions change; their average moves less, so that training it
   * again judges a change to the answer path rather than the draw. The threshold is left at 0.5.
   */
  static BoostedTrees fit(List<Example> examples, String source) {
    double base = 0;
    List<BoostedTrees.Node> trees = new ArrayList<>();
    for (int b = 0; b < BAGS; b++) {
      int left = b;
      BoostedTrees m =
          fitOne(examples.stream().filter(e -> foldOf(e, BAGS, BAG_SEED) != left).toList(), source);
      base += m.base() / BAGS;
      trees.addAll(m.trees());
    }
    return new BoostedTrees(
        EvidenceGate.FEATURES, round(base), round(SHRINKAGE / BAGS), trees, 0.5, source);
  }

  /**
   * Gradient-boosted trees over the examples (logistic loss, second-order leaf values with L2
   * {@link #LAMBDA}, {@link #TREES} trees of depth {@link #DEPTH}, each leaf holding at least
   * {@link #MIN_LEAF} examples, shrinkage {@link #SHRINKAGE}). Every split is the best over every
   * feature and every example's value of it ("at most this value" goes left), ties going to the
   * first feature and the lowest value; leaf values are rounded to six places before the next tree
   * is fitted, so the file holds exactly the model that was fitted. The threshold is left at 0.5.
   */
  static BoostedTrees fitOne(List<Example> examples, String source) {
    int n = examples.size();
    double[][] x = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = examples.get(i).features();
      y[i] = examples.get(i).good() ? 1 : 0;
    }
    double mean = n == 0 ? 0.5 : java.util.Arrays.stream(y).average().orElse(0.5);
    mean = Math.min(1 - 1e-6, Math.max(1e-6, mean));
    double base = round(Math.log(mean / (1 - mean)));
    double[] f = new double[n];
    java.util.Arrays.fill(f, base);
    List<BoostedTrees.Node> trees = new ArrayList<>();
    int[] everyone = java.util.stream.IntStream.range(0, n).toArray();
    for (int t = 0; t < TREES && n > 0; t++) {
      double[] g = new double[n];
      double[] h = new double[n];
      for (int i = 0; i < n; i++) {
        double p = 1 / (1 + Math.exp(-f[i]));
        g[i] = p - y[i];
        h[i] = p * (1 - p);
      }
      BoostedTrees.Node tree = grow(x, g, h, everyone, DEPTH);
      trees.add(tree);
      for (int i = 0; i < n; i++) {
        f[i] += SHRINKAGE * BoostedTrees.value(tree, x[i]);
      }
    }
    return new BoostedTrees(EvidenceGate.FEATURES, base, SHRINKAGE, trees, 0.5, source);
  }

  private static BoostedTrees.Node grow(
      double[][] x, double[] g, double[] h, int[] rows, int depth) {
    double sg = 0;
    double sh = 0;
    for (int i : rows) {
      sg += g[i];
      sh += h[i];
    }
    BoostedTrees.Node leaf = new BoostedTrees.Leaf(round(-sg / (sh + LAMBDA)));
    if (depth == 0 || rows.length < 2 * MIN_LEAF) {
      return leaf;
    }
    double parent = sg * sg / (sh + LAMBDA);
    double bestGain = 0;
    int bestFeature = -1;
    double bestAt = 0;
    int dims = x[rows[0]].length;
    for (int d = 0; d < dims; d++) {
      int feature = d;
      Integer[] order = java.util.Arrays.stream(rows).boxed().toArray(Integer[]::new);
      java.util.Arrays.sort(order, Comparator.comparingDouble(i -> x[i][feature]));
      double gl = 0;
      double hl = 0;
      for (int k = 0; k < order.length - MIN_LEAF; k++) {
        gl += g[order[k]];
        hl += h[order[k]];
        double here = x[order[k]][d];
        double next = x[order[k + 1]][d];
        if (k + 1 < MIN_LEAF || Double.isNaN(here) || !(here < next)) {
          continue;
        }
        double gr = sg - gl;
        double hr = sh - hl;
        double gain = gl * gl / (hl + LAMBDA) + gr * gr / (hr + LAMBDA) - parent;
        if (gain > bestGain) {
          bestGain = gain;
          bestFeature = d;
          bestAt = here;
        }
      }
    }
    if (bestFeature < 0) {
      return leaf;
    }
    int split = bestFeature;
    double at = bestAt;
    int[] le = java.util.Arrays.stream(rows).filter(i -> x[i][split] <= at).toArray();
    int[] gt = java.util.Arrays.stream(rows).filter(i -> !(x[i][split] <= at)).toArray();
    return new BoostedTrees.Split(
        split, at, grow(x, g, h, le, depth - 1), grow(x, g, h, gt, depth - 1));
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  /** The file's text. */
  static String toYaml(
      Trained t, String casesFile, int cases, int wrongElsewhere, double wrongBudget) {
    StringBuilder h =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                """
        # The evidence gate's model and threshold (EvidenceGate.FEATURES; BoostedTrees): the
        # confidence that the best section answers is the logistic of base + shrinkage x the sum
        # of the trees' values. Written by `metshub train-sections %s` (the average of %d
        # gradient-boosted gates, each fitted without one of %d parts of the questions: %d trees
        # of depth %d, at least %d questions a leaf, shrinkage %s, L2 %s on leaf values)
        # on %d questions the gate weighs, %d of them with a fitting best section.
        # The threshold is the lowest that keeps wrong answers within %s%% of the split's %d
        # cases (%d wrong directory answers count against that budget), judged on out-of-fold
        # confidences (%d-fold cross-validation, each question scored by a gate fitted without
        # it), as the median of the thresholds of %d partitions into folds (%s; fitting
        # answers at each partition's own threshold: %s): at it, %d
        # fitting and %d wrong answers. That partition's out-of-fold confidence, questions
        # answered, fitting, wrong, along the way:
        """,
                casesFile,
                BAGS,
                BAGS,
                TREES,
                DEPTH,
                MIN_LEAF,
                SHRINKAGE,
                LAMBDA,
                t.examples(),
                t.good(),
                java.math.BigDecimal.valueOf(wrongBudget)
                    .movePointRight(2)
                    .stripTrailingZeros()
                    .toPlainString(),
                cases,
                wrongElsewhere,
                t.folds(),
                t.thresholds().size(),
                t.thresholds().stream()
                    .map(x -> String.format(Locale.ROOT, "%.3f", x))
                    .collect(java.util.stream.Collectors.joining(", ")),
                t.goods().stream()
                    .map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", ")),
                t.answeredGood(),
                t.answeredWrong()));
    t.curve().forEach(line -> h.append("#   ").append(line).append('\n'));
    h.append("# Re-running the command on the same labels and KB gives this file.\n");
    return t.model().toYaml(h.toString());
  }
}
