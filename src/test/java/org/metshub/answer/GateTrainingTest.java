package org.metshub.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metshub.error.MetsHubException.BadInput;

class GateTrainingTest {
  /** An example whose only signal is the similarity margin. */
  static GateTraining.Example example(String id, double similarity, boolean good) {
    double[] f = new double[EvidenceGate.FEATURES.size()];
    f[0] = 1;
    f[EvidenceGate.FEATURES.indexOf("similarity")] = similarity;
    return new GateTraining.Example(id, f, good, false);
  }

  static List<GateTraining.Example> examples() {
    List<GateTraining.Example> out = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      // Good answers are close; wrong ones far, with an overlap in the middle.
      out.add(example("g" + i, 0.02 * i, i >= 10));
    }
    return out;
  }

  @Test
  void learnsThatCloseEvidenceIsGoodAndIsDeterministic() {
    var t = GateTraining.train(examples(), 100, 0, 0.02, "test", 1);
    assertThat(t.model().probability(examples().get(39).features()))
        .isGreaterThan(t.model().probability(examples().get(0).features()) + 0.5);
    assertThat(t.model().trees()).isNotEmpty();
    assertThat(GateTraining.train(examples(), 100, 0, 0.02, "test", 1).model())
        .isEqualTo(t.model());
  }

  @Test
  void treesLearnWhatOneWeightPerFeatureCannot() {
    // Good only in the middle of the range: a linear gate can only rise or fall with it.
    List<GateTraining.Example> ex = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      ex.add(example("m" + i, i / 90.0, i >= 30 && i < 60));
    }
    var t = GateTraining.train(ex, 100, 0, 0.5, "test", 1);
    double low = t.model().probability(ex.get(5).features());
    double middle = t.model().probability(ex.get(45).features());
    double high = t.model().probability(ex.get(85).features());
    assertThat(middle).isGreaterThan(low + 0.5).isGreaterThan(high + 0.5);
  }

  @Test
  void theThresholdIsTheLowestThatKeepsWrongAnswersWithinTheBudget() {
    // 2% of 100 cases: two wrong answers allowed. The wrong ones are g0..g9 (lowest similarity).
    var t = GateTraining.train(examples(), 100, 0, 0.02, "test", 1);
    double threshold = t.model().threshold();
    List<GateTraining.Example> ex = examples();
    long good =
        ex.stream()
            .filter(e -> e.good() && t.model().probability(e.features()) >= threshold)
            .count();
    long wrong =
        ex.stream()
            .filter(e -> !e.good() && t.model().probability(e.features()) >= threshold)
            .count();
    assertThat(wrong).isEqualTo(t.answeredWrong()).isLessThanOrEqualTo(2);
    assertThat(good).isEqualTo(t.answeredGood()).isGreaterThanOrEqualTo(25);
    // The next lower confidence would let more than two wrong answers through.
    double next =
        ex.stream()
            .mapToDouble(e -> t.model().probability(e.features()))
            .filter(p -> p < threshold - 1e-4)
            .max()
            .orElseThrow();
    assertThat(
            ex.stream()
                .filter(e -> !e.good() && t.model().probability(e.features()) >= next)
                .count())
        .isGreaterThan(2);
  }

  @Test
  void wrongAnswersElsewhereUseTheBudgetUp() {
    var t = GateTraining.train(examples(), 100, 2, 0.02, "test", 1);
    assertThat(t.answeredWrong()).isZero();
    assertThat(t.answeredGood())
        .isPositive()
        .isLessThanOrEqualTo(
            GateTraining.train(examples(), 100, 0, 0.02, "test", 1).answeredGood());
    var none = GateTraining.train(examples(), 100, 5, 0.02, "test", 1);
    assertThat(none.answeredWrong()).isZero();
  }

  @Test
  void ruledOutExamplesNeverCountAsAnswered() {
    List<GateTraining.Example> ex = new ArrayList<>(examples());
    double[] f = ex.get(39).features();
    ex.add(new GateTraining.Example("ruled", f, false, true));
    var t = GateTraining.train(ex, 100, 0, 0.0, "test", 1);
    assertThat(t.answeredWrong()).isZero();
  }

  @Test
  void theThresholdIsChosenOnConfidencesOfGatesThatNeverSawTheQuestion() {
    // Noisy labels: a few wrong answers among the close ones, which a gate fitted on them
    // learns to trust a little; gates fitted without them cannot.
    List<GateTraining.Example> ex = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ex.add(example("q" + i, 0.005 * i, i >= 50 && i % 17 != 0));
    }
    var cv = GateTraining.train(ex, 400, 0, 0.02, "test", 5);
    var again = GateTraining.train(ex, 400, 0, 0.02, "test", 5);
    assertThat(again.model()).isEqualTo(cv.model()); // folds fixed by id: deterministic
    var fit = GateTraining.train(ex, 400, 0, 0.02, "test", 1);
    // The same trees (fitted on all), a threshold of its own, within budget on its curve.
    assertThat(cv.model().trees()).isEqualTo(fit.model().trees());
    assertThat(cv.answeredWrong()).isLessThanOrEqualTo(8);
    assertThat(cv.folds()).isEqualTo(5);
    assertThat(GateTraining.toYaml(cv, "dev.yaml", 400, 0, 0.02))
        .contains("5-fold")
        .contains("median of the thresholds of 5 partitions");
    // Every example falls in exactly one fold of each partition.
    for (var e : ex) {
      for (int seed = 0; seed < GateTraining.PARTITIONS; seed++) {
        assertThat(GateTraining.foldOf(e, 5, seed)).isBetween(0, 4);
      }
    }
    // The partitions differ, and not only by their folds' numbers: two questions together in a
    // fold of one partition are apart in another.
    java.util.function.BiPredicate<Integer, Integer> sameFolds =
        (a, b) ->
            ex.stream()
                .allMatch(
                    x ->
                        ex.stream()
                            .allMatch(
                                z ->
                                    (GateTraining.foldOf(x, 5, a) == GateTraining.foldOf(z, 5, a))
                                        == (GateTraining.foldOf(x, 5, b)
                                            == GateTraining.foldOf(z, 5, b))));
    assertThat(sameFolds.test(0, 1)).isFalse();
    assertThat(sameFolds.test(0, 0)).isTrue();
    // The threshold kept is the median of the partitions' thresholds.
    assertThat(cv.thresholds()).hasSize(GateTraining.PARTITIONS);
    assertThat(cv.model().threshold())
        .isEqualTo(cv.thresholds().stream().sorted().toList().get(GateTraining.PARTITIONS / 2));
    assertThat(fit.thresholds()).containsExactly(fit.model().threshold());
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> GateTraining.train(ex, 400, 0, 0.02, "test", 0));
  }

  @Test
  void theGateShippedIsTheAverageOfGatesEachFittedWithoutOnePartOfTheQuestions() {
    List<GateTraining.Example> ex = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ex.add(example("b" + i, 0.005 * i, i >= 50 && i % 17 != 0));
    }
    BoostedTrees bagged = GateTraining.fit(ex, "test");
    assertThat(bagged.shrinkage()).isEqualTo(GateTraining.SHRINKAGE / GateTraining.BAGS);
    assertThat(bagged.trees()).hasSize(GateTraining.BAGS * GateTraining.TREES);
    // Its confidence is the logistic of the mean of the parts' own log-odds.
    List<BoostedTrees> parts = new ArrayList<>();
    for (int b = 0; b < GateTraining.BAGS; b++) {
      int left = b;
      List<GateTraining.Example> without =
          ex.stream()
              .filter(e -> GateTraining.foldOf(e, GateTraining.BAGS, GateTraining.BAG_SEED) != left)
              .toList();
      assertThat(without.size()).isBetween(100, 199); // each part leaves some questions out
      parts.add(GateTraining.fitOne(without, "test"));
    }
    for (var e : List.of(ex.get(10), ex.get(120), ex.get(199))) {
      double logOdds =
          parts.stream()
              .mapToDouble(
                  m -> Math.log(m.probability(e.features()) / (1 - m.probability(e.features()))))
              .average()
              .orElseThrow();
      assertThat(bagged.probability(e.features()))
          .isCloseTo(1 / (1 + Math.exp(-logOdds)), org.assertj.core.data.Offset.offset(1e-4));
    }
    assertThat(GateTraining.fit(ex, "test")).isEqualTo(bagged); // parts fixed by id
    assertThat(
            GateTraining.toYaml(
                GateTraining.train(ex, 400, 0, 0.02, "test", 5), "dev.yaml", 400, 0, 0.02))
        .contains("gradient-boosted gates, each fitted without one of " + GateTraining.BAGS)
        .contains("answers at each partition's own threshold: ");
  }

  @Test
  void theFileRoundTripsWithItsThreshold() {
    var t = GateTraining.train(examples(), 100, 0, 0.02, "test", 1);
    String yaml = GateTraining.toYaml(t, "dev.yaml", 100, 0, 0.02);
    assertThat(yaml).contains("threshold: ", "within 2% of the split's 100", "trees:\n- {if: ");
    BoostedTrees read = BoostedTrees.read("gate.yaml", yaml, EvidenceGate.FEATURES);
    assertThat(read).isEqualTo(t.model());
    for (var e : examples()) {
      assertThat(read.probability(e.features())).isEqualTo(t.model().probability(e.features()));
    }
  }

  @Test
  void theBundledGateHasItsFeaturesAndAThreshold() {
    BoostedTrees g = EvidenceGate.bundledModel();
    assertThat(g.features()).isEqualTo(EvidenceGate.FEATURES);
    assertThat(g.threshold()).isBetween(0.0, 1.0);
    assertThat(g.trees()).hasSize(GateTraining.BAGS * GateTraining.TREES);
    assertThat(g.shrinkage()).isEqualTo(GateTraining.SHRINKAGE / GateTraining.BAGS);
  }

  @Test
  void aBrokenModelFileIsNamedWithItsField() {
    String ok = "threshold: 0.9\nbase: 0.1\nshrinkage: 0.1\n";
    assertThat(read("threshold: high\nbase: 0\nshrinkage: 0.1\ntrees: []\n"))
        .isEqualTo("gate.yaml: threshold: is required and must be a number");
    assertThat(read("threshold: 0.9\nshrinkage: 0.1\ntrees: []\n"))
        .isEqualTo("gate.yaml: base: is required and must be a number");
    assertThat(read(ok + "trees: {}\n"))
        .isEqualTo("gate.yaml: trees: is required and must be a list");
    assertThat(read(ok + "trees:\n- 0.5\n- {if: nosuch, le: 1, then: 0, else: 1}\n"))
        .startsWith("gate.yaml: trees[1].if: unknown feature 'nosuch'");
    assertThat(read(ok + "trees:\n- {if: share, le: 0.5, then: zero, else: 1}\n"))
        .startsWith("gate.yaml: trees[0].then: must be a number or {if: FEATURE");
    assertThat(read(ok + "trees:\n- {if: share, le: half, then: 0, else: 1}\n"))
        .isEqualTo("gate.yaml: trees[0].le: must be a number");
    assertThat(read("- just\n- a list\n")).startsWith("gate.yaml: must be a mapping");
    assertThat(read("threshold: [\n")).startsWith("gate.yaml: not valid YAML");
    // A valid one reads: a leaf tree, and a split sending each side its own way.
    BoostedTrees m =
        BoostedTrees.read(
            "gate.yaml",
            ok + "trees:\n- 0.5\n- {if: share, le: 0.5, then: -1, else: 1}\n",
            EvidenceGate.FEATURES);
    double[] x = new double[EvidenceGate.FEATURES.size()];
    x[EvidenceGate.FEATURES.indexOf("share")] = 0.2;
    assertThat(m.score(x))
        .isCloseTo(0.1 + 0.1 * (0.5 - 1), org.assertj.core.data.Offset.offset(1e-12));
    x[EvidenceGate.FEATURES.indexOf("share")] = 0.8;
    assertThat(m.score(x))
        .isCloseTo(0.1 + 0.1 * (0.5 + 1), org.assertj.core.data.Offset.offset(1e-12));
  }

  private static String read(String yaml) {
    return org.junit.jupiter.api.Assertions.assertThrows(
            BadInput.class, () -> BoostedTrees.read("gate.yaml", yaml, EvidenceGate.FEATURES))
        .getMessage();
  }
}
