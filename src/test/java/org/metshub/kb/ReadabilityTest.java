package org.metshub.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReadabilityTest {
  @Test
  void countsWordsSentencesAndSyllablesOfPlainEnglish() {
    Readability r = Readability.of("The cat sat on the mat. Cancer can spread!", "en");
    assertThat(r.words()).isEqualTo(9);
    assertThat(r.sentences()).isEqualTo(2);
    assertThat(r.syllables()).isEqualTo(10);
    assertThat(r.formula()).isEqualTo(Readability.FLESCH_KINCAID);
  }

  @Test
  void lineEndsEndSentencesAndDecimalPointsDoNot() {
    Readability r =
        Readability.of("- Pain in the back\n- A broken bone\nA dose of 1.5 mg is given.", "en");
    assertThat(r.sentences()).isEqualTo(3);
    assertThat(r.words()).isEqualTo(13); // "1.5" is a number, not a word
  }

  @Test
  void fleschKincaidGradeFollowsTheFormula() {
    // 0.39 * 20 words/sentence + 11.8 * 1.5 syllables/word - 15.59 = 9.91
    Readability r = new Readability("en", 100, 5, 150);
    assertThat(r.fleschKincaidGrade()).isCloseTo(9.91, within(1e-9));
    assertThat(r.grade()).isEqualTo(9.9);
  }

  @Test
  void spanishGradeComesFromFernandezHuertaAndSzigrisztPazosIsOffered() {
    // 206.84 - 60 * 2 - 1.02 * 20 = 66.44, in the 60-70 band (grades 7-8)
    Readability r = new Readability("es", 100, 5, 200);
    assertThat(r.formula()).isEqualTo(Readability.FERNANDEZ_HUERTA);
    assertThat(r.fernandezHuerta()).isCloseTo(66.44, within(1e-9));
    assertThat(r.grade()).isEqualTo(7.3);
    assertThat(r.szigrisztPazos()).isCloseTo(206.835 - 124.6 - 20, within(1e-9));
  }

  @Test
  void shortPlainSentencesScoreLowerThanLongTechnicalOnes() {
    String plain = "Cancer can spread. It may go to the bones. Ask your team what this means.";
    String dense =
        "Metastatic dissemination necessitates multidisciplinary therapeutic "
            + "individualization incorporating pharmacological, radiotherapeutic and surgical "
            + "interventions contingent upon histopathological characterization.";
    assertThat(Readability.of(plain, "en").grade()).isLessThan(5);
    assertThat(Readability.of(dense, "en").grade()).isGreaterThan(16);
    String facil = "El cáncer puede crecer. Puede ir al hueso. Hable con su equipo.";
    String dificil =
        "La diseminación metastásica requiere individualización terapéutica "
            + "multidisciplinaria considerando caracterización histopatológica exhaustiva.";
    assertThat(Readability.of(facil, "es").grade())
        .isLessThan(Readability.of(dificil, "es").grade());
    assertThat(Readability.of(facil, "es").grade()).isLessThanOrEqualTo(8);
  }

  @Test
  void textWithoutWordsHasGradeZero() {
    Readability r = Readability.of("123 456\n\n---", "en");
    assertThat(r.words()).isZero();
    assertThat(r.grade()).isZero();
  }

  @Test
  void gradesOfEaseBandsFollowFernandezHuertasTable() {
    assertThat(Readability.gradeFromEase(95)).isEqualTo(4);
    assertThat(Readability.gradeFromEase(65)).isEqualTo(7.5);
    assertThat(Readability.gradeFromEase(40)).isEqualTo(13.5);
    assertThat(Readability.gradeFromEase(-50)).isLessThanOrEqualTo(18);
    assertThat(Readability.gradeFromEase(130)).isGreaterThanOrEqualTo(1);
  }
}
