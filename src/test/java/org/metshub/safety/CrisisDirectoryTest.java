package org.metshub.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.metshub.error.MetsHubException.BadInput;

class CrisisDirectoryTest {
  private static final Set<String> LANGUAGES = Set.of("en", "es");
  private final CrisisDirectory bundled = CrisisDirectory.bundled(LANGUAGES);

  private static final String VALID =
      """
      default:
        emergencyText: {en: your local emergency number, es: su número de emergencias}
        emergency:
          - number: "112"
            where: {en: Europe, es: Europa}
        countries: [GB]
        byLanguage:
          es: [ES]
        sms:
          keyword: {en: "Text {keyword} to {number}", es: "Envíe {keyword} al {number}"}
          plain: {en: "Text {number}", es: "Envíe un mensaje al {number}"}
        lines:
          - name: Find A Helpline
            url: https://findahelpline.com
            source: https://findahelpline.com
      countries:
        GB:
          names: [the uk, united kingdom]
          emergency: ["999", "112"]
          emergencySource: https://www.nhs.uk
          lines:
            - name: Samaritans
              phone: "116 123"
              hours: {en: Any time, es: A cualquier hora}
              languages: [en]
              url: https://www.samaritans.org
              source: https://www.samaritans.org
            - name: Shout
              sms: {number: "85258", keyword: SHOUT}
              url: https://giveusashout.org
              source: https://giveusashout.org
        ES:
          names: [spain, espana]
          emergency: ["112"]
          emergencySource: https://www.112.es
          lines:
            - name: "024"
              phone: "024"
              url: https://www.sanidad.gob.es
              source: https://www.sanidad.gob.es
      """;

  private static List<String> phones(List<CrisisLine> lines) {
    return lines.stream().map(l -> l.phone().or(l::text).orElse(l.url())).toList();
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
      US => 988          => 911
      CA => 9-8-8        => 911
      GB => 116 123      => 999
      IE => 116 123      => 112
      AU => 13 11 14     => 000
      NZ => 1737         => 111
      ES => 024          => 112
      MX => 800 911 2000 => 911
      AR => 135          => 107
      CO => 106          => 123
      IN => 14416        => 112
      JP => 0120-279-338 => 119
      CN => 12356        => 120
      FR => 3114         => 112
      """)
  void listsTheCrisisLineAndEmergencyNumberOfEachCountry(String code, String phone, String sos) {
    List<CrisisLine> lines = bundled.lines(Optional.of(code), "en");
    assertThat(phones(lines)).contains(phone);
    assertThat(lines).allMatch(l -> l.country().equals(code) || l.country().equals("INT"));
    assertThat(bundled.emergencyNumbers(Optional.of(code), "en"))
        .extracting(EmergencyNumber::number)
        .contains(sos);
    assertThat(bundled.emergencyText(Optional.of(code), "en")).contains(sos);
  }

  @Test
  void everyListedCountryOfTheOrganisationDirectoryHasACallableLine() {
    for (String code :
        List.of("US", "CA", "GB", "AU", "ES", "CN", "JP", "MX", "AR", "CO", "IE", "NZ", "IN")) {
      assertThat(bundled.lines(Optional.of(code), "en"))
          .as(code)
          .anyMatch(l -> l.country().equals(code) && l.callable());
    }
  }

  @Test
  void withoutACountryTheDefaultSetHoldsTheUsUkAndSpanishLinesThenTheDirectory() {
    List<CrisisLine> lines = bundled.lines(Optional.empty(), "en");
    assertThat(phones(lines)).startsWith("988", "116 123", "024");
    assertThat(lines).last().extracting(CrisisLine::url).isEqualTo("https://findahelpline.com");
    assertThat(bundled.emergencyNumbers(Optional.empty(), "en"))
        .extracting(EmergencyNumber::number)
        .containsExactly("911", "999", "112");
    assertThat(bundled.emergencyText(Optional.empty(), "en")).contains("local emergency number");
  }

  @Test
  void spanishReadersWithoutACountryGetSpanishSpeakingLines() {
    assertThat(phones(bundled.lines(Optional.empty(), "es")))
        .startsWith("024", "800 911 2000", "988");
  }

  @Test
  void aCountryWithoutLinesOfItsOwnGetsTheLinesForTheLanguage() {
    // Listed nowhere: Brazil. Its readers still get a line to call and the directory.
    assertThat(bundled.lines(Optional.of("BR"), "en")).anyMatch(CrisisLine::callable);
    assertThat(bundled.emergencyNumbers(Optional.of("BR"), "en")).isNotEmpty();
  }

  @Test
  void textsAreInTheReadersLanguage() {
    CrisisLine us = bundled.lines(Optional.of("US"), "es").getFirst();
    assertThat(us.note()).hasValueSatisfying(n -> assertThat(n).contains("español"));
    assertThat(us.hours()).contains("Las 24 horas, todos los días");
    assertThat(bundled.emergencyText(Optional.of("AR"), "es")).isEqualTo("107 o 911");
    assertThat(bundled.emergencyNumbers(Optional.of("GB"), "es"))
        .extracting(EmergencyNumber::where)
        .containsOnly("Reino Unido");
  }

  @Test
  void phonesBecomeTelLinksOfTheirDigits() {
    CrisisLine samaritans = bundled.lines(Optional.of("GB"), "en").getFirst();
    assertThat(samaritans.tel()).contains("tel:116123");
    assertThat(new EmergencyNumber("+44 20 7946 0000", "x").tel()).isEqualTo("tel:+442079460000");
    assertThat(bundled.lines(Optional.of("GB"), "en"))
        .filteredOn(l -> l.name().equals("Shout"))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.tel()).isEmpty();
              assertThat(l.text()).contains("Text SHOUT to 85258");
            });
  }

  @Test
  void everyLineNamesItsSourceOverHttps() {
    for (CrisisDirectory.Country c : bundled.countries()) {
      for (CrisisDirectory.Line l : c.lines()) {
        assertThat(l.source()).as(c.code()).startsWith("https://");
      }
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
      gb          => GB
      ' UK '      => GB
      México      => MX
      usa         => US
      JP          => JP
      br          => BR
      """)
  void resolvesCodesAndNamesGivenByCallers(String raw, String code) {
    assertThat(bundled.resolve(raw)).contains(code);
  }

  @ParameterizedTest
  @ValueSource(strings = {"zz1", "", "419", "Ñu"})
  void somethingThatIsNeitherACodeNorANameResolvesToNothing(String raw) {
    assertThat(bundled.resolve(raw)).isEmpty();
  }

  @Test
  void readsAValidFile() {
    CrisisDirectory d = CrisisDirectory.read("crisis-test.yaml", VALID, LANGUAGES);
    assertThat(d.lines(Optional.of("GB"), "es"))
        .extracting(CrisisLine::name)
        .containsExactly("Samaritans", "Shout", "Find A Helpline");
    assertThat(d.lines(Optional.of("GB"), "es").get(1).text()).contains("Envíe SHOUT al 85258");
    assertThat(d.lines(Optional.empty(), "es"))
        .extracting(CrisisLine::name)
        .containsExactly("024", "Find A Helpline");
    assertThat(d.emergencyText(Optional.of("GB"), "es")).isEqualTo("999 o 112");
  }

  @Test
  void aMissingDefaultIsNamed() {
    BadInput e =
        assertThrows(
            BadInput.class,
            () ->
                CrisisDirectory.read(
                    "crisis-test.yaml", VALID.replace("default:", "fallback:"), LANGUAGES));
    assertThat(e.getMessage()).startsWith("crisis-test.yaml: file: unknown key");
  }

  @Test
  void aLineWithoutHttpsIsRefused() {
    BadInput e =
        assertThrows(
            BadInput.class,
            () ->
                CrisisDirectory.read(
                    "crisis-test.yaml",
                    VALID.replace("url: https://www.samaritans", "url: http://www." + "samaritans"),
                    LANGUAGES));
    assertThat(e.getMessage())
        .isEqualTo(
            "crisis-test.yaml: countries.GB.lines[0].url: must be"
                + " an https:// address, got 'http://www.samaritans.org'");
  }

  @Test
  void aCountryLineWithNeitherPhoneNorTextIsRefused() {
    BadInput e =
        assertThrows(
            BadInput.class,
            () ->
                CrisisDirectory.read(
                    "crisis-test.yaml",
                    VALID.replace("        phone: \"116 123\"\n", ""),
                    LANGUAGES));
    assertThat(e.getMessage())
        .isEqualTo(
            "crisis-test.yaml: countries.GB.lines[0]: needs a "
                + "phone number or a text number, got 'Samaritans'");
  }

  @Test
  void aPhoneThatIsNotANumberIsRefused() {
    BadInput e =
        assertThrows(
            BadInput.class,
            () ->
                CrisisDirectory.read(
                    "crisis-test.yaml",
                    VALID.replace("phone: \"116 123\"", "phone: \"call us\""),
                    LANGUAGES));
    assertThat(e.getMessage())
        .isEqualTo(
            "crisis-test.yaml: countries.GB.lines[0].phone: must "
                + "be a number as written, such as \"116 123\", got 'call us'");
  }

  @Test
  void hoursMissingALanguageAreRefused() {
    BadInput e =
        assertThrows(
            BadInput.class,
            () ->
                CrisisDirectory.read(
                    "crisis-test.yaml", VALID.replace(", es: A cualquier hora", ""), LANGUAGES));
    assertThat(e.getMessage())
        .isEqualTo(
            "crisis-test.yaml: countries.GB.lines[0].hours.es: "
                + "is required and must be a non-empty text (quote words such as \"no\" that YAML "
                + "reads as true/false)");
  }

  @Test
  void aDefaultSetNamingACountryWithoutLinesIsRefused() {
    BadInput e =
        assertThrows(
            BadInput.class,
            () ->
                CrisisDirectory.read(
                    "crisis-test.yaml",
                    VALID.replace("countries: [GB]", "countries: [FR]"),
                    LANGUAGES));
    assertThat(e.getMessage())
        .isEqualTo(
            "crisis-test.yaml: default.countries: must name "
                + "countries listed with lines, got 'FR'");
  }

  @Test
  void countryCodesMustBeIsoAlpha2() {
    BadInput e =
        assertThrows(
            BadInput.class,
            () ->
                CrisisDirectory.read(
                    "crisis-test.yaml", VALID.replace("  GB:", "  UK1:"), LANGUAGES));
    assertThat(e.getMessage())
        .isEqualTo(
            "crisis-test.yaml: countries: keys must be ISO 3166-1 "
                + "alpha-2 codes such as GB, got 'UK1'");
  }
}
