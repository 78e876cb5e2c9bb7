package org.metshub.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyllablesTest {
  @ParameterizedTest(name = "{0} has {1}")
  @CsvSource({
    "the, 1",
    "cancer, 2",
    "metastasis, 4",
    "table, 2",
    "treated, 2",
    "makes, 1",
    "changes, 2",
    "studies, 2",
    "care, 1",
    "chemotherapy, 5",
    "Doctor's, 2"
  })
  void englishWordsBySyllableRules(String word, int expected) {
    assertThat(Syllables.count(word, "en")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} has {1}")
  @CsvSource({
    "cáncer, 2",
    "metástasis, 4",
    "ciudad, 2",
    "país, 2",
    "oncología, 5",
    "quimioterapia, 5",
    "tratamiento, 4",
    "muy, 1",
    "hoy, 1",
    "y, 1",
    "leer, 2"
  })
  void spanishWordsByDiphthongAndHiatusRules(String word, int expected) {
    assertThat(Syllables.count(word, "es")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}'' has none")
  @CsvSource({"123", "'--'"})
  void tokensWithoutLettersHaveNoSyllables(String token) {
    assertThat(Syllables.count(token, "en")).isZero();
  }
}
