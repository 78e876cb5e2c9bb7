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
    assertThat(t.model().weights().get(EvidenceGate.FEATURES.indexOf("similarity")))
        .isGreaterThan(0);
    assertThat(GateTraining.train(examples(), 100, 0, 0.02, "test", 1).model())
        .isEqualTo(t.model());
  }

  @Test
  void theThresholdIsTheLowestThatKeepsWrongAnswersWithinTheBudget() {
    // 2% of 100 cases: two wrong answers allowed. The wrong ones are g0..g9 (lowest
    // similarity), so the threshold may reach down to g8 and no further.
    var t = GateTraining.train(examples(), 100, 0, 0.02, "test", 1);
    assertThat(t.answeredWrong()).isEqualTo(2);
    assertThat(t.answeredGood()).isEqualTo(30);
    double at8 = t.model().probability(examples().get(8).features());
    double at7 = t.model().probability(examples().get(7).features());
    assertThat(t.model().threshold()).isLessThanOrEqualTo(at8).isGreaterThan(at7);
  }

  @Test
  void wrongAnswersElsewhereUseTheBudgetUp() {
    var t = GateTraining.train(examples(), 100, 2, 0.02, "test", 1);
    assertThat(t.answeredWrong()).isZero();
    assertThat(t.answeredGood()).isEqualTo(30);
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
    // The same weights (fitted on all), a threshold of its own, within budget on its curve.
    assertThat(cv.model().weights()).isEqualTo(fit.model().weights());
    assertThat(cv.answeredWrong()).isLessThanOrEqualTo(8);
    assertThat(cv.folds()).isEqualTo(5);
    assertThat(GateTraining.toYaml(cv, "dev.yaml", 400, 0, 0.02)).contains("5-fold");
    // Every example falls in exactly one fold.
    for (var e : ex) {
      assertThat(GateTraining.foldOf(e, 5)).isBetween(0, 4);
    }
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> GateTraining.train(ex, 400, 0, 0.02, "test", 0));
  }

  @Test
  void theFileRoundTripsWithItsThreshold() {
    var t = GateTraining.train(examples(), 100, 0, 0.02, "test", 1);
    String yaml = GateTraining.toYaml(t, "dev.yaml", 100, 0, 0.02);
    assertThat(yaml).contains("threshold: ", "within 2% of the split's 100");
    assertThat(LinearModel.read("gate.yaml", yaml, EvidenceGate.FEATURES)).isEqualTo(t.model());
  }

  @Test
  void theBundledGateHasItsFeaturesAndAThreshold() {
    LinearModel g = EvidenceGate.bundledModel();
    assertThat(g.features()).isEqualTo(EvidenceGate.FEATURES);
    assertThat(g.threshold()).isBetween(0.0, 1.0);
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            BadInput.class,
            () ->
                LinearModel.read(
                    "gate.yaml", "threshold: high\nweights: {}\n", EvidenceGate.FEATURES));
    assertThat(e.getMessage()).startsWith("gate.yaml: weights.bias: is required");
  }
}
