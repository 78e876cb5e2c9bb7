package org.metshub.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {
  @Test
  void splitsAtSentenceEnds() {
    assertThat(Sentences.split("Cancer can spread. It travels in blood! Does it? Yes."))
        .containsExactly("Cancer can spread.", "It travels in blood!", "Does it?", "Yes.");
  }

  @Test
  void keepsAbbreviationsDecimalsAndInitialsInside() {
    assertThat(Sentences.split(
        "Dr. Smith saw 2.5 cm lesions, e.g. in the U.S. trial. J. Doe agreed. Next one."))
        .containsExactly("Dr. Smith saw 2.5 cm lesions, e.g. in the U.S. trial.",
            "J. Doe agreed.", "Next one.");
  }

  @Test
  void listItemsAreSentencesOfTheirOwn() {
    assertThat(Sentences.split("Signs:\n- back pain\n- weakness in the legs"))
        .containsExactly("Signs:", "back pain", "weakness in the legs");
  }

  @Test
  void handlesSpanishOpeningMarks() {
    assertThat(Sentences.split("Es común. ¿Qué es la metástasis? ¡Pregunte!"))
        .containsExactly("Es común.", "¿Qué es la metástasis?", "¡Pregunte!");
  }

  @Test
  void lowerCaseAfterPeriodDoesNotSplit() {
    assertThat(Sentences.split("Approx. five of them.")).hasSize(1);
  }

  @Test
  void countsWords() {
    assertThat(Sentences.wordCount("Stage 4 (metastatic) cancer — it's")).isEqualTo(6);
    assertThat(Sentences.wordCount("")).isZero();
  }

  @Test
  void guessesLanguage() {
    assertThat(LanguageGuess.of("¿Qué es el cáncer de mama metastásico?")).isEqualTo("es");
    assertThat(LanguageGuess.of("cancer de mama en los huesos")).isEqualTo("es");
    assertThat(LanguageGuess.of("what is metastatic breast cancer")).isEqualTo("en");
    assertThat(LanguageGuess.of("metastasis")).isEqualTo("en");
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
