package org.metshub.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageGuessTest {
  /** Errors {@code LanguageBench} measured on the 200 labelled short queries (2026-12-05). */
  private static final int MEASURED_ERRORS = 9;

  @Test
  void theLabelledShortQueriesMakeNoMoreErrorsThanMeasured() throws Exception {
    List<LanguageBench.Labelled> queries = LanguageBench.shortQueries();
    assertThat(queries).hasSize(200);
    List<LanguageBench.Labelled> wrong =
        queries.stream().filter(q -> !LanguageGuess.of(q.text()).equals(q.language())).toList();
    assertThat(wrong).as("queries told wrong").hasSizeLessThanOrEqualTo(MEASURED_ERRORS);
  }

  @Test
  void theIssueExamples() {
    assertThat(LanguageGuess.of("cuidados paliativos")).isEqualTo("es");
    assertThat(LanguageGuess.of("dolor de huesos")).isEqualTo("es");
    assertThat(LanguageGuess.of("que es la metastasis")).isEqualTo("es");
    assertThat(LanguageGuess.of("quimio")).isEqualTo("es");
    assertThat(LanguageGuess.of("chemo brain")).isEqualTo("en");
    assertThat(LanguageGuess.of("stage 4")).isEqualTo("en");
  }

  @Test
  void wordsWithoutCommonWordsAreLeftToLingua() {
    assertThat(LanguageGuess.evidence("quimioterapia").english()).isZero();
    assertThat(LanguageGuess.evidence("radioterapia").spanish()).isZero();
    assertThat(LanguageGuess.of("fertilidad", "en")).isEqualTo("es");
    assertThat(LanguageGuess.of("hospice", "es")).isEqualTo("en");
    // Lingua reads "bone" as Spanish, but not clearly enough to override the fallback
    assertThat(LanguageGuess.of("bone")).isEqualTo("en");
    assertThat(LanguageGuess.of("jaundice")).isEqualTo("en");
  }

  @Test
  void textWithoutLettersTakesTheFallback() {
    assertThat(LanguageGuess.of("", "es")).isEqualTo("es");
    assertThat(LanguageGuess.of("   ", "es")).isEqualTo("es");
    assertThat(LanguageGuess.of("39.5 120/80", "es")).isEqualTo("es");
    assertThat(LanguageGuess.of("🙂🙏", "es")).isEqualTo("es");
    assertThat(LanguageGuess.of("🙂🙏")).isEqualTo("en");
    assertThat(LanguageGuess.evidence("").decided()).isFalse();
  }

  @Test
  void accentsAndApostrophesCountWithOrWithout() {
    assertThat(LanguageGuess.evidence("¿cuánto tiempo?").spanish())
        .isGreaterThan(LanguageGuess.evidence("cuanto tiempo").spanish());
    assertThat(LanguageGuess.evidence("I'm scared").english()).isEqualTo(1);
    assertThat(LanguageGuess.evidence("im scared").english()).isEqualTo(1);
  }

  @Test
  void longTextsAreDecidedByTheirCommonWords() {
    String en = "The cancer has spread to the bones and it can be treated with radiation. ";
    String es = "El cáncer se ha diseminado a los huesos y se puede tratar con radiación. ";
    LanguageGuess.Evidence e = LanguageGuess.evidence(en.repeat(2_000));
    assertThat(e.decided()).isTrue();
    assertThat(e.language("es")).isEqualTo("en");
    assertThat(e.confidence()).isGreaterThan(0.9);
    assertThat(LanguageGuess.of(es.repeat(2_000))).isEqualTo("es");
    assertThat(LanguageGuess.of(en.repeat(20) + es)).isEqualTo("en");
  }

  @Test
  void wordsBothLanguagesUseCountForNeither() {
    LanguageGuess.Evidence e = LanguageGuess.evidence("cancer a he");
    assertThat(e.english()).isZero();
    assertThat(e.spanish()).isZero();
    assertThat(e.confidence()).isEqualTo(0.5);
  }

  @Test
  void guessesLanguage() {
    assertThat(LanguageGuess.of("¿Qué es el cáncer de mama metastásico?")).isEqualTo("es");
    assertThat(LanguageGuess.of("cancer de mama en los huesos")).isEqualTo("es");
    assertThat(LanguageGuess.of("what is metastatic breast cancer")).isEqualTo("en");
    // a word both languages spell alike is left to the fallback
    assertThat(LanguageGuess.of("melanoma")).isEqualTo("en");
    assertThat(LanguageGuess.of("tumor", "es")).isEqualTo("es");
  }

  @Test
  void guessesShortSpanishWithoutAccentsOrFunctionWords() {
    // Queries the answers eval found read as English: plural endings, unaccented questions.
    assertThat(LanguageGuess.of("cuidados paliativos")).isEqualTo("es");
    assertThat(LanguageGuess.of("q significa estadio 4")).isEqualTo("es");
    assertThat(LanguageGuess.of("cuanto cuesta entrar a un ensayo clinico")).isEqualTo("es");
    assertThat(LanguageGuess.of("tratamientos combinados")).isEqualTo("es");
    // "me" is English too: alone it tells nothing
    assertThat(LanguageGuess.of("mesothelioma lawyer near me")).isEqualTo("en");
    assertThat(LanguageGuess.of("me duele la espalda")).isEqualTo("es");
    // English plurals and words that merely contain the endings stay English
    assertThat(LanguageGuess.of("scans and side effects of targeted drugs")).isEqualTo("en");
    assertThat(LanguageGuess.of("chemo brain")).isEqualTo("en");
    assertThat(LanguageGuess.of("dolor de huesos")).isEqualTo("es");
  }
}
