package org.metshub.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.metshub.error.MetsHubException.BadInput;

class IntentLexiconTest {
  final IntentLexicon lexicon = IntentLexicon.bundled();

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
      how is liver metastasis treated                        => treatment
      cómo tratan el cáncer de riñón que se ha extendido     => treatment
      what questions should I ask my oncologist about treatment => questions_to_ask
      where can I find support groups for metastatic breast cancer => finding_help
      how do I tell my kids I have stage 4 cancer            => practical
      how do I cope with the anxiety before my scans         => coping
      side affects of immunotherapy                          => side_effects
      is stage 4 cancer ever curable                         => outlook
      ¿el cáncer de mama metastásico tiene cura?             => outlook
      what are the signs that cancer has spread to the bones => symptoms
      what research is being done on metastasis              => research
      what does oligometastatic mean                         => definition
      cuidados paliativos                                    => general
      does immunotherapy work for metastatic melanoma        => treatment
      macmillan support line number                          => finding_help
      numbness in my feet after chemo                        => side_effects
      my hands feel numb                                     => side_effects
      what do the numbers on my scan report mean             => tests
      husband's kidney cancer spread, whats the first thing they try => treatment
      cancer de pancreas diseminado, como le alivian el dolor => treatment
      symptons of peritoneal mets                            => symptoms
      everything tastes like metal                           => side_effects
      does a cold cap work to keep my hair                   => side_effects
      is stage 4 cancer ever curible                         => outlook
      cancer de colon diseminado, como es vivir con eso      => outlook
      her breast cancer came back after 12 years how is that possible => causes
      how do they check if its in the bones                  => tests
      como aguanto cuidando a mi mama                        => coping
      tengo cancer de mama metastasico y me siento sola      => coping
      will medicare pay for a pet scan                       => practical
      kidney cancer support uk                               => finding_help
      apoyo cancer de ovario en mexico                       => finding_help
      how do I support my husband when he is scared          => coping
      prostate cancer nurse phone line in australia          => finding_help
      online community to talk with others who have cancer   => finding_help
      groups for people with metastatic breast cancer        => finding_help
      """)
  void recognisesWhatAQuestionAsksFor(String question, String intent) {
    assertThat(lexicon.of(question).id()).isEqualTo(intent);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
      treatment    => How it is treated
      treatment    => Tratamientos principales
      symptoms     => Symptoms
      coping       => Ideas for coping before and during the scan
      finding_help => What they offer
      definition   => What "metastatic" means
      definition   => Qué quiere decir "metastásico"
      """)
  void headingsThatAnswerAnIntentFitIt(String intent, String heading) {
    assertThat(lexicon.headingFits(Intent.fromId(intent).orElseThrow(), heading)).isTrue();
  }

  @Test
  void aHeadingOfAnotherIntentDoesNotFit() {
    assertThat(lexicon.headingFits(Intent.TREATMENT, "What it is")).isFalse();
    assertThat(lexicon.fittingIntents("What it is")).containsExactly(Intent.DEFINITION);
    // "what * means" is one word between: a heading that only starts with "what" and ends with
    // "means" says something else.
    assertThat(lexicon.headingFits(Intent.DEFINITION, "What the new approval means")).isFalse();
  }

  @Test
  void otherwisePhrasesCountOnlyWhenNoQuestionPhraseMatches() {
    IntentLexicon l =
        IntentLexicon.read(
            "t.yaml",
            lexiconWith(
                "finding_help", "{question: [helpline], otherwise: [support], headings: [x]}"));
    assertThat(l.of("kidney support")).isEqualTo(Intent.FINDING_HELP);
    // "sad" is a coping question phrase, tried before any otherwise phrase, though coping comes
    // after finding_help in the file.
    assertThat(l.of("support when sad")).isEqualTo(Intent.COPING);
    assertThat(l.of("kidney cancer")).isEqualTo(Intent.GENERAL);
    BadInput empty =
        assertThrows(
            BadInput.class,
            () ->
                IntentLexicon.read(
                    "t.yaml",
                    lexiconWith(
                        "finding_help", "{question: [helpline], otherwise: [], headings: [x]}")));
    assertThat(empty.getMessage())
        .isEqualTo(
            "t.yaml: intents.finding_help.otherwise: is required and "
                + "must be a non-empty list of phrases");
  }

  /**
   * A lexicon of every intent, each with one phrase of its own, and {@code entry} for {@code id}.
   */
  private static String lexiconWith(String id, String entry) {
    StringBuilder y = new StringBuilder("intents:\n");
    for (Intent i : Intent.values()) {
      if (i == Intent.GENERAL) {
        continue;
      }
      String own = i == Intent.COPING ? "sad" : "w" + i.ordinal();
      y.append("  ")
          .append(i.id())
          .append(": ")
          .append(i.id().equals(id) ? entry : "{question: [" + own + "], headings: [" + own + "]}")
          .append('\n');
    }
    return y.toString();
  }

  @Test
  void aBadFileIsNamedWithTheIntentAndTheRule() {
    BadInput unknown =
        assertThrows(
            BadInput.class,
            () ->
                IntentLexicon.read(
                    "t.yaml", "intents:\n  feelings: {question: [sad], headings: [coping]}\n"));
    assertThat(unknown.getMessage()).startsWith("t.yaml: intents.feelings: unknown intent");
    BadInput empty =
        assertThrows(
            BadInput.class,
            () ->
                IntentLexicon.read(
                    "t.yaml", "intents:\n  coping: {question: [], headings: [coping]}\n"));
    assertThat(empty.getMessage())
        .isEqualTo(
            "t.yaml: intents.coping.question: is required and "
                + "must be a non-empty list of phrases");
    BadInput missing =
        assertThrows(
            BadInput.class,
            () ->
                IntentLexicon.read(
                    "t.yaml", "intents:\n  coping: {question: [sad], headings: [coping]}\n"));
    assertThat(missing.getMessage()).endsWith(": is missing");
  }
}
