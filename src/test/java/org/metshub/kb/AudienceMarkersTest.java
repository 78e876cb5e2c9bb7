package org.metshub.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AudienceMarkersTest {
  @Test
  void hpInFileNameOrUrlMarksHealthProfessionalContent() {
    assertThat(AudienceMarkers.professional("types-anal-hp.md", "", "Anal Cancer", List.of()))
        .hasValueSatisfying(r -> assertThat(r).contains("file name"));
    assertThat(
            AudienceMarkers.professional(
                "x.md", "https://www.cancer.gov/types/anal/hp", "T", List.of()))
        .hasValueSatisfying(r -> assertThat(r).contains("URL"));
  }

  @Test
  void titlesAndHeadingsSayWhoTheyAreForInEnglishAndSpanish() {
    assertThat(
            AudienceMarkers.professional(
                "", "", "Colon Cancer—Health Professional Version", List.of()))
        .isPresent();
    assertThat(
            AudienceMarkers.professional(
                "", "", "Cáncer de colon", List.of("Versión para profesionales de salud")))
        .isPresent();
    assertThat(AudienceMarkers.patientVersion("Colon Cancer Treatment—Patient Version")).isTrue();
  }

  @Test
  void wordsThatOnlyContainHpAreNoMarker() {
    assertThat(
            AudienceMarkers.professional(
                "chpater-help.md", "https://example.org/hpv", "HPV", List.of("Shipping")))
        .isEmpty();
  }
}
