package org.metshub.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metshub.testing.Fixtures.validDoc;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metshub.testing.Fixtures;

/** The questions a section answers, read from the front matter, and each way they can be wrong. */
class SectionQuestionsTest {
  private static final String BODY =
      """
      # Bone

      Cancer can spread to the bones.

      ## Symptoms

      Pain is the most common sign.

      ## How it is treated

      Radiation and bone drugs.

      ## Sources

      - A source.
      """;

  private static KbFile parse(String questions) {
    return Fixtures.parse("bone.md", validDoc(questions, BODY));
  }

  private static Section section(KbFile f, String title) {
    return ((KbDocument) f)
        .sections().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
  }

  @Test
  void eachHeadingGetsItsQuestionsAndTheOthersNone() {
    KbFile f =
        parse(
            """
            questions:
              'Symptoms':
              - 'what does bone mets pain feel like'
              - 'signs cancer spread to my bones'
              How it is treated: 'how do they treat bone mets'
            """);
    assertThat(f.problems()).isEmpty();
    assertThat(section(f, "Symptoms").questions())
        .containsExactly("what does bone mets pain feel like", "signs cancer spread to my bones");
    assertThat(section(f, "How it is treated").questions())
        .containsExactly("how do they treat bone mets");
    assertThat(section(f, "Sources").questions()).isEmpty();
  }

  @Test
  void aDocumentWithoutTheFieldHasSectionsWithoutQuestions() {
    KbFile f = parse("");
    assertThat(f.problems()).isEmpty();
    assertThat(((KbDocument) f).sections()).allMatch(s -> s.questions().isEmpty());
  }

  @Test
  void aKeyThatNamesNoHeadingIsAnErrorAndTheRestIsKept() {
    KbFile f =
        parse(
            """
            questions:
              'Symptom':
              - 'signs of bone mets'
              'Symptoms':
              - 'bone pain'
            """);
    assertThat(f.problems())
        .extracting(Problem::field, Problem::severity, Problem::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("questions.Symptom", Severity.ERROR, "Symptom"));
    assertThat(f.problems().getFirst().rule()).isEqualTo("must name a heading of this document");
    assertThat(section(f, "Symptoms").questions()).containsExactly("bone pain");
  }

  @Test
  void aListThatIsEmptyOrHoldsAnythingButQuestionsIsAnError() {
    assertThat(parse("questions:\n  'Symptoms': []\n").problems())
        .extracting(Problem::rule)
        .containsExactly("must be a list of questions");
    assertThat(parse("questions:\n  'Symptoms':\n  - ''\n").problems())
        .extracting(Problem::rule)
        .containsExactly("must be a list of questions");
    assertThat(parse("questions:\n  'Symptoms':\n  - a: b\n").problems())
        .extracting(Problem::rule)
        .containsExactly("must be a list of questions");
  }

  @Test
  void theFieldMustBeAMapping() {
    KbFile f = parse("questions:\n- 'what are bone mets'\n");
    assertThat(f.problems())
        .extracting(Problem::field, Problem::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "questions", "must map each section heading to the questions it answers"));
    assertThat(((KbDocument) f).sections()).allMatch(s -> s.questions().isEmpty());
  }

  @Test
  void aQuestionLongerThanTheLimitIsAnError() {
    String longOne = "why ".repeat(SectionQuestions.MAX_LENGTH / 4 + 1).strip();
    KbFile f = parse("questions:\n  'Symptoms':\n  - '" + longOne + "'\n");
    assertThat(f.problems())
        .extracting(Problem::rule)
        .containsExactly(
            "each question must be at most " + SectionQuestions.MAX_LENGTH + " characters");
    assertThat(section(f, "Symptoms").questions()).isEmpty();
  }

  @Test
  void theValidatorReportsTheProblemsWithTheFieldsLine() {
    var report =
        new Validator(Vocabularies.bundled(), Fixtures.schedule())
            .validate(List.of(parse("questions:\n  'Nope':\n  - 'x'\n")))
            .getFirst();
    assertThat(report.problems()).hasSize(1);
    assertThat(report.problems().getFirst().line()).isEqualTo(16);
  }

  @Test
  void theFieldIsKeptWhenTheFrontMatterIsWrittenBack() {
    KbDocument d = (KbDocument) parse("questions:\n  'Symptoms':\n  - 'signs of bone mets'\n");
    assertThat(d.frontMatter().extra()).containsKey(SectionQuestions.FIELD);
  }
}
