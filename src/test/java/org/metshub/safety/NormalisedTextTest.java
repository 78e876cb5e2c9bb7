package org.metshub.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalisedTextTest {
  @Test
  void lowerCasesStripsAccentsAndDropsApostrophes() {
    assertThat(NormalisedText.of("¿Qué SÍNTOMAS tiene? I don’t know, I can't").text())
        .isEqualTo("que sintomas tiene . i dont know . i cant");
  }

  @Test
  void keepsEnyeAsNAndUmlautAsPlainVowel() {
    assertThat(NormalisedText.of("Migraña, pingüino").text()).isEqualTo("migrana . pinguino");
  }

  @Test
  void splitsDecimalsIntoTwoNumbersInsteadOfAClauseBreak() {
    assertThat(NormalisedText.of("a temp of 38.5 or 38,5").text())
        .isEqualTo("a temp of 38 5 or 38 5");
  }

  @Test
  void collapsesPunctuationIntoSingleBreaksNeverAtTheEnds() {
    NormalisedText t = NormalisedText.of("  ...Hello,,  world!!  x-ray/scan?? ");
    assertThat(t.text()).isEqualTo("hello . world . x ray scan");
    assertThat(t.clause(0)).isZero();
    assertThat(t.clause(2)).isEqualTo(1);
  }

  @Test
  void emptyAndPunctuationOnlyMessagesHaveNoTokens() {
    assertThat(NormalisedText.of("").size()).isZero();
    assertThat(NormalisedText.of(" ?! ... ").size()).isZero();
  }

  @Test
  void spanCoversTheTokensOfACharacterRange() {
    NormalisedText t = NormalisedText.of("my mom has a fever");
    Span s = t.span(t.text().indexOf("has"), t.text().length());
    assertThat(s).isEqualTo(new Span(2, 5, "has a fever"));
  }
}
