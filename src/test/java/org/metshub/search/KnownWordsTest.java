package org.metshub.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.metshub.json.Json;

class KnownWordsTest {
  final KnownWords bundled = KnownWords.bundled();

  @Test
  void anEnglishWordSpelledRightIsAnotherWordThanItsCorrection() {
    assertThat(bundled.otherWord("cried", "cured", "en")).isTrue();
    assertThat(bundled.otherWord("Cried", "cured", "en")).isTrue();
    // Typos are not words of the vocabulary.
    assertThat(bundled.otherWord("jaundise", "jaundice", "en")).isFalse();
    assertThat(bundled.otherWord("kidny", "kidney", "en")).isFalse();
  }

  @Test
  void aCorrectionThatOnlyAddsOrDropsAnEndingIsTheSameWord() {
    assertThat(bundled.otherWord("appointment", "appointments", "en")).isFalse();
    assertThat(bundled.otherWord("scans", "scan", "en")).isFalse();
  }

  @Test
  void aSpanishWordIsAnotherWordWhenTheGlossaryGivesItAnotherSense() {
    // "boda" is a wedding, "boca" a mouth.
    assertThat(bundled.otherWord("boda", "boca", "es")).isTrue();
    // The glossary holds misspellings patients type, glossed as their word: "ospicio" is
    // "hospicio".
    assertThat(bundled.otherWord("ospicio", "hospicio", "es")).isFalse();
    // A word the glossary does not know is no evidence.
    assertThat(bundled.otherWord("quimoterapia", "quimioterapia", "es")).isFalse();
  }

  @Test
  void shortWordsOtherLanguagesAndNonWordsAreNeverJudged() {
    // Words of three letters are where typos land on other words; the answer path decides those
    // itself. Four letters are judged: "boda" is no typo of "boca".
    assertThat(bundled.otherWord("bed", "bad", "en")).isFalse();
    assertThat(bundled.otherWord("pick", "pica", "en")).isTrue();
    assertThat(bundled.otherWord("cried", "cured", "fr")).isFalse();
    assertThat(bundled.otherWord("c4ried", "cured", "en")).isFalse();
    assertThat(bundled.otherWord("", "cured", "en")).isFalse();
  }

  @Test
  void theWholeWordsOfAWordPieceVocabularyAreItsEntriesOfLettersOnly() throws Exception {
    Set<String> words =
        KnownWords.wholeWords(
            Json.MAPPER.readTree(
                """
                {"model": {"vocab": {"[CLS]": 0, "##s": 1, "cried": 2, "2024": 3, "don't": 4,
                 "niño": 5}}}
                """));
    assertThat(words).containsExactlyInAnyOrder("cried", "niño");
    KnownWords own = new KnownWords(words);
    assertThat(own.otherWord("cried", "cured", "en")).isTrue();
    assertThat(own.otherWord("tried", "cured", "en")).isFalse();
  }

  @Test
  void aTokenizerFileWithoutAVocabularyIsRefused() {
    assertThatThrownBy(() -> KnownWords.wholeWords(Json.MAPPER.readTree("{\"model\": {}}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model.vocab");
    assertThatThrownBy(
            () -> KnownWords.wholeWords(Json.MAPPER.readTree("{\"model\": {\"vocab\": [1]}}")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
