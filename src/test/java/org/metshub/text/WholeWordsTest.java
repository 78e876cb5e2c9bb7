package org.metshub.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WholeWordsTest {
  @Test
  void wordsAtTheStartTheEndAndBetweenPunctuationAreReplaced() {
    assertThat(WholeWords.replace("livr", "livr", "liver")).isEqualTo("liver");
    assertThat(WholeWords.replace("livr pain, livr", "livr", "liver"))
        .isEqualTo("liver pain, liver");
    assertThat(WholeWords.replace("(livr)-mets", "livr", "liver")).isEqualTo("(liver)-mets");
  }

  @Test
  void aWordInsideALongerWordOrNextToADigitIsLeft() {
    assertThat(WholeWords.replace("live liver alive", "live", "X")).isEqualTo("X liver alive");
    assertThat(WholeWords.replace("stage4 4stage stage", "stage", "X"))
        .isEqualTo("stage4 4stage X");
    assertThat(WholeWords.replace("dolor dolorosa", "dolor", "X")).isEqualTo("X dolorosa");
    assertThat(WholeWords.replace("huésped hué", "hué", "X")).isEqualTo("huésped X");
  }

  @Test
  void anyCaseMatchesInAnyScriptAndTheReplacementIsTakenAsWritten() {
    assertThat(WholeWords.replace("Livr LIVR", "livr", "liver")).isEqualTo("liver liver");
    assertThat(WholeWords.replace("ÓSEO óseo", "óseo", "hueso")).isEqualTo("hueso hueso");
    assertThat(WholeWords.replace("pain", "pain", "$1 \\ cost")).isEqualTo("$1 \\ cost");
  }

  @Test
  void aWordWithRegexCharactersIsTakenLiterally() {
    assertThat(WholeWords.replace("c++ or cxx", "c++", "cpp")).isEqualTo("cpp or cxx");
    assertThat(WholeWords.replace("a.b axb", "a.b", "Y")).isEqualTo("Y axb");
  }

  @Test
  void nullTextIsEmptyAndAnEmptyWordIsRefused() {
    assertThat(WholeWords.replace(null, "livr", "liver")).isEmpty();
    assertThat(WholeWords.replace("", "livr", "liver")).isEmpty();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WholeWords.replace("pain", "", "x"));
    assertThat(e.getMessage()).contains("must not be empty");
  }
}
