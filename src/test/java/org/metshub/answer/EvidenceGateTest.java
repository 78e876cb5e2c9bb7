package org.metshub.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.metshub.kb.ReviewState;
import org.metshub.search.Hit;
import org.metshub.search.Snippet;

class EvidenceGateTest {
  /**
   * A hand-made model, so that these tests check the gate's rules, not what training learned:
   * confident when the passage is close, the section uses the key term and most of the words.
   */
  static LinearModel model() {
    List<Double> w = new ArrayList<>();
    for (String f : EvidenceGate.FEATURES) {
      w.add(
          switch (f) {
            case "bias" -> -3.0;
            case "similarity" -> 10.0;
            case "keyTerm" -> 2.0;
            case "coverage" -> 2.0;
            case "unknown" -> -4.0;
            default -> 0.0;
          });
    }
    return new LinearModel(EvidenceGate.FEATURES, w, 0.5, "test");
  }

  final EvidenceGate gate = new EvidenceGate(model());

  /** The English reason of an abstention (fails on an answer). */
  static String reason(EvidenceGate.Decision d) {
    assertThat(d).isInstanceOf(EvidenceGate.Insufficient.class);
    return ((EvidenceGate.Insufficient) d).reason();
  }

  static QuestionAnalysis question(List<String> cancers, Set<String> wanted, Set<String> key) {
    return new QuestionAnalysis(
        "how is it treated",
        "en",
        Intent.TREATMENT,
        QuestionType.TREATMENT,
        cancers,
        List.of(),
        wanted,
        key,
        List.of());
  }

  static SectionChoice.Candidate candidate(
      List<String> pageCancers, double score, double coverage, boolean keyUsed) {
    return candidate("p", pageCancers, score, coverage, keyUsed);
  }

  static SectionChoice.Candidate candidate(
      String docId, List<String> pageCancers, double score, double coverage, boolean keyUsed) {
    Hit h =
        new Hit(
            docId + "#1",
            docId,
            "Title",
            "How it is treated",
            Snippet.plain(""),
            "text",
            new Hit.Meta(
                "",
                "MetsHub",
                Optional.empty(),
                Optional.empty(),
                ReviewState.CURRENT,
                "owned",
                true,
                "active",
                "en",
                "article",
                "patient",
                "04",
                pageCancers,
                List.of()),
            1.0,
            0.8);
    return new SectionChoice.Candidate(
        h, "How it is treated", "how-it-is-treated", "text", score, coverage, keyUsed);
  }

  static EvidenceGate.Evidence evidence(
      QuestionAnalysis qa,
      double similarity,
      List<String> unknown,
      int content,
      SectionChoice.Candidate... ranked) {
    return new EvidenceGate.Evidence(qa, List.of(ranked), similarity, 0.62, unknown, content);
  }

  @Test
  void aSectionThatSpeaksAboutTheQuestionIsSufficient() {
    var d =
        gate.decide(
            evidence(
                question(List.of("colorectal"), Set.of("colon", "treat"), Set.of("colon")),
                0.8,
                List.of(),
                3,
                candidate(List.of("metastatic cancer", "colorectal"), 5, 1.0, true)));
    assertThat(d)
        .isInstanceOfSatisfying(
            EvidenceGate.Sufficient.class, s -> assertThat(s.confidence()).isGreaterThan(0.5));
  }

  @Test
  void noCloseEnoughPassageIsInsufficientAndSaysSo() {
    var d =
        gate.decide(evidence(question(List.of(), Set.of("x"), Set.of("x")), 0.41, List.of(), 2));
    assertThat(reason(d))
        .isEqualTo(("no page is close enough: best similarity 0.410 below 0.62 for treatment"));
    var weak =
        gate.decide(
            evidence(
                question(List.of(), Set.of("x"), Set.of("x")),
                0.41,
                List.of(),
                2,
                candidate(List.of(), 5, 0.5, true)));
    assertThat(reason(weak))
        .isEqualTo(("no page is close enough: best similarity 0.410 below 0.62 for treatment"));
  }

  @Test
  void wordsTheKbNeverUsesMakeItInsufficient() {
    // Every content word unknown: abstains whatever the confidence.
    var all =
        gate.decide(
            evidence(
                question(List.of(), Set.of("ivermectin"), Set.of("ivermectin")),
                0.9,
                List.of("ivermectin"),
                1,
                candidate(List.of(), 9, 1, true)));
    assertThat(reason(all)).isEqualTo(("the KB never uses the words [ivermectin]"));
    // Some unknown: weighed, and named when they tip the balance.
    var some =
        gate.decide(
            evidence(
                question(List.of(), Set.of("deduct", "tax"), Set.of("deduct")),
                0.7,
                List.of("taxes", "deduct"),
                3,
                candidate(List.of(), 5, 0.4, true)));
    assertThat(reason(some)).isEqualTo(("the KB never uses the words [deduct, taxes]"));
    // One unknown word among many ("ok") does not silence a good answer.
    var ok =
        gate.decide(
            evidence(
                question(List.of(), Set.of("treat", "bone"), Set.of("bone")),
                0.8,
                List.of("ok"),
                4,
                candidate(List.of(), 5, 1.0, true)));
    assertThat(ok).isInstanceOf(EvidenceGate.Sufficient.class);
  }

  @Test
  void aSectionThatNeverSpeaksAboutTheSubjectIsInsufficient() {
    var d =
        gate.decide(
            evidence(
                question(
                    List.of(), Set.of("hospital", "texas", "best"), Set.of("texas", "hospital")),
                0.66,
                List.of(),
                3,
                candidate(List.of(), 5, 0.33, false)));
    // The words are named in alphabetical order, so the same question gives the same reason.
    assertThat(reason(d))
        .isEqualTo(
            ("the closest section ('How it is"
                + " treated' of p) does not speak about [hospital, texas]"));
  }

  @Test
  void aWeakButOnTopicSectionSaysHowWeak() {
    var d =
        gate.decide(
            evidence(
                question(List.of(), Set.of("a", "b"), Set.of("a")),
                0.64,
                List.of(),
                2,
                candidate(List.of(), 5, 0.1, true)));
    assertThat(d)
        .isInstanceOfSatisfying(
            EvidenceGate.Insufficient.class,
            i ->
                assertThat(i.reason())
                    .matches(
                        "the closest section \\('How it is treated' of p\\)"
                            + " answers too weakly: confidence 0\\.\\d\\d below 0\\.50"));
  }

  @Test
  void anotherCancersPageNeverAnswersHoweverConfident() {
    var d =
        gate.decide(
            evidence(
                question(List.of("colorectal"), Set.of("colon"), Set.of("colon")),
                0.9,
                List.of(),
                2,
                candidate(List.of("lung"), 9, 1.0, true)));
    assertThat(reason(d))
        .isEqualTo(
            ("the question is about [colorectal], the closest section is on a page about [lung]"));
    assertThat(
            EvidenceGate.ruledOut(
                evidence(
                    question(List.of("colorectal"), Set.of("colon"), Set.of("colon")),
                    0.9,
                    List.of(),
                    2,
                    candidate(List.of("lung"), 9, 1.0, true))))
        .isTrue();
  }

  @Test
  void featuresMeasureTheBestSectionAgainstTheBestOfAnotherPage() {
    // A sibling section of the same page (5.9) does not count against the margin; the best
    // section of another page (3.5) does.
    double[] f =
        EvidenceGate.features(
            evidence(
                question(List.of(), Set.of("a"), Set.of("a")),
                0.72,
                List.of("zz"),
                4,
                candidate("p", List.of(), 6, 0.5, true),
                candidate("p", List.of(), 5.9, 0.5, true),
                candidate("q", List.of(), 3.5, 0.2, false)));
    assertThat(f[EvidenceGate.FEATURES.indexOf("bias")]).isEqualTo(1.0);
    assertThat(f[EvidenceGate.FEATURES.indexOf("score")]).isEqualTo(0.6);
    assertThat(f[EvidenceGate.FEATURES.indexOf("margin")]).isEqualTo(0.5);
    assertThat(f[EvidenceGate.FEATURES.indexOf("similarity")])
        .isCloseTo(0.10, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(f[EvidenceGate.FEATURES.indexOf("close")]).isEqualTo(1.0);
    assertThat(f[EvidenceGate.FEATURES.indexOf("unknown")]).isEqualTo(0.25);
    assertThat(f[EvidenceGate.FEATURES.indexOf("keyTerm")]).isEqualTo(1.0);
    // Softmax share of the best among all three: 1 / (1 + e^(5.9 - 6) + e^(3.5 - 6)).
    assertThat(f[EvidenceGate.FEATURES.indexOf("share")])
        .isCloseTo(
            1 / (1 + Math.exp(-0.1) + Math.exp(-2.5)), org.assertj.core.data.Offset.offset(1e-9));
    // The page's share counts its sibling section too: (1 + e^-0.1) / (1 + e^-0.1 + e^-2.5).
    assertThat(f[EvidenceGate.FEATURES.indexOf("pageShare")])
        .isCloseTo(
            (1 + Math.exp(-0.1)) / (1 + Math.exp(-0.1) + Math.exp(-2.5)),
            org.assertj.core.data.Offset.offset(1e-9));
    // With only its own page's sections, nothing competes: the margin is the whole score.
    double[] alone =
        EvidenceGate.features(
            evidence(
                question(List.of(), Set.of("a"), Set.of("a")),
                0.72,
                List.of(),
                4,
                candidate("p", List.of(), 3, 0.5, true),
                candidate("p", List.of(), 2.9, 0.5, true)));
    assertThat(alone[EvidenceGate.FEATURES.indexOf("margin")]).isEqualTo(0.6);
    assertThat(alone[EvidenceGate.FEATURES.indexOf("pageShare")])
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    // Without features, every candidate's meaning is 0: the best is among the closest.
    assertThat(f[EvidenceGate.FEATURES.indexOf("closestInMeaning")]).isEqualTo(1.0);
  }

  @Test
  void theBestSectionsOwnLeadIsWeighedAgainstEveryOtherCandidatesSiblingsIncluded() {
    var best = candidate("p", List.of(), 6, 0.5, true);
    var sibling = candidate("p", List.of(), 5.9, 0.5, true);
    var other = candidate("q", List.of(), 3.5, 0.2, false);
    double[] f =
        EvidenceGate.features(
            evidence(
                question(List.of(), Set.of("a"), Set.of("a")),
                0.72,
                List.of(),
                4,
                withLead(best, 0.7),
                withLead(sibling, 0.5),
                withLead(other, 0.6)));
    assertThat(f[EvidenceGate.FEATURES.indexOf("leadMeaning")]).isEqualTo(0.7);
    // Unlike the margins over another page, a sibling section counts: 0.7 - 0.6.
    assertThat(f[EvidenceGate.FEATURES.indexOf("leadMargin")])
        .isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
    double[] behind =
        EvidenceGate.features(
            evidence(
                question(List.of(), Set.of("a"), Set.of("a")),
                0.72,
                List.of(),
                4,
                withLead(best, 0.4),
                withLead(sibling, 0.9)));
    assertThat(behind[EvidenceGate.FEATURES.indexOf("leadMargin")])
        .isCloseTo(-0.5, org.assertj.core.data.Offset.offset(1e-9));
    // How much of its closest curated question the reader's question holds is the best's own.
    var contained = withReadings(best, 0.4, 0.75);
    double[] held =
        EvidenceGate.features(
            evidence(question(List.of(), Set.of("a"), Set.of("a")), 0.72, List.of(), 4, contained));
    assertThat(held[EvidenceGate.FEATURES.indexOf("askedContained")]).isEqualTo(0.75);
  }

  private static SectionChoice.Candidate withLead(SectionChoice.Candidate k, double lead) {
    return withReadings(k, lead, 0);
  }

  /**
   * The same candidate with what the gate weighs beside the ranker's features: its own lead's
   * closeness and how much of its closest curated question the reader's question holds.
   */
  static SectionChoice.Candidate withReadings(
      SectionChoice.Candidate k, double lead, double askedContained) {
    return new SectionChoice.Candidate(
        k.hit(),
        k.heading(),
        k.anchor(),
        k.text(),
        k.score(),
        k.coverage(),
        k.keyTermUsed(),
        k.features(),
        lead,
        askedContained);
  }

  static SectionChoice.Candidate onPage(
      String docId, List<String> cancers, List<String> sites, boolean intentFits) {
    Hit h =
        new Hit(
            docId + "#1",
            docId,
            docId,
            "Symptoms",
            Snippet.plain(""),
            "text",
            new Hit.Meta(
                "",
                "MetsHub",
                Optional.empty(),
                Optional.empty(),
                ReviewState.CURRENT,
                "owned",
                true,
                "active",
                "en",
                "article",
                "patient",
                "04",
                cancers,
                sites),
            1.0,
            0.8);
    double[] f = new double[SectionChoice.FEATURES.size()];
    f[SectionChoice.FEATURES.indexOf("intentFits")] = intentFits ? 1 : 0;
    return new SectionChoice.Candidate(h, "Symptoms", "symptoms", "text", 5, 1.0, true, f, 0, 0);
  }

  @Test
  void theRankersCancerAgreementDecidesTheClashSoATitleThatNamesTheCancerCounts() {
    var qa =
        new QuestionAnalysis(
            "stage 4 melanoma treatment",
            "en",
            Intent.TREATMENT,
            QuestionType.GENERAL,
            List.of("melanoma"),
            List.of(),
            Set.of("melanoma", "treatment"),
            Set.of("melanoma"),
            List.of());
    // Tagged skin only, but the ranker found its title names melanoma: no clash.
    var named = onPage("mel", List.of("skin"), List.of(), true);
    named.features()[SectionChoice.FEATURES.indexOf("cancerAgrees")] = SectionChoice.ENTITY_MATCH;
    assertThat(
            EvidenceGate.ruledOut(
                new EvidenceGate.Evidence(qa, List.of(named), 0.8, 0.62, List.of(), 2)))
        .isFalse();
    var other = onPage("skin", List.of("skin"), List.of(), true);
    other.features()[SectionChoice.FEATURES.indexOf("cancerAgrees")] = SectionChoice.ENTITY_CLASH;
    assertThat(gate.decide(new EvidenceGate.Evidence(qa, List.of(other), 0.8, 0.62, List.of(), 2)))
        .isInstanceOfSatisfying(
            EvidenceGate.Insufficient.class,
            i -> assertThat(i.reason()).contains("the question is about [melanoma]"));
  }

  @Test
  void theSitePageIsQuotedBesideTheCancerPageWhenTheQuestionNamesBoth() {
    var qa =
        new QuestionAnalysis(
            "symptoms of breast cancer in the liver",
            "en",
            Intent.SYMPTOMS,
            QuestionType.SYMPTOMS,
            List.of("breast"),
            List.of("liver"),
            Set.of("symptom", "liver"),
            Set.of("liver"),
            List.of());
    var breast = onPage("breast", List.of("breast"), List.of("liver", "bone"), false);
    var liver = onPage("liver", List.of("metastatic cancer"), List.of("liver"), true);
    var lung = onPage("lung", List.of("lung"), List.of("liver"), true);
    var e = new EvidenceGate.Evidence(qa, List.of(breast, lung, liver), 0.8, 0.62, List.of(), 3);
    // The lung page is another cancer's; the liver page is about the site for every cancer.
    assertThat(gate.companion(e, breast)).map(c -> c.hit().docId()).contains("liver");
    // From the site page, the cancer page is the companion.
    var fromSite =
        new EvidenceGate.Evidence(
            qa,
            List.of(liver, onPage("breast2", List.of("breast"), List.of(), true)),
            0.8,
            0.62,
            List.of(),
            3);
    assertThat(gate.companion(fromSite, liver)).map(c -> c.hit().docId()).contains("breast2");
  }

  @Test
  void noCompanionWithoutBothEntitiesOrAFittingSectionOrEnoughConfidence() {
    var liver = onPage("liver", List.of("metastatic cancer"), List.of("liver"), true);
    var breast = onPage("breast", List.of("breast"), List.of("liver"), false);
    var onlyCancer =
        new QuestionAnalysis(
            "breast cancer symptoms",
            "en",
            Intent.SYMPTOMS,
            QuestionType.SYMPTOMS,
            List.of("breast"),
            List.of(),
            Set.of("symptom"),
            Set.of(),
            List.of());
    assertThat(
            gate.companion(
                new EvidenceGate.Evidence(
                    onlyCancer, List.of(breast, liver), 0.8, 0.62, List.of(), 3),
                breast))
        .isEmpty();
    var both =
        new QuestionAnalysis(
            "breast cancer in the liver",
            "en",
            Intent.SYMPTOMS,
            QuestionType.SYMPTOMS,
            List.of("breast"),
            List.of("liver"),
            Set.of("liver"),
            Set.of(),
            List.of());
    var notFitting = onPage("liver", List.of("metastatic cancer"), List.of("liver"), false);
    assertThat(
            gate.companion(
                new EvidenceGate.Evidence(
                    both, List.of(breast, notFitting), 0.8, 0.62, List.of(), 3),
                breast))
        .isEmpty();
    // Far from the question: the companion fails the gate on its own.
    assertThat(
            gate.companion(
                new EvidenceGate.Evidence(both, List.of(breast, liver), 0.3, 0.62, List.of(), 3),
                breast))
        .isEmpty();
  }

  @Test
  void aModelForOtherFeaturesOrWithoutAThresholdIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new EvidenceGate(
                SectionChoice.weights(
                    java.util.Collections.nCopies(SectionChoice.FEATURES.size(), 0.0), "x")));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new EvidenceGate(
                new LinearModel(
                    EvidenceGate.FEATURES,
                    java.util.Collections.nCopies(EvidenceGate.FEATURES.size(), 0.0),
                    Double.NaN,
                    "x")));
  }
}
