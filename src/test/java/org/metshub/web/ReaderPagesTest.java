package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pages a patient meets around the documents (issue 17), through HTTP on the bundled KB: the
 * directory's order, names and links, its bad filters, the document and browse pages, news, feeds,
 * the 404 page, sharing, and the Spanish site.
 */
class ReaderPagesTest {
  static final TestSite site = TestSite.get();

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return new ObjectMapper().readTree(r.body());
  }

  @Test
  void patientSupportComesFirstInTheDirectoryForEveryPatientFilter() throws Exception {
    for (String filter :
        List.of(
            "",
            "?cancerType=breast",
            "?cancerType=lung",
            "?cancerType=prostate",
            "?country=US",
            "?language=en")) {
      JsonNode orgs = json(site.get("/api/v1/directory" + filter)).path("organizations");
      List<String> ids = new ArrayList<>();
      orgs.forEach(o -> ids.add(o.path("id").asText()));
      int aacr = ids.indexOf("american-association-for-cancer-research");
      if (aacr >= 0) {
        assertThat(ids.subList(aacr, ids.size()))
            .as(filter)
            .doesNotContain("american-cancer-society", "cancercare", "susan-g-komen");
      }
      assertThat(ids.getFirst())
          .as(filter)
          .isNotIn(
              "american-association-for-cancer-research",
              "european-association-for-cancer-research",
              "metastasis-research-society");
    }
    String page = site.get("/cancer-types/breast").body();
    assertThat(page.indexOf("Susan G. Komen"))
        .isPositive()
        .isLessThan(page.indexOf("American Association for Cancer Research"));
  }

  @Test
  void countriesAndLanguagesHaveNamesAndPhonesAndSitesAreLinks() {
    String en = site.get("/directory?country=US").body();
    assertThat(en)
        .contains(
            "<dd>United States, Worldwide</dd>",
            "<dd>English, Spanish</dd>",
            "<a class=\"tel\" href=\"tel:18002272345\">1-800-227-2345</a>",
            "<a class=\"website\" href=\"https://www.cancer.org/\" rel=\"noopener\">cancer.org</a>",
            "<option value=\"US\" selected>United States</option>")
        .doesNotContain("<dd>US, INT</dd>");
    String es = site.get("/directory?lang=es&country=US").body();
    assertThat(es)
        .contains(
            "<dd>Estados Unidos, Todo el mundo</dd>",
            "<dd>Inglés, Español</dd>",
            "<option value=\"US\" selected>Estados Unidos</option>");
    assertThat(site.get("/directory?lang=es").body())
        .contains(
            "<option value=\"fr\">Francés</option>", "<option value=\"GB\">Reino Unido</option>");
  }

  @Test
  void spanishReadersSeeSpanishSummariesOfOrganisations() {
    String es = site.get("/directory?lang=es&country=GB").body();
    assertThat(es)
        .contains("Una organización del Reino Unido para todas las personas con cáncer")
        .doesNotContain("(en inglés)");
    assertThat(site.get("/directory?country=GB").body())
        .doesNotContain("Una organización del Reino Unido");
  }

  @Test
  void unknownDirectoryFiltersAreRefusedWithTheValidValues() throws Exception {
    for (String[] bad :
        new String[][] {
          {"country=XX", "unknown country 'XX'; valid values: AR, AU, CA"},
          {"country=FR", "unknown country 'FR'; valid values: AR, AU, CA"},
          {"country=Spain", "unknown country 'Spain'"},
          {"cancerType=brest", "unknown cancerType 'brest'; valid values: metastatic cancer"},
          {"language=xx", "unknown language 'xx'; valid values: en, es"},
          {"service=helpdesk", "unknown service 'helpdesk'; valid values: helpline"}
        }) {
      HttpResponse<String> api = site.get("/api/v1/directory?" + bad[0]);
      assertThat(api.statusCode()).as(bad[0]).isEqualTo(400);
      assertThat(api.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(json(api).path("detail").asText()).as(bad[0]).startsWith(bad[1]);
      HttpResponse<String> page = site.get("/directory?" + bad[0]);
      assertThat(page.statusCode()).as(bad[0]).isEqualTo(400);
      assertThat(page.body()).contains(bad[1]);
    }
    // Synonyms and any case still work.
    assertThat(site.get("/api/v1/directory?country=gb&cancerType=Breast").statusCode())
        .isEqualTo(200);
  }

  @Test
  void directoryAnswersLinkPhonesAndSites() {
    String html = site.get("/ask?q=is+there+a+helpline+for+breast+cancer+in+the+uk").body();
    assertThat(html)
        .contains(
            "Phone: <a href=\"tel:08088080000\">0808 808 00 00</a>",
            "Website: <a href=\"https://www.macmillan.org.uk/\" rel=\"noopener\" class=\"bare-url\">");
    String es = site.get("/ask?lang=es&q=grupo+de+apoyo+para+cancer+de+mama+en+mexico").body();
    assertThat(es)
        .contains(
            "Sitio web: <a href=\"https://fucam.org.mx/\"",
            "Una organización sin fines de lucro de México");
  }

  @Test
  void documentSourcesAreLinksAndTermsLinkToTheGlossaryOnce() {
    String en = site.get("/docs/bone-metastases").body();
    assertThat(en)
        .contains(
            "<a href=\"https://www.cancer.gov/types/metastatic-cancer\" "
                + "rel=\"noopener\" class=\"bare-url\">"
                + "https://www.cancer.gov/types/metastatic-cancer</a>");
    assertThat(en).containsOnlyOnce("href=\"/docs/metastasis-glossary#biopsy\"");
    String es = site.get("/docs/metastasis-en-los-huesos?lang=es").body();
    assertThat(es)
        .containsOnlyOnce("href=\"/docs/glosario-de-metastasis#biopsia\"")
        .doesNotContain("/docs/metastasis-glossary#");
    // Terms are never linked inside headings.
    assertThat(en).doesNotContainPattern("<h[1-6][^>]*>[^<]*<a [^>]*glossary-term");
  }

  @Test
  void theGlossaryHasAnAToZIndexAndAnAnchorPerTerm() {
    for (String[] g :
        new String[][] {
          {"/docs/metastasis-glossary", "biomarker", "B"},
          {"/docs/glosario-de-metastasis?lang=es", "biomarcador", "B"}
        }) {
      String html = site.get(g[0]).body();
      assertThat(html)
          .contains(
              "class=\"glossary-index\"",
              "<a href=\"#" + g[1] + "\">" + g[2] + "</a>",
              "<h2 id=\"" + g[1] + "\">")
          .doesNotContain("class=\"glossary-term\"");
    }
  }

  @Test
  void newsShowsItsPublicationDateAndNoReviewWording() {
    String en = site.get("/docs/news-tumour-cell-stickiness-predicts-spread").body();
    assertThat(en).contains("Published: May 6, 2025").doesNotContain("Next review due");
    String es = site.get("/docs/noticia-celulas-pegajosas-y-diseminacion?lang=es").body();
    assertThat(es).contains("Publicado: 6 de mayo de 2025").doesNotContain("Próxima revisión");
    assertThat(site.get("/").body()).doesNotContain("How \"sticky\" tumour cells are may help");
  }

  @Test
  void browsePagesLeadWithTheMainPageThenGroupByKind() {
    String en = site.get("/cancer-types/breast").body();
    assertThat(en)
        .contains("Pages and support organisations about breast cancer.")
        .doesNotContain("about Breast cancer", "/docs/cancer-de-mama-metastasico");
    int start = en.indexOf("id=\"main-heading\"");
    assertThat(start).isPositive();
    assertThat(en.indexOf("/docs/metastatic-breast-cancer"))
        .isGreaterThan(start)
        .isLessThan(en.indexOf("id=\"group-learn\""));
    assertThat(en.indexOf("id=\"group-learn\""))
        .isLessThan(en.indexOf("id=\"group-news\""))
        .isLessThan(en.indexOf("id=\"orgs-heading\""));
    String es = site.get("/cancer-types/breast?lang=es").body();
    int esStart = es.indexOf("id=\"main-heading\"");
    assertThat(esStart).isPositive();
    assertThat(es.indexOf("/docs/cancer-de-mama-metastasico"))
        .isGreaterThan(esStart)
        .isLessThan(es.indexOf("id=\"group-"));
    assertThat(es)
        .contains("sobre: cáncer de mama.")
        .doesNotContain("href=\"/docs/metastatic-breast-cancer\"");
    String bone = site.get("/sites/bone").body();
    assertThat(bone).contains("spread to the bone,").doesNotContain("spread to the Bone");
    assertThat(bone.indexOf("/docs/bone-metastases"))
        .isLessThan(bone.indexOf("id=\"group-learn\""));
    // Kinds come from the KB folder; a Spanish page takes the kind of the page it translates.
    assertThat(bone.indexOf("href=\"/docs/bone-health\""))
        .isGreaterThan(bone.indexOf("id=\"group-living\""));
    String boneEs = site.get("/sites/bone?lang=es").body();
    assertThat(boneEs.indexOf("href=\"/docs/salud-de-los-huesos\""))
        .isGreaterThan(boneEs.indexOf("id=\"group-living\""))
        .isLessThan(boneEs.indexOf("id=\"group-research\""));
  }

  @Test
  void spanishNewsShowsSpanishTitlesAndMarksWhatIsOnlyInEnglish() {
    String es = site.get("/news?lang=es").body();
    assertThat(es)
        .contains("Lo \"pegajosas\" que son las células")
        .doesNotContain("/docs/news-tumour-cell-stickiness-predicts-spread\"");
    String en = site.get("/news").body();
    assertThat(en)
        .contains("/docs/news-tumour-cell-stickiness-predicts-spread\"")
        .doesNotContain("/docs/noticia-celulas-pegajosas-y-diseminacion\"");
    // A page in the other language without a translation is marked with its language.
    assertThat(site.get("/sites/bone?lang=es").body())
        .contains(
            "<a href=\"/docs/bone-modifying-agents-and-mronj\" lang=\"en\">Bone-modifying agents",
            "</a> <span class=\"in-other-lang\">(en inglés)</span>");
  }

  @Test
  void theFeedsPageExplainsFeedsAndTheChipsLeadToIt() {
    String news = site.get("/news").body();
    assertThat(news)
        .contains("href=\"/feeds#feed-breast\"", "href=\"/feeds#feed-all\"")
        .doesNotContain("class=\"chips\">\n    <li><a href=\"/news.atom");
    for (String lang : List.of("en", "es")) {
      HttpResponse<String> feeds = site.get("/feeds?lang=" + lang);
      assertThat(feeds.statusCode()).isEqualTo(200);
      assertThat(feeds.body())
          .contains(
              "id=\"feed-breast\"",
              "/news/breast.atom\" readonly",
              "/news.atom\" readonly",
              lang.equals("en") ? "feed reader" : "lector de noticias");
    }
  }

  @Test
  void aMissingPageSpeaksToPeopleAndOffersSearch() {
    for (String[] p :
        new String[][] {
          {"/docs/no-such-page", "The page may have moved"},
          {"/docs/no-such-page?lang=es", "Puede que la página haya cambiado"},
          {"/nothing/here", "The page may have moved"}
        }) {
      HttpResponse<String> r = site.get(p[0]);
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.body())
          .contains(p[1], "action=\"/search\"", "id=\"q-missing\"")
          .doesNotContain("there is no document with id", "there is nothing at");
    }
  }

  @Test
  void documentAndAnswerPagesOfferALinkToCopyAndAMailLink() {
    String doc = site.get("/docs/bone-metastases").body();
    assertThat(doc)
        .containsPattern(
            "<input type=\"text\" id=\"share-url\" value=\"http://127\\.0\\.0\\.1:\\d+/docs/"
                + "bone-metastases\" readonly")
        .contains("href=\"mailto:?subject=When%20cancer%20spreads%20to%20the%20bone");
    String answer = site.get("/ask?lang=es&q=que+es+la+metastasis").body();
    assertThat(answer)
        .containsPattern(
            "id=\"share-url\" value=\"http://127\\.0\\.0\\.1:\\d+/ask"
                + "\\?q=que\\+es\\+la\\+metastasis&amp;lang=es\" readonly")
        .contains("Enviar el enlace por correo electrónico");
  }

  @Test
  void thePrivacyTextsAgreeWithEachOtherAndWithTheCookiesSet() {
    for (String lang : List.of("en", "es")) {
      String home = site.get("/?lang=" + lang).body();
      String two = lang.equals("en") ? "two cookies" : "dos cookies";
      assertThat(home.split(two, -1)).as(lang).hasSize(3);
      assertThat(home).doesNotContain("One cookie", "Una cookie");
    }
    // The language cookie, only when a language is chosen, and the form token: two at most.
    assertThat(site.get("/").headers().allValues("Set-Cookie")).isEmpty();
    assertThat(site.get("/?lang=es").headers().allValues("Set-Cookie")).hasSize(1);
  }
}
