package org.metshub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrganizationTest {
  static Organization org(String name, String audience, List<String> services, String summaryEs) {
    return new Organization(
        name.toLowerCase(java.util.Locale.ROOT),
        name,
        "https://x.org",
        "An English summary.",
        List.of("US"),
        List.of("breast"),
        services,
        List.of("en"),
        "1-800-227-2345",
        "en",
        summaryEs,
        audience);
  }

  @Test
  void patientSupportComesBeforeResearchSocietiesWhateverTheirNames() {
    Directory d =
        new Directory(
            List.of(
                org("AACR", "researcher", List.of("research_community"), ""),
                org("Zeta Friends", "patient", List.of("education"), ""),
                org("Beta Helpline", "patient", List.of("helpline"), "")));
    assertThat(
            d.filter(Optional.empty(), Optional.of("breast"), Optional.empty(), Optional.empty()))
        .extracting(Organization::name)
        .containsExactly("Beta Helpline", "Zeta Friends", "AACR");
  }

  @Test
  void withoutAnAudienceTheServicesDecide() {
    assertThat(org("A", "", List.of("helpline"), "").supportsPatients()).isTrue();
    assertThat(org("B", "", List.of("research_funding"), "").supportsPatients()).isFalse();
    assertThat(org("C", "clinician", List.of("helpline"), "").supportsPatients()).isFalse();
  }

  @Test
  void theSpanishSummaryIsShownToSpanishReadersAndTheEnglishOneIsMarked() {
    Organization both = org("A", "patient", List.of(), "Un resumen.");
    assertThat(both.summary("es")).isEqualTo("Un resumen.");
    assertThat(both.summaryUntranslated("es")).isFalse();
    Organization english = org("B", "patient", List.of(), "");
    assertThat(english.summary("es")).isEqualTo("An English summary.");
    assertThat(english.summaryUntranslated("es")).isTrue();
    assertThat(english.summaryUntranslated("en")).isFalse();
  }

  @Test
  void phonesBecomeTelAddressesAndNamesComeInTheReadersLanguage() {
    assertThat(org("A", "", List.of(), "").tel()).isEqualTo("tel:18002272345");
    assertThat(Organization.tel("+44 (0)808 808 00 00")).isEqualTo("tel:+4408088080000");
    assertThat(DisplayNames.country("GB", "en")).isEqualTo("United Kingdom");
    assertThat(DisplayNames.country("GB", "es")).isEqualTo("Reino Unido");
    assertThat(DisplayNames.country("INT", "es")).isEqualTo("Todo el mundo");
    assertThat(DisplayNames.language("fr", "en")).isEqualTo("French");
    assertThat(DisplayNames.language("zh", "es")).isEqualTo("Chino");
  }
}
