package org.metshub.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metshub.error.MetsHubException.BadInput;

class SectionTrainingTest {
  static double[] features(double coverage, double intent) {
    double[] f = new double[SectionChoice.FEATURES.size()];
    f[SectionChoice.FEATURES.indexOf("coverage")] = coverage;
    f[SectionChoice.FEATURES.indexOf("intentFits")] = intent;
    return f;
  }

  @Test
  void learnsToRankGoldSectionsAboveTheOthersAndIsDeterministic() {
    // Gold sections are the ones whose heading fits the intent, whatever their coverage.
    List<SectionTraining.Question> qs =
        List.of(
            new SectionTraining.Question(
                "a", List.of(features(0.2, 1), features(0.9, 0)), List.of(true, false)),
            new SectionTraining.Question(
                "b", List.of(features(0.5, 0), features(0.4, 1)), List.of(false, true)),
            new SectionTraining.Question(
                "c", List.of(features(0.7, 1), features(0.1, 0)), List.of(true, false)));
    SectionTraining.Trained t = SectionTraining.train(qs, "test");
    SectionTraining.Trained again = SectionTraining.train(qs, "test");
    assertThat(t.weights()).isEqualTo(again.weights());
    assertThat(t.pairs()).isEqualTo(3);
    assertThat(t.pairAccuracy()).isEqualTo(1.0);
    assertThat(t.topAccuracy()).isEqualTo(1.0);
    double intent = t.weights().weights().get(SectionChoice.FEATURES.indexOf("intentFits"));
    double coverage = t.weights().weights().get(SectionChoice.FEATURES.indexOf("coverage"));
    assertThat(intent).isGreaterThan(coverage);
  }

  @Test
  void keptWeightsAreMeasuredAsTrainingWouldAndNotChanged() {
    List<SectionTraining.Question> qs =
        List.of(
            new SectionTraining.Question(
                "a", List.of(features(0.2, 1), features(0.9, 0)), List.of(true, false)),
            new SectionTraining.Question(
                "b", List.of(features(0.5, 0), features(0.4, 1)), List.of(false, true)));
    SectionTraining.Trained trained = SectionTraining.train(qs, "test");
    // The trained weights, kept: the same measurement.
    assertThat(SectionTraining.kept(qs, trained.weights())).isEqualTo(trained);
    // Weights that rank by coverage alone, kept: they stay as given, and rank both wrong.
    double[] byCoverage = new double[SectionChoice.FEATURES.size()];
    byCoverage[SectionChoice.FEATURES.indexOf("coverage")] = 1;
    List<Double> w = java.util.Arrays.stream(byCoverage).boxed().toList();
    SectionTraining.Trained kept = SectionTraining.kept(qs, SectionChoice.weights(w, "given"));
    assertThat(kept.weights().weights()).isEqualTo(w);
    assertThat(kept.topAccuracy()).isZero();
    assertThat(kept.pairAccuracy()).isZero();
    assertThat(kept.pairs()).isEqualTo(2);
  }

  @Test
  void questionsWithoutAGoldCandidateGiveNoPairs() {
    SectionTraining.Trained t =
        SectionTraining.train(
            List.of(new SectionTraining.Question("x", List.of(features(1, 1)), List.of(false))),
            "test");
    assertThat(t.pairs()).isZero();
    assertThat(t.weights().weights()).allMatch(w -> w == 0.0);
  }

  @Test
  void theWeightsFileRoundTripsAndRefusesUnknownFeatures() {
    LinearModel w = SectionChoice.bundledWeights();
    assertThat(LinearModel.read("w.yaml", w.toYaml("# test\n"), SectionChoice.FEATURES))
        .isEqualTo(w);
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            BadInput.class,
            () -> LinearModel.read("w.yaml", "weights: {luck: 1}\n", SectionChoice.FEATURES));
    assertThat(e.getMessage()).startsWith("w.yaml: weights.luck: unknown feature");
  }
}
