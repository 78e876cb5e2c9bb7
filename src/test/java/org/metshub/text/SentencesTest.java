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
    assertThat(
            Sentences.split(
                "Dr. Smith saw 2.5 cm lesions, e.g. in the U.S. trial. J. Doe agreed. Next one."))
        .containsExactly(
            "Dr. Smith saw 2.5 cm lesions, e.g. in the U.S. trial.", "J. Doe agreed.", "Next one.");
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
}
