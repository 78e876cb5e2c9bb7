package org.metshub.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.metshub.kb.ReviewState;

/** How {@link SectionEval} judges one reply against a case's labels, and what it counts. */
class SectionEvalTest {
  private static SectionEval.Case answerable(String... gold) {
    return new SectionEval.Case(
        "c1",
        List.of("how is a liver biopsy done"),
        "en",
        "tests",
        "answered",
        List.of(gold),
        Optional.empty());
  }

  private static final SectionEval.Case UNANSWERABLE =
      new SectionEval.Case(
          "c2",
          List.of("how much does a biopsy cost"),
          "en",
          "practical",
          "abstained",
          List.of(),
          Optional.empty());

  private static Answer.Answered quoting(String docId, String heading, String firstSentence) {
    Citation cite =
        new Citation(
            1,
            docId,
            docId + "#1",
            "Title",
            "MetsHub",
            "https://example.org",
            heading,
            Optional.of(LocalDate.of(2026, 11, 1)),
            ReviewState.CURRENT,
            "owned",
            true,
            List.of());
    Excerpt e =
        new Excerpt(
            docId,
            heading,
            "/docs/" + docId,
            1,
            List.of(
                new Excerpt.Block(
                    Excerpt.Kind.PARAGRAPH, List.of(new Excerpt.Sentence(firstSentence, true)))),
            false,
            false);
    return new Answer.Answered(
        "en",
        "Here is what our pages say.",
        List.of(new AnswerSentence(firstSentence, List.of(1))),
        List.of(cite),
        List.of(e),
        List.of(),
        List.of(),
        "",
        "conv",
        "tests");
  }

  private static SectionEval.Result judged(SectionEval.Case c, Answer reply) {
    return SectionEval.judge(c, reply, Documents.NONE);
  }

  /** A refusal to read a report, offering these general pages. */
  private static Answer.Refused refusingToRead(RelatedDocument... explaining) {
    return new Answer.Refused(
        "en",
        "We cannot read results.",
        "interpret_report",
        List.of(),
        List.of(),
        "",
        "conv",
        "refuse.interpret_report",
        List.of(explaining));
  }

  private static Answer.Abstained abstaining(RelatedDocument... closest) {
    return new Answer.Abstained(
        "en", "No good answer.", List.of(closest), List.of(), "", "conv", "too weakly");
  }

  @Test
  void goldSectionsMustNameASectionOfTheKb() {
    java.nio.file.Path file = java.nio.file.Path.of("cases.yaml");
    // Known headings pass, whatever their case and markup; abstentions have none to check.
    SectionEval.requireKnownSections(
        file,
        List.of(answerable("liver#**symptoms**", "higado#Síntomas"), UNANSWERABLE),
        TranslationsTest.DOCS);
    // A heading the page does not have, a page the KB does not have, and no heading at all.
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                SectionEval.requireKnownSections(
                    file,
                    List.of(answerable("liver#Symptoms", "liver#Causes", "lung#Symptoms", "liver")),
                    TranslationsTest.DOCS))
        .isInstanceOf(org.metshub.error.MetsHubException.BadInput.class)
        .hasMessageContaining("cases.yaml: 3 gold section(s) name no section of the KB")
        .hasMessageContaining("c1: liver#Causes; c1: lung#Symptoms; c1: liver")
        .hasMessageNotContaining("liver#Symptoms;");
  }

  @Test
  void anAnswerFromAGoldSectionFitsWhateverTheCaseOfItsHeading() {
    var r =
        judged(
            answerable("biopsy#How a biopsy is done"),
            quoting("biopsy", "How a Biopsy Is Done", "A thin needle takes a small sample."));
    assertThat(r.verdict()).isEqualTo(SectionEval.Verdict.FIT);
    assertThat(r.quoted()).isEqualTo("biopsy#How a Biopsy Is Done");
    assertThat(r.dangling()).isFalse();
  }

  @Test
  void anAnswerFromAnotherSectionIsOffTargetAndOneWhereNothingAnswersIsWrong() {
    var off =
        judged(
            answerable("biopsy#How a biopsy is done"),
            quoting("biopsy", "Types of biopsy", "There are several kinds."));
    assertThat(off.verdict()).isEqualTo(SectionEval.Verdict.OFF_TARGET);
    var wrong =
        judged(UNANSWERABLE, quoting("biopsy", "Types of biopsy", "There are several kinds."));
    assertThat(wrong.verdict()).isEqualTo(SectionEval.Verdict.WRONG_ANSWER);
  }

  @Test
  void anAnswerThatOpensByPointingBackIsCountedAsDangling() {
    var r =
        judged(
            answerable("biopsy#How a biopsy is done"),
            quoting("biopsy", "How a biopsy is done", "These are done with a needle."));
    assertThat(r.dangling()).isTrue();
  }

  @Test
  void aWrongAbstentionPointsToAGoldSectionOnlyWhenOneOfItsClosestSectionsIsGold() {
    var pointing =
        judged(
            answerable("biopsy#How to prepare and recover"),
            abstaining(
                new RelatedDocument("liver", "Liver", "", "How it is found", "how-it-is-found"),
                new RelatedDocument(
                    "biopsy", "Biopsy", "", "How to prepare and recover", "how-to-prepare")));
    assertThat(pointing.verdict()).isEqualTo(SectionEval.Verdict.WRONG_ABSTENTION);
    assertThat(pointing.pointed()).isTrue();
    // A page's second section offered counts as much as its first.
    var second =
        judged(
            answerable("biopsy#How to prepare and recover"),
            abstaining(
                new RelatedDocument(
                    "biopsy",
                    "Biopsy",
                    "",
                    List.of(
                        new RelatedDocument.Section("Types", "types"),
                        new RelatedDocument.Section(
                            "How to prepare and recover", "how-to-prepare")))));
    assertThat(second.pointed()).isTrue();
    // The right page offered as a whole, or another section of it, is not the right place.
    var page =
        judged(
            answerable("biopsy#How to prepare and recover"),
            abstaining(
                new RelatedDocument("biopsy", "Biopsy", ""),
                new RelatedDocument("liver", "Liver", "", "How it is found", "how-it-is-found")));
    assertThat(page.pointed()).isFalse();
    // Where the KB cannot answer, silence is right and points nowhere.
    var right =
        judged(
            UNANSWERABLE,
            abstaining(new RelatedDocument("biopsy", "Biopsy", "", "Types", "types")));
    assertThat(right.verdict()).isEqualTo(SectionEval.Verdict.RIGHT_ABSTENTION);
    assertThat(right.pointed()).isFalse();
  }

  @Test
  void aRefusalIsASafetyOutcomeAndTheReportCountsEveryVerdict() {
    var refused = judged(answerable("biopsy#How a biopsy is done"), refusingToRead());
    assertThat(refused.verdict()).isEqualTo(SectionEval.Verdict.SAFETY);
    assertThat(refused.reason()).isEqualTo("refused: refuse.interpret_report");
    var fit =
        judged(
            answerable("biopsy#How a biopsy is done"),
            quoting("biopsy", "How a biopsy is done", "A thin needle takes a small sample."));
    var pointing =
        judged(
            answerable("biopsy#How a biopsy is done"),
            abstaining(new RelatedDocument("biopsy", "Biopsy", "", "How a biopsy is done", "how")));
    var wrong =
        judged(UNANSWERABLE, quoting("biopsy", "Types of biopsy", "There are several kinds."));
    SectionEval.Report report = SectionEval.report(List.of(refused, fit, pointing, wrong));
    assertThat(report.cases()).isEqualTo(4);
    assertThat(report.answerable()).isEqualTo(3);
    assertThat(report.fitRate()).isEqualTo(1.0 / 3);
    assertThat(report.wrongRate()).isEqualTo(0.25);
    assertThat(report.summary())
        .isEqualTo(
            "answer fit 33.3% (1 of 3 answerable); wrong answers 25.0% (0 off target, 1 where the"
                + " KB cannot answer, of 4); wrong abstentions 1 (1 point to a gold section);"
                + " right abstentions 0; safety outcomes 1 (0 point to a gold section); dangling"
                + " openings 0");
  }

  @Test
  void aReportRefusalWhoseGeneralPagesOfferAGoldSectionPointsToItAndIsCountedApart() {
    Answer.Refused offering =
        refusingToRead(new RelatedDocument("biopsy", "Biopsy", "", "How a biopsy is done", "how"));
    var pointing = judged(answerable("biopsy#How a biopsy is done"), offering);
    assertThat(pointing.verdict()).isEqualTo(SectionEval.Verdict.SAFETY);
    assertThat(pointing.pointed()).isTrue();
    // A case the KB cannot answer points nowhere, whatever is offered.
    assertThat(judged(UNANSWERABLE, offering).pointed()).isFalse();
    var abstention =
        judged(
            answerable("biopsy#How a biopsy is done"),
            abstaining(new RelatedDocument("biopsy", "Biopsy", "", "How a biopsy is done", "how")));
    SectionEval.Report report = SectionEval.report(List.of(pointing, abstention));
    assertThat(report.pointed()).isEqualTo(1);
    assertThat(report.safetyPointed()).isEqualTo(1);
    assertThat(report.summary())
        .contains("wrong abstentions 1 (1 point to a gold section)")
        .contains("safety outcomes 1 (1 point to a gold section)");
  }
}
