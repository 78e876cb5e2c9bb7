package org.metshub.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.metshub.search.Hit;

class EvidenceGateTest {
  final EvidenceGate gate = new EvidenceGate();

  static QuestionAnalysis question(List<String> cancers, Set<String> wanted, Set<String> key) {
    return new QuestionAnalysis("how is it treated", "en", Intent.TREATMENT,
        QuestionType.TREATMENT, cancers, List.of(), wanted, key);
  }

  static SectionChoice.Candidate candidate(List<String> pageCancers, double coverage,
      boolean keyUsed) {
    Hit h = new Hit("p#1", "p", "Title", "How it is treated", "", "text", "", "MetsHub",
        Optional.empty(), Optional.empty(), "current", "owned", true, "active", "en", "article",
        "patient", "04", pageCancers, List.of(), 1.0, 0.8);
    return new SectionChoice.Candidate(h, "How it is treated", "how-it-is-treated", "text", 2.0,
        coverage, keyUsed);
  }

  @Test
  void aSectionThatSpeaksAboutTheQuestionIsSufficient() {
    var d = gate.decide(question(List.of("colorectal"), Set.of("colon", "treat"),
        Set.of("colon")), 2, 1, 0.8, 0.62, List.of(), 3,
        List.of(candidate(List.of("metastatic cancer", "colorectal"), 1.0, true)));
    assertThat(d).isInstanceOf(EvidenceGate.Sufficient.class);
  }

  @Test
  void noCloseEnoughPassageIsInsufficientAndSaysSo() {
    var d = gate.decide(question(List.of(), Set.of("x"), Set.of("x")), 0, 1, 0.41, 0.62,
        List.of(), 2, List.of());
    assertThat(d).isEqualTo(new EvidenceGate.Insufficient(
        "no page is close enough: best similarity 0.410 below 0.62 for treatment"));
  }

  @Test
  void wordsTheKbNeverUsesMakeItInsufficient() {
    var d = gate.decide(question(List.of(), Set.of("deduct", "tax"), Set.of("deduct")), 3, 1,
        0.7, 0.62, List.of("deduct", "taxes"), 3, List.of(candidate(List.of(), 1.0, true)));
    assertThat(d).isEqualTo(new EvidenceGate.Insufficient(
        "the KB never uses the words [deduct, taxes]"));
  }

  @Test
  void aSectionThatNeverSpeaksAboutTheSubjectIsInsufficient() {
    var d = gate.decide(question(List.of(), Set.of("hospital", "texas", "best"),
        Set.of("hospital", "texas")), 3, 1, 0.7, 0.62, List.of(), 3,
        List.of(candidate(List.of(), 0.33, false)));
    assertThat(d).isInstanceOfSatisfying(EvidenceGate.Insufficient.class,
        i -> assertThat(i.reason()).contains("does not speak about"));
  }

  @Test
  void anotherCancersPageNeverAnswers() {
    var d = gate.decide(question(List.of("colorectal"), Set.of("colon"), Set.of("colon")), 3,
        1, 0.7, 0.62, List.of(), 2, List.of(candidate(List.of("lung"), 1.0, true)));
    assertThat(d).isInstanceOfSatisfying(EvidenceGate.Insufficient.class,
        i -> assertThat(i.reason()).contains("[colorectal]", "[lung]"));
  }
}
