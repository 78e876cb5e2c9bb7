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
  void theGateIsTrainedOnTheSectionTheAnswerPathPutsFirst() {
    // "brain mets" typed alone: the answer path puts the page's "what it is" section first,
    // though the ranker scores "Symptoms" higher. Rescoring for the gate's training must keep that
    // order, or the gate learns from a section it is never asked about.
    double[] symptoms = features(0.9, 0);
    double[] whatItIs = features(0.5, 0);
    for (double[] f : List.of(symptoms, whatItIs)) {
      f[SectionChoice.FEATURES.indexOf("titleFits")] = 1;
    }
    whatItIs[SectionChoice.FEATURES.indexOf("topicDefinition")] = 1;
    List<SectionChoice.Candidate> ranked =
        List.of(
            candidate("Symptoms", 9, symptoms),
            candidate("What brain metastases are", 5, whatItIs));
    QuestionAnalysis alone =
        new QuestionAnalysis(
            "brain mets",
            "en",
            Intent.GENERAL,
            QuestionType.GENERAL,
            List.of(),
            List.of("brain"),
            java.util.Set.of("brain", "met"),
            java.util.Set.of("brain"),
            List.of());
    double[] byCoverage = new double[SectionChoice.FEATURES.size()];
    byCoverage[SectionChoice.FEATURES.indexOf("coverage")] = 1;
    LinearModel weights =
        SectionChoice.weights(java.util.Arrays.stream(byCoverage).boxed().toList(), "given");
    var asked = new EvidenceGate.Evidence(alone, ranked, 0.8, 0.62, List.of(), 2, false);
    assertThat(SectionTraining.rescored(asked, weights).ranked())
        .extracting(SectionChoice.Candidate::heading)
        .containsExactly("What brain metastases are", "Symptoms");
    // A follow-up's few words ask about the conversation's subject: the ranker's order stands.
    var followUp = new EvidenceGate.Evidence(alone, ranked, 0.8, 0.62, List.of(), 2, true);
    assertThat(SectionTraining.rescored(followUp, weights).ranked())
        .extracting(SectionChoice.Candidate::heading)
        .containsExactly("Symptoms", "What brain metastases are");
  }

  @Test
  void rescoringKeepsWhatTheGateWeighsBesideTheRankersFeatures() {
    // The gate reads each candidate's own lead closeness and how much of its closest curated
    // question the reader's holds, which are no ranker features: a rescored
    // candidate that lost it would train the gate on zeros it never sees when answering.
    double[] f = features(0.9, 0);
    var k = candidate("Symptoms", 9, f);
    var withLead = EvidenceGateTest.withReadings(k, 0.42, 0.33);
    QuestionAnalysis qa =
        new QuestionAnalysis(
            "brain mets symptoms",
            "en",
            Intent.SYMPTOMS,
            QuestionType.GENERAL,
            List.of(),
            List.of("brain"),
            java.util.Set.of("brain", "met", "symptom"),
            java.util.Set.of("brain"),
            List.of());
    var e = new EvidenceGate.Evidence(qa, List.of(withLead), 0.8, 0.62, List.of(), 3, false);
    LinearModel weights =
        SectionChoice.weights(java.util.Collections.nCopies(f.length, 1.0), "given");
    assertThat(SectionTraining.rescored(e, weights).ranked())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.leadMeaning()).isEqualTo(0.42);
              assertThat(r.askedContained()).isEqualTo(0.33);
            });
  }

  private static SectionChoice.Candidate candidate(String heading, double score, double[] f) {
    var h =
        SectionChoiceTest.hit(
            "brain-metastases",
            "Brain metastases",
            heading,
            "article",
            "patient",
            List.of(),
            List.of("brain"),
            1.0);
    return new SectionChoice.Candidate(
        h,
        heading,
        heading,
        "text",
        score,
        f[SectionChoice.FEATURES.indexOf("coverage")],
        true,
        f,
        0,
        0);
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
