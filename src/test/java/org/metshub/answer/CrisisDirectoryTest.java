package org.metshub.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.metshub.kb.KbException;

class CrisisDirectoryTest {
  private static final Set<String> LANGUAGES = Set.of("en", "es");
  private final CrisisDirectory bundled = CrisisDirectory.bundled(LANGUAGES);

  private static final String VALID = """
      default:
        emergency: {en: your local emergency number, es: su número de emergencias}
        lines:
          - name: Find A Helpline
            contact: {en: findahelpline.com, es: findahelpline.com}
            url: https://findahelpline.com
            source: https://findahelpline.com
      countries:
        GB:
          names: [the uk, united kingdom]
          emergency: "999"
          lines:
            - name: Samaritans
              contact: {en: Call 116 123, es: Llame al 116 123}
              url: https://www.samaritans.org
              source: https://www.samaritans.org
      """;

  private static String text(List<CrisisLine> lines) {
    return lines.stream().map(l -> l.name() + ": " + l.contact()).toList().toString();
  }

  @ParameterizedTest
  @CsvSource(delimiterString = "=>", textBlock = """
      US => 988          => 911
      CA => 988          => 911
      GB => 116 123      => 999
      IE => 116 123      => 112
      AU => 13 11 14     => 000
      ES => 024          => 112
      MX => 800 911 2000 => 911
      AR => 5275-1135    => 107
      """)
  void listsTheCrisisLineAndEmergencyNumberOfEachCountry(String code, String line, String sos) {
    assertThat(text(bundled.lines(Optional.of(code), "en"))).contains(line);
    assertThat(bundled.emergency(Optional.of(code), "en")).contains(sos);
  }

  @Test
  void everyCountryEndsWithTheWorldwideFinderAndUnknownCountriesGetOnlyIt() {
    assertThat(bundled.lines(Optional.of("GB"), "en")).last()
        .extracting(CrisisLine::url).isEqualTo("https://findahelpline.com");
    assertThat(bundled.lines(Optional.empty(), "en")).extracting(CrisisLine::url)
        .containsExactly("https://findahelpline.com");
    assertThat(bundled.lines(Optional.of("JP"), "en")).extracting(CrisisLine::url)
        .containsExactly("https://findahelpline.com");
    assertThat(bundled.emergency(Optional.empty(), "en")).contains("local emergency number");
  }

  @Test
  void contactTextsAreInTheUsersLanguage() {
    assertThat(text(bundled.lines(Optional.of("US"), "es"))).contains("oprima 2 para español");
    assertThat(text(bundled.lines(Optional.of("AR"), "es"))).contains("Llame al 135");
    assertThat(bundled.emergency(Optional.of("AR"), "es")).contains("emergencias médicas");
  }

  @Test
  void everyCountryNamesItsSourceOverHttps() {
    for (CrisisDirectory.Country c : bundled.countries()) {
      for (CrisisDirectory.Line l : c.lines()) {
        assertThat(l.source()).as(c.code()).startsWith("https://");
      }
    }
  }

  @ParameterizedTest
  @CsvSource(delimiterString = "=>", textBlock = """
      gb          => GB
      ' UK '      => GB
      México      => MX
      usa         => US
      JP          => JP
      """)
  void resolvesCodesAndNamesGivenByCallers(String raw, String code) {
    assertThat(bundled.resolve(raw)).contains(code);
  }

  @Test
  void somethingThatIsNeitherACodeNorANameResolvesToNothing() {
    assertThat(bundled.resolve("zz1")).isEmpty();
    assertThat(bundled.resolve("")).isEmpty();
  }

  @Test
  void readsAValidFile() {
    CrisisDirectory d = CrisisDirectory.read("crisis-test.yaml", VALID, LANGUAGES);
    assertThat(d.lines(Optional.of("GB"), "es")).extracting(CrisisLine::contact)
        .containsExactly("Llame al 116 123", "findahelpline.com");
  }

  @Test
  void aMissingDefaultIsNamed() {
    KbException e = assertThrows(KbException.class, () -> CrisisDirectory.read(
        "crisis-test.yaml", VALID.replace("default:", "fallback:"), LANGUAGES));
    assertThat(e.getMessage()).startsWith("crisis-test.yaml: file: unknown key");
  }

  @Test
  void aLineWithoutHttpsIsRefused() {
    KbException e = assertThrows(KbException.class, () -> CrisisDirectory.read(
        "crisis-test.yaml", VALID.replace("url: https://www.samaritans", "url: http://www."
            + "samaritans"), LANGUAGES));
    assertThat(e.getMessage()).isEqualTo("crisis-test.yaml: countries.GB.lines[0].url: must be"
        + " an https:// address, got 'http://www.samaritans.org'");
  }

  @Test
  void aContactMissingALanguageIsRefused() {
    KbException e = assertThrows(KbException.class, () -> CrisisDirectory.read(
        "crisis-test.yaml", VALID.replace(", es: Llame al 116 123", ""), LANGUAGES));
    assertThat(e.getMessage()).isEqualTo("crisis-test.yaml: countries.GB.lines[0].contact.es: "
        + "is required and must be a non-empty text (quote words such as \"no\" that YAML "
        + "reads as true/false)");
  }

  @Test
  void countryCodesMustBeIsoAlpha2() {
    KbException e = assertThrows(KbException.class, () -> CrisisDirectory.read(
        "crisis-test.yaml", VALID.replace("  GB:", "  UK1:"), LANGUAGES));
    assertThat(e.getMessage()).isEqualTo("crisis-test.yaml: countries: keys must be ISO 3166-1 "
        + "alpha-2 codes such as GB, got 'UK1'");
  }
}
