package org.metshub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTextTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Posted: May 6, 2025 | 2025-05-06",
        "Published: 2025-11-20 | 2025-11-20",
        "Sept. 26, 2024 | 2024-09-26",
        "14 January 2026 | 2026-01-14",
        "6 de mayo de 2025 | 2025-05-06",
        "Publicado: 2 de junio de 2025 | 2025-06-02"
      })
  void dateLinesInUsualFormsAreRead(String line, String expected) {
    assertThat(DateText.isDateLine(line)).isTrue();
    assertThat(DateText.find(line)).contains(LocalDate.parse(expected));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "05/06/2025",
        "February 30, 2025",
        "Posted yesterday",
        "A study from May 6, 2025 found that bones heal"
      })
  void ambiguousImpossibleOrEmbeddedDatesAreNoDateLines(String line) {
    assertThat(DateText.isDateLine(line)).isFalse();
  }
}
