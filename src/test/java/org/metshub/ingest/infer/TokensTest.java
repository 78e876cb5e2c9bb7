package org.metshub.ingest.infer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokensTest {
  @Test
  void wordsAreLowerCasedAndPunctuationBecomesMarks() {
    Tokens t = Tokens.of("Breast cancer, not lung. It doesn't spread; see: Women's health");
    assertThat(t.list())
        .containsExactly(
            "breast", "cancer", ",", "not", "lung", ".", "it", "doesn't", "spread", ",", "see", ",",
            "women", "health");
    assertThat(t.words()).isEqualTo(10);
  }

  @Test
  void hyphensSplitWordsAndDecimalNumbersStayWhole() {
    assertThat(Tokens.of("non-small cell 1.5 mg").list())
        .containsExactly("non", "small", "cell", "1.5", "mg");
  }

  @Test
  void blankLinesAndListItemsEndSentencesButWrappedLinesDoNot() {
    assertThat(Tokens.of("spread to\nthe liver\n\nNew part\n- item one\n- item two").list())
        .containsExactly(
            "spread", "to", "the", "liver", ".", "new", "part", ".", "item", "one", ".", "item",
            "two");
  }

  @Test
  void spanishMarksEndSentences() {
    assertThat(Tokens.of("¿Qué es el cáncer? ¡Pregunte!").list())
        .containsExactly("qué", "es", "el", "cáncer", ".", "pregunte", ".");
  }
}
