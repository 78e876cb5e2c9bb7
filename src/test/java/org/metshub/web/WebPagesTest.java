package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTML pages through the real routing: content, language, accessibility basics, errors. */
class WebPagesTest {
  static final TestSite site = TestSite.get();

  static final List<String> PAGES =
      List.of(
          "/",
          "/ask?q=what+is+bone+metastasis",
          "/search?q=bone+pain",
          "/search",
          "/docs/bone-metastases",
          "/cancer-types/breast",
          "/sites/bone",
          "/directory",
          "/news");

  @Test
  void everyPageIsAccessibleHtmlWithTheSecurityHeaders() {
    for (String page : PAGES) {
      HttpResponse<String> r = site.get(page);
      String html = r.body();
      assertThat(r.statusCode()).as(page).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type"))
          .as(page)
          .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
      assertThat(r.headers().firstValue("Content-Security-Policy"))
          .as(page)
          .hasValue(SecurityHeaders.CSP);
      assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(r.headers().firstValue("Referrer-Policy")).isPresent();
      assertThat(html)
          .as(page)
          .startsWith("<!DOCTYPE html>")
          .contains("<html lang=\"en\">")
          .contains(
              "<header",
              "<nav",
              "<main id=\"main\"",
              "<footer",
              "class=\"skip-link\" href=\"#main\"",
              "/static/site.css");
      assertThat(count(html, "<h1")).as(page + ": one h1").isEqualTo(1);
      // No script runs: the only script element is JSON-LD data.
      assertThat(html.replace("<script type=\"application/ld+json\">", ""))
          .as(page)
          .doesNotContain("<script", " style=", "onclick", "http://cdn", "https://fonts");
      everyInputHasALabel(page, html);
    }
  }

  static void everyInputHasALabel(String page, String html) {
    Matcher m = Pattern.compile("<(input|textarea|select)\\b([^>]*)>").matcher(html);
    while (m.find()) {
      String attrs = m.group(2);
      if (attrs.contains("type=\"hidden\"")) {
        continue;
      }
      Matcher id = Pattern.compile("id=\"([^\"]+)\"").matcher(attrs);
      assertThat(id.find()).as(page + ": " + m.group()).isTrue();
      assertThat(html)
          .as(page + ": label for " + id.group(1))
          .contains("<label for=\"" + id.group(1) + "\">");
    }
  }

  static int count(String s, String what) {
    return s.split(Pattern.quote(what), -1).length - 1;
  }

  @Test
  void spanishFromAcceptLanguageAndRememberedFromTheLangLink() {
    assertThat(site.get("/", "Accept-Language", "es-ES,es;q=0.9,en;q=0.5").body())
        .contains("<html lang=\"es\">", "Explorar por tipo de cáncer");
    HttpResponse<String> chosen = site.get("/directory?lang=es");
    assertThat(chosen.body()).contains("Directorio de apoyo", "href=\"/directory?lang=en\"");
    String cookie = chosen.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie)
        .startsWith("lang=es;")
        .contains("HttpOnly", "SameSite=Lax")
        .doesNotContain("Secure");
    assertThat(site.get("/news", "Cookie", "lang=es").body()).contains("<html lang=\"es\">");
    // X-Forwarded-Proto from a client that is not a trusted proxy changes nothing (issue 14;
    // HostileClientsTest covers a trusted proxy).
    assertThat(
            site.get("/?lang=es", "X-Forwarded-Proto", "https")
                .headers()
                .firstValue("Set-Cookie")
                .orElseThrow())
        .doesNotContain("Secure");
    assertThat(site.get("/", "Accept-Language", "fr;q=!!").body()).contains("lang=\"en\"");
  }

  @Test
  void answerPageOffersFeedbackAndAFollowUpWithTheConversation() {
    // With the hashing embedder of the tests the evidence gate abstains; AnswerPageTest renders
    // a cited answer.
    String html = site.get("/ask?q=what+is+bone+metastasis").body();
    assertThat(html)
        .contains(
            "class=\"outcome outcome-",
            "/docs/bone-metastases",
            "action=\"/feedback\" method=\"post\"",
            "name=\"helpful\" value=\"yes\"",
            "<textarea id=\"comment\"");
    assertThat(html).containsPattern("<input type=\"hidden\" name=\"c\" value=\"[A-Za-z0-9_-]+\">");
  }

  @Test
  void urgentQuestionsGetHelpNowNotAnAnswer() {
    String html = site.get("/ask?q=my+mom+has+a+fever+during+chemo").body();
    assertThat(html)
        .contains("outcome-urgent", "Please get help now")
        .doesNotContain("id=\"source-1\"");
  }

  @Test
  void refusedQuestionsListQuestionsForTheCareTeam() {
    String html = site.get("/ask?q=what+dose+of+morphine+should+I+take").body();
    assertThat(html).contains("outcome-refused", "Questions you could ask your care team");
  }

  @Test
  void feedbackIsStoredAndThanked() {
    String[] t = site.formToken("/ask?q=what+is+bone+metastasis");
    int before = site.app.feedback().count();
    HttpResponse<String> r =
        site.postForm(
            "/feedback",
            t[0],
            "csrf="
                + t[1]
                + "&q=what+is+bone+metastasis&c=abc123&outcome=answered&helpful=no"
                + "&comment=too+short+call+555-123-4567");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("Thank you for your feedback");
    assertThat(site.app.feedback().count()).isEqualTo(before + 1);
    var e = site.app.feedback().recent(1).get(0);
    assertThat(e.conversationId()).isEqualTo("abc123");
    assertThat(e.helpful()).isFalse();
    assertThat(e.comment()).startsWith("too short").doesNotContain("555-123-4567");
    HttpResponse<String> missing = site.postForm("/feedback", t[0], "csrf=" + t[1] + "&q=x");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("Please choose whether the answer helped.");
    // Without the form token (a forged cross-site post) nothing is stored.
    HttpResponse<String> forged =
        site.post("/feedback", "application/x-www-form-urlencoded", "q=x&helpful=yes");
    assertThat(forged.statusCode()).isEqualTo(403);
    HttpResponse<String> wrong = site.postForm("/feedback", t[0], "csrf=other&q=x&helpful=yes");
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(site.app.feedback().count()).isEqualTo(before + 1);
  }

  @Test
  void searchShowsFacetCheckboxesWithCountsHighlightsAndPages() {
    String html = site.get("/search?q=bone").body();
    assertThat(html)
        .contains("type=\"checkbox\"", "name=\"cancerType\"", "<mark>")
        .containsPattern("<span class=\"count\">\\(\\d+\\)</span>");
    String filtered = site.get("/search?q=bone&cancerType=breast").body();
    assertThat(filtered).contains("value=\"breast\" checked");
    String nothing =
        site.get("/search?q=zzzzqqqq+xxyyzz&docType=event&language=es&cancerType=lung").body();
    assertThat(nothing).contains("No page matches your search.", "Remove some filters.");
    String browse = site.get("/search?language=en").body();
    assertThat(browse).contains("rel=\"next\"", "Page 1 of");
  }

  @Test
  void searchFiltersFoldIntoOneDisclosureWithActiveFiltersAsRemovableChips() {
    String html = site.get("/search?q=bone+pain&cancerType=breast&language=en&lang=en").body();
    // The filters come after the search box, folded, and before the results.
    assertThat(html.indexOf("<details class=\"filter-panel\">"))
        .isGreaterThan(html.indexOf("id=\"q-search\""))
        .isLessThan(html.indexOf("id=\"results-heading\""));
    assertThat(count(html, "<details")).isEqualTo(1);
    // Each chip links to the same search without that one filter.
    assertThat(html)
        .contains(
            "Filtered by:",
            "<a href=\"/search?q=bone+pain&amp;language=en&amp;page=1\"",
            "<a href=\"/search?q=bone+pain&amp;cancerType=breast&amp;page=1\"",
            "Cancer type: Breast cancer",
            "Language: English");
    assertThat(site.get("/search?q=bone+pain").body()).doesNotContain("Filtered by:");
    assertThat(site.get("/search?q=bone+pain&cancerType=breast&lang=es").body())
        .contains("Filtrado por:", "Filtrar los resultados", "quitar este filtro");
  }

  @Test
  void aWeakBestMatchIsSaidAndOffersTheAskBoxAndTheDirectory() {
    // "insurance" is on pages, "volcano" on none: no page holds both words.
    String weak = site.get("/search?q=volcano+bone&lang=en").body();
    assertThat(weak)
        .contains(
            "No page matches this well.", "href=\"/ask?q=volcano+bone\"", "href=\"/directory\"");
    assertThat(weak.indexOf("class=\"weak-match\""))
        .isLessThan(weak.indexOf("<ol class=\"results\">"));
    assertThat(site.get("/search?q=volcano+hueso&lang=es").body())
        .contains("Ninguna página coincide bien con su búsqueda.");
    assertThat(site.get("/search?q=bone+metastases&lang=en").body())
        .doesNotContain("No page matches this well.");
  }

  @Test
  void resultsInTheOtherLanguageAreMarkedWithTheirLanguage() {
    String en = site.get("/search?q=met%C3%A1stasis+en+los+huesos&lang=en").body();
    assertThat(en)
        .contains(
            "<a href=\"/docs/metastasis-en-los-huesos\" lang=\"es\">",
            "<span class=\"lang-badge\">In Spanish</span>");
    String es = site.get("/search?q=met%C3%A1stasis+en+los+huesos&lang=es").body();
    assertThat(es).doesNotContain("lang-badge\">En español");
    String esEnglishPages = site.get("/search?q=bone+pain&language=en&lang=es").body();
    assertThat(esEnglishPages).contains("<span class=\"lang-badge\">En inglés</span>");
  }

  @Test
  void jsonLdGivesALicenceAsItsUrlOrAsANamedCreativeWorkNeverAsOurId() {
    var vocab = org.metshub.kb.Vocabularies.bundled();
    assertThat(DocumentPages.schemaLicense(vocab, "cc_by"))
        .isEqualTo("https://creativecommons.org/licenses/by/4.0/");
    assertThat(DocumentPages.schemaLicense(vocab, "public_domain"))
        .isEqualTo("https://creativecommons.org/publicdomain/mark/1.0/");
    assertThat(DocumentPages.schemaLicense(vocab, "owned"))
        .isEqualTo(Json.object("@type", "CreativeWork", "name", "Written by MetsHub"));
    assertThat(DocumentPages.schemaLicense(vocab, "link_only"))
        .isEqualTo(Json.object("@type", "CreativeWork", "name", "Link only (copyrighted)"));
  }

  @Test
  void documentPageShowsReviewDatesLicenceTranslationAndJsonLd() {
    String html = site.get("/docs/metastasis-en-el-cerebro").body();
    assertThat(html)
        .contains(
            "<article lang=\"es\">",
            "Page last reviewed:",
            "Next review due:",
            "Licence:",
            "href=\"/docs/brain-metastases\"",
            "<script type=\"application/ld+json\">",
            "\"@type\" : \"MedicalWebPage\"");
    assertThat(count(html, "<h1")).isEqualTo(1);
    assertThat(count(html, "href=\"/docs/brain-metastases\""))
        .as("one link to the translation")
        .isEqualTo(1);
    assertThat(site.get("/docs/metastasis-en-el-cerebro?lang=es").body())
        .contains("También en inglés: When cancer spreads to the brain");
    assertThat(site.get("/docs/bone-metastases").body()).contains("Related pages");
  }

  @Test
  void theLanguageSwitchOfADocumentGoesToItsTranslation() {
    // English page, English menus: "Español" opens the Spanish page in Spanish.
    assertThat(site.get("/docs/bone-metastases").body())
        .contains("<a href=\"/docs/metastasis-en-los-huesos?lang=es\" lang=\"es\"");
    // Spanish page, Spanish menus: "English" opens the English page in English.
    assertThat(site.get("/docs/metastasis-en-los-huesos?lang=es").body())
        .contains("<a href=\"/docs/bone-metastases?lang=en\" lang=\"en\"");
    // Spanish page, English menus: the switch only changes the menus.
    assertThat(site.get("/docs/metastasis-en-los-huesos?lang=en").body())
        .contains("<a href=\"/docs/metastasis-en-los-huesos?lang=es\" lang=\"es\"");
    // No translation: the same page with the other menus.
    assertThat(site.get("/docs/inspire").body())
        .contains("<a href=\"/docs/inspire?lang=es\" lang=\"es\"");
  }

  @Test
  void browsePagesListDocumentsAndOrganisations() {
    assertThat(site.get("/cancer-types/breast").body())
        .contains("Support organisations", "/feeds#feed-breast", "class=\"org\"");
    assertThat(site.get("/sites/bone").body()).contains("/docs/bone-metastases");
    HttpResponse<String> unknown = site.get("/cancer-types/brest");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).containsPattern("Did you mean .{1,6}breast.{1,6}\\?");
  }

  @Test
  void directoryFiltersByCountryServiceAndLanguage() {
    String es = site.get("/directory?country=ES").body();
    assertThat(es)
        .contains("Asociación Española Contra el Cáncer")
        .doesNotContain("Canadian Cancer Society");
    assertThat(site.get("/directory?language=es&service=helpline").statusCode()).isEqualTo(200);
    HttpResponse<String> bad = site.get("/directory?service=helpdesk");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("unknown service");
  }

  @Test
  void newsFeedsSitemapAndRobotsAreWellFormed() throws Exception {
    for (String feed :
        List.of(
            "/news.atom", "/news/breast.atom", "/news.atom?cancerType=breast", "/sitemap.xml")) {
      HttpResponse<String> r = site.get(feed);
      assertThat(r.statusCode()).as(feed).isEqualTo(200);
      DocumentBuilderFactory.newInstance()
          .newDocumentBuilder()
          .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
    }
    assertThat(site.get("/news.atom").body()).contains("<entry>", "/docs/news-");
    assertThat(site.get("/sitemap.xml").body()).contains("/docs/bone-metastases</loc>");
    assertThat(site.get("/robots.txt").body()).contains("Sitemap: http://");
    assertThat(site.get("/news/breast.rss").statusCode()).isEqualTo(404);
    assertThat(site.get("/static/site.css").body()).contains("@media print", ":focus-visible");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/docs/..%2f..%2fetc%2fpasswd",
        "/docs/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/docs/..%252f..%252fetc%252fpasswd",
        "/docs/%2e%2e",
        "/docs/a%00b",
        "/docs/" + "x%3Cscript%3E"
      })
  void pathTraversalAndBadIdsAreRefusedKindly(String path) {
    HttpResponse<String> r = site.get(path);
    assertThat(r.statusCode()).as(path).isIn(400, 404);
    assertThat(r.body()).as(path).doesNotContain("Exception", "\tat ", "root:", "<script>");
  }

  @Test
  void rawDotDotSegmentsNeverLeaveTheSite() {
    HttpResponse<String> r = site.get("/docs/../../etc/passwd");
    assertThat(r.statusCode()).isIn(400, 404);
    assertThat(r.body()).doesNotContain("root:", "Exception");
  }

  @Test
  void badInputGetsAFriendlyPageWithTheRightStatus() {
    HttpResponse<String> longQ = site.get("/search?q=" + "a".repeat(501));
    assertThat(longQ.statusCode()).isEqualTo(400);
    assertThat(longQ.body())
        .contains(
            "q must be at most 500 characters, got 501", "We could not understand that request");
    HttpResponse<String> facet = site.get("/search?q=bone&cancerType=brest");
    assertThat(facet.statusCode()).isEqualTo(400);
    assertThat(facet.body()).containsPattern("unknown cancerType .{1,6}brest.{1,6}; did you mean");
    assertThat(site.get("/ask?q=").statusCode()).isEqualTo(400);
    assertThat(site.get("/ask?q=" + "b".repeat(501)).statusCode()).isEqualTo(400);
    assertThat(site.get("/search?q=bone&page=x").body()).contains("page must be a whole number");
    HttpResponse<String> missing = site.get("/docs/no-such-document");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("We could not find that page", "no-such-document");
    assertThat(site.get("/nowhere").statusCode()).isEqualTo(404);
    HttpResponse<String> wrongMethod = site.post("/", "text/plain", "hi");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.body()).contains("That is not allowed here");
    assertThat(wrongMethod.headers().firstValue("Content-Security-Policy")).isPresent();
  }
}
