package org.metshub.ingest.infer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {
  private final LanguageDetector detector = new LanguageDetector();

  @Test
  void englishAndSpanishAreToldApartByFunctionWords() {
    LanguageDetector.Guess en = detector.detect("The cancer has spread to the bones and it can"
        + " be treated with radiation.");
    assertThat(en.language()).isEqualTo("en");
    assertThat(en.decided()).isTrue();
    LanguageDetector.Guess es = detector.detect("El cáncer se ha diseminado a los huesos y se"
        + " puede tratar con radiación.");
    assertThat(es.language()).isEqualTo("es");
    assertThat(es.confidence()).isGreaterThan(0.8);
  }

  @Test
  void tooLittleTextIsUndecidedAndAssumedEnglish() {
    LanguageDetector.Guess g = detector.detect("Metástasis");
    assertThat(g.decided()).isFalse();
    assertThat(g.language()).isEqualTo("en");
  }
}
