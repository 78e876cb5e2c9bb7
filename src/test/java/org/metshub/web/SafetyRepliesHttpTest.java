package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metshub.safety.SafetyCasesTable;
import org.metshub.safety.SafetyCasesTable.Case;

/**
 * The safety tables ({@code src/test/resources/safety/cases/}) sent through the running site and
 * the JSON API, each message with every Accept-Language header of {@link #HEADERS}. For every
 * crisis and urgent message it asserts: the outcome, at least one {@code tel:} link on the page and
 * in the JSON, the crisis line and emergency number expected for the country (the one the message
 * names, else the header's region, else the default set for the reply language), the reply
 * language, and the person of the wording. Questions that must stay informational are neither made
 * urgent nor refused.
 */
class SafetyRepliesHttpTest {
  /** The headers each message is sent with; "" sends none. */
  static final List<String> HEADERS = List.of("en-US", "en-GB", "es-ES", "es-MX", "fr-FR", "");

  /**
   * What a reader in each country must be offered first: the first crisis line's phone and the
   * first emergency number. Written out here, not read from the crisis-lines file, so that a wrong
   * edit of the file fails this test.
   */
  static final Map<String, List<String>> EXPECTED =
      Map.ofEntries(
          Map.entry("US", List.of("988", "911")),
          Map.entry("CA", List.of("9-8-8", "911")),
          Map.entry("GB", List.of("116 123", "999")),
          Map.entry("IE", List.of("116 123", "112")),
          Map.entry("AU", List.of("13 11 14", "000")),
          Map.entry("NZ", List.of("1737", "111")),
          Map.entry("ES", List.of("024", "112")),
          Map.entry("MX", List.of("800 911 2000", "911")),
          Map.entry("AR", List.of("0800-999-0091", "107")),
          Map.entry("CO", List.of("106", "123")),
          Map.entry("FR", List.of("3114", "15")));

  /** The default set when no country is known, by reply language. */
  static final Map<String, List<String>> DEFAULTS =
      Map.of(
          "en", List.of("988", "911"),
          "es", List.of("024", "911"));

  private static final Pattern TEL = Pattern.compile("href=\"(tel:[+0-9]+)\"");

  static Stream<Arguments> urgentCases() {
    List<Arguments> out = new ArrayList<>();
    for (Case c : SafetyCasesTable.all()) {
      if (c.outcome().equals("self_harm") || c.outcome().equals("urgent")) {
        for (String h : HEADERS) {
          out.add(Arguments.of(c, h));
        }
      }
    }
    return out.stream();
  }

  static Stream<Case> informationalCases() {
    return SafetyCasesTable.all().stream()
        .filter(c -> !c.outcome().equals("self_harm") && !c.outcome().equals("urgent"));
  }

  /** The country whose lines the reader must see: the message's, else the header's region. */
  static Optional<String> expectedCountry(Case c, String header) {
    if (c.country().isPresent() && EXPECTED.containsKey(c.country().get())) {
      return c.country();
    }
    String region = header.contains("-") ? header.substring(header.indexOf('-') + 1) : "";
    return EXPECTED.containsKey(region) ? Optional.of(region) : Optional.empty();
  }

  private static String url(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String[] headers(String acceptLanguage) {
    return acceptLanguage.isEmpty()
        ? new String[0]
        : new String[] {"Accept-Language", acceptLanguage};
  }

  @ParameterizedTest(name = "{0} with Accept-Language ''{1}''")
  @MethodSource("urgentCases")
  void everyUrgentReplyGivesANumberToCallForTheReadersCountryInTheirLanguage(
      Case c, String header) {
    TestSite site = TestSite.get();
    List<String> expected =
        expectedCountry(c, header).map(EXPECTED::get).orElse(DEFAULTS.get(c.language()));

    HttpResponse<String> api = site.get("/api/v1/answer?q=" + url(c.message()), headers(header));
    assertThat(api.statusCode()).as("API status for %s", c).isEqualTo(200);
    JsonNode a = ApiTest.json(api);
    assertThat(a.path("outcome").asText())
        .as("outcome of %s: %s", c, a.path("rule"))
        .isEqualTo("urgent");
    assertThat(a.path("kind").asText().equals("self_harm"))
        .as("kind of %s", c)
        .isEqualTo(c.outcome().equals("self_harm"));
    assertThat(a.path("language").asText()).as("reply language of %s", c).isEqualTo(c.language());
    c.person()
        .ifPresent(p -> assertThat(a.path("person").asText()).as("person of %s", c).isEqualTo(p));
    JsonNode numbers = a.path("emergencyNumbers");
    assertThat(numbers.path(0).path("number").asText())
        .as("emergency number for %s", c)
        .isEqualTo(expected.get(1));
    assertThat(numbers.path(0).path("tel").asText()).startsWith("tel:");
    if (c.outcome().equals("self_harm")) {
      JsonNode first = a.path("crisisLines").path(0);
      assertThat(first.path("phone").asText())
          .as("first crisis line for %s", c)
          .isEqualTo(expected.get(0));
      assertThat(first.path("tel").asText()).startsWith("tel:");
      for (String field : List.of("name", "phone", "tel", "text", "url", "country", "hours")) {
        assertThat(first.has(field)).as("crisis line field %s", field).isTrue();
      }
    }

    HttpResponse<String> page = site.get("/ask?q=" + url(c.message()), headers(header));
    assertThat(page.statusCode()).as("page status for %s", c).isEqualTo(200);
    String html = page.body();
    assertThat(html)
        .as("page of %s", c)
        .contains("outcome-urgent")
        .contains("lang=\"" + c.language() + "\"");
    List<String> tels = new ArrayList<>();
    Matcher m = TEL.matcher(html);
    while (m.find()) {
      tels.add(m.group(1));
    }
    assertThat(tels).as("tel: links on the page of %s", c).isNotEmpty();
    String firstCall = c.outcome().equals("self_harm") ? expected.get(0) : expected.get(1);
    assertThat(tels.getFirst())
        .as("first tel: link of %s", c)
        .isEqualTo("tel:" + firstCall.replaceAll("[^0-9+]", ""));
    assertThat(html).doesNotContain("sources cited", "fuentes citadas");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("informationalCases")
  void questionsThatAreNotEmergenciesAreNeitherMadeUrgentNorRefusedWrongly(Case c) {
    HttpResponse<String> api =
        TestSite.get().get("/api/v1/answer?q=" + url(c.message()), headers("en-US"));
    assertThat(api.statusCode()).isEqualTo(200);
    JsonNode a = ApiTest.json(api);
    String outcome = a.path("outcome").asText();
    if (c.outcome().equals("refused")) {
      assertThat(outcome).as("%s: %s", c, a.path("rule")).isEqualTo("refused");
      assertThat(a.path("language").asText()).isEqualTo(c.language());
    } else {
      assertThat(outcome).as("%s: %s", c, a.path("rule")).isIn("answered", "abstained");
    }
  }

  @Test
  void aSpanishCrisisMessageOnTheSpanishSiteIsAnsweredInSpanishWithASpanishLine() {
    for (String q : List.of("quiero morirme", "quiero morir", "me quiero morir")) {
      for (String header : List.of("en-US", "es-ES")) {
        JsonNode a =
            ApiTest.json(TestSite.get().get("/api/v1/answer?q=" + url(q), headers(header)));
        assertThat(a.path("language").asText()).as(q + " " + header).isEqualTo("es");
      }
      String html = TestSite.get().get("/ask?lang=es&q=" + url(q)).body();
      assertThat(html).contains("lang=\"es\"", "Hable con alguien ahora", "href=\"tel:024\"");
    }
  }

  @Test
  void anExplicitCountryParameterWinsOverTheHeaderAndTheMessage() {
    JsonNode a =
        ApiTest.json(
            TestSite.get()
                .get(
                    "/api/v1/answer?country=AU&q=" + url("I'm in the UK and I want to end my life"),
                    headers("en-US")));
    assertThat(a.path("country").asText()).isEqualTo("AU");
    assertThat(a.path("crisisLines").path(0).path("phone").asText()).isEqualTo("13 11 14");
    assertThat(a.path("emergencyNumbers").path(0).path("number").asText()).isEqualTo("000");
  }
}
