package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The reader pages of issue 17 in a real headless Chromium, in English and Spanish: the directory,
 * cancer-type and site pages, documents with glossary links, the glossary, news, feeds, the 404
 * page, the suggest form's country field, sharing and printing. Each page is checked by axe-core
 * and photographed at 390 px and 1280 px under target/screenshots.
 */
class ReaderPagesBrowserTest extends ReaderBrowser {
  /** Each page, named for its screenshots (NAME-390.png, NAME-1280.png). */
  static final Map<String, String> PAGES = new LinkedHashMap<>();

  static {
    PAGES.put("directory-breast", "/directory?lang=en&cancerType=breast");
    PAGES.put("directory-breast-es", "/directory?lang=es&cancerType=breast");
    PAGES.put("cancer-type-breast", "/cancer-types/breast?lang=en");
    PAGES.put("cancer-type-breast-es", "/cancer-types/breast?lang=es");
    PAGES.put("site-bone", "/sites/bone?lang=en");
    PAGES.put("site-bone-es", "/sites/bone?lang=es");
    PAGES.put("document-sources", "/docs/bone-metastases?lang=en");
    PAGES.put("document-sources-es", "/docs/metastasis-en-los-huesos?lang=es");
    PAGES.put("news-item", "/docs/news-tumour-cell-stickiness-predicts-spread?lang=en");
    PAGES.put("news-item-es", "/docs/noticia-celulas-pegajosas-y-diseminacion?lang=es");
    PAGES.put("news-es", "/news?lang=es");
    PAGES.put("glossary", "/docs/metastasis-glossary?lang=en");
    PAGES.put("glossary-es", "/docs/glosario-de-metastasis?lang=es");
    PAGES.put("feeds", "/feeds?lang=en");
    PAGES.put("feeds-es", "/feeds?lang=es");
    PAGES.put("not-found", "/docs/no-such-page?lang=en");
    PAGES.put("not-found-es", "/docs/no-such-page?lang=es");
    PAGES.put("suggest-countries", "/suggest?lang=en");
    PAGES.put("suggest-countries-es", "/suggest?lang=es");
    PAGES.put("answer-directory", "/ask?lang=en&q=is+there+a+helpline+for+breast+cancer+in+the+uk");
    PAGES.put("answer-directory-es", "/ask?lang=es&q=grupo+de+apoyo+para+cancer+de+mama+en+mexico");
    PAGES.put("home-es", "/?lang=es");
    PAGES.put("answer-es", "/ask?lang=es&q=que+es+la+metastasis");
    // An abstention, whose closest pages each name the section ranked first on them.
    PAGES.put(
        "answer-abstained",
        "/ask?lang=en&q=do+i+need+someone+to+take+me+home+after+a+liver+biopsy+or+can+i+get+the+bus");
    PAGES.put(
        "answer-abstained-es",
        "/ask?lang=es&q=me+van+a+hacer+una+biopsia+del+higado%2C+puedo+volver+manejando+yo+sola");
    // A report we will not read, with the general pages on its words after the questions.
    PAGES.put(
        "answer-refused-report",
        "/ask?lang=en&q=path+report+says+her+2+low%2C+what+does+that+mean");
    PAGES.put(
        "answer-refused-report-es",
        "/ask?lang=es&q=el+informe+de+patologia+de+mi+mama+dice+her2+bajo%2C+que+significa+eso");
    PAGES.put("search-filtered", "/search?lang=en&q=bone+pain&audience=patient&language=en");
    PAGES.put(
        "search-filtered-es", "/search?lang=es&q=dolor+de+huesos&audience=patient&language=es");
    PAGES.put("search-weak", "/search?lang=en&q=volcano+bone");
    PAGES.put("search-weak-es", "/search?lang=es&q=volcano+hueso");
    PAGES.put("search-other-language", "/search?lang=en&q=met%C3%A1stasis+en+los+huesos");
  }

  static void width(int px) {
    browser.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width",
            px,
            "height",
            px < 600 ? 844 : 900,
            "deviceScaleFactor",
            1,
            "mobile",
            px < 600));
  }

  static void resetWidth() {
    browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  @Test
  void everyPageHasNoAxeViolationsNoSidewaysScrollAndIsPhotographedAtBothWidths() {
    List<String> problems = new ArrayList<>();
    try {
      for (int px : new int[] {390, 1280}) {
        width(px);
        for (Map.Entry<String, String> page : PAGES.entrySet()) {
          open(page.getValue());
          Number scrollWidth =
              (Number) browser.executeScript("return document.documentElement.scrollWidth");
          assertThat(scrollWidth.intValue())
              .as(page.getValue() + " at " + px + " px")
              .isLessThanOrEqualTo(px);
          if (px == 390) {
            Results results = new AxeBuilder().analyze(browser);
            assertThat(results.isErrored()).as(page.getValue()).isFalse();
            for (Rule r : results.getViolations()) {
              problems.add(
                  page.getValue()
                      + ": "
                      + r.getId()
                      + " "
                      + r.getHelp()
                      + "\n"
                      + r.getNodes().stream()
                          .map(n -> "    " + n.getTarget() + " " + n.getHtml())
                          .collect(Collectors.joining("\n")));
            }
          }
          BrowserTest.screenshotOf(browser, page.getKey() + "-" + px + ".png");
        }
      }
    } finally {
      resetWidth();
    }
    assertThat(problems).as("axe-core violations").isEmpty();
  }

  @Test
  void onAPhoneSearchResultsComeFirstWithFiltersFoldedAndChipsThatRemoveAFilter() {
    try {
      width(390);
      for (String lang : List.of("en", "es")) {
        open(
            "/search?lang="
                + lang
                + "&q="
                + (lang.equals("en") ? "bone+pain" : "dolor+de+huesos")
                + "&audience=patient&language="
                + lang);
        WebElement panel = browser.findElement(By.cssSelector("details.filter-panel"));
        assertThat(panel.getDomAttribute("open")).isNull();
        assertThat(browser.findElements(By.cssSelector("fieldset")).getFirst().isDisplayed())
            .isFalse();
        Number top =
            (Number)
                browser.executeScript(
                    "return document.querySelector("
                        + "'ol.results > li').getBoundingClientRect().top");
        assertThat(top.doubleValue())
            .as(lang + ": the first result is on the first screen")
            .isLessThan(844);
        BrowserTest.screenshotOf(browser, "search-mobile-" + lang + "-390.png");
        List<WebElement> chips = browser.findElements(By.cssSelector(".active-filters a"));
        assertThat(chips).hasSize(2);
        Chromium.clickAndWaitForNewPage(browser, chips.getFirst());
        assertThat(browser.getCurrentUrl()).doesNotContain("audience=").contains("language=");
        assertThat(browser.findElements(By.cssSelector(".active-filters a"))).hasSize(1);
        browser.findElement(By.cssSelector("details.filter-panel summary")).click();
        assertThat(browser.findElement(By.id("f-audience-patient")).isDisplayed()).isTrue();
        BrowserTest.screenshotOf(browser, "search-mobile-filters-open-" + lang + "-390.png");
      }
    } finally {
      resetWidth();
    }
  }

  @Test
  void aWeakMatchIsSaidAndPagesInTheOtherLanguageAreMarked() {
    open("/search?lang=en&q=volcano+bone");
    WebElement weak = browser.findElement(By.className("weak-match"));
    assertThat(weak.getText()).contains("No page matches this well");
    assertThat(weak.findElements(By.tagName("a")))
        .extracting(a -> a.getDomAttribute("href"))
        .contains("/ask?q=volcano+bone", "/directory");
    BrowserTest.screenshotOf(browser, "search-weak-en.png");
    open("/search?lang=es&q=volcano+hueso");
    assertThat(browser.findElement(By.className("weak-match")).getText())
        .contains("Ninguna página coincide bien");
    BrowserTest.screenshotOf(browser, "search-weak-es.png");
    open("/search?lang=en&q=met%C3%A1stasis+en+los+huesos");
    WebElement first = browser.findElement(By.cssSelector("ol.results > li"));
    assertThat(first.findElement(By.cssSelector("h3 a")).getDomAttribute("lang")).isEqualTo("es");
    assertThat(first.findElement(By.className("lang-badge")).getText()).isEqualTo("In Spanish");
    BrowserTest.screenshotOf(browser, "search-other-language-en.png");
    open("/search?lang=es&q=bone+pain");
    assertThat(browser.findElement(By.cssSelector("ol.results > li .lang-badge")).getText())
        .isEqualTo("En inglés");
  }

  @Test
  void theDirectoryListsPatientSupportFirstWithNamedCountriesAndTappableLinks() {
    for (String lang : List.of("en", "es")) {
      open("/directory?lang=" + lang + "&cancerType=breast");
      List<WebElement> orgs = browser.findElements(By.cssSelector("li.org h3"));
      assertThat(orgs).isNotEmpty();
      assertThat(orgs.getFirst().getText()).doesNotContain("Association for Cancer Research");
      assertThat(orgs.getLast().getText()).containsAnyOf("Research", "Metastasis");
      WebElement tel = browser.findElement(By.cssSelector("li.org a.tel"));
      assertThat(tel.getDomAttribute("href")).matches("tel:\\+?\\d{6,}");
      assertThat(browser.findElement(By.cssSelector("li.org a.website")).getDomAttribute("href"))
          .startsWith("http");
      String facts = browser.findElement(By.cssSelector("main")).getText();
      assertThat(facts)
          .contains(lang.equals("en") ? "United States" : "Estados Unidos")
          .doesNotContain("US, INT");
    }
  }

  @Test
  void aGlossaryTermInADocumentOpensItsDefinitionAndTheIndexJumpsToALetter() {
    open("/docs/bone-metastases");
    WebElement term = browser.findElement(By.cssSelector(".doc-body a.glossary-term"));
    Chromium.clickAndWaitForNewPage(browser, term);
    assertThat(browser.getCurrentUrl()).contains("/docs/metastasis-glossary#");
    open("/docs/glosario-de-metastasis?lang=es");
    browser.findElement(By.cssSelector(".glossary-index a[href='#quimioterapia']")).click();
    assertThat(browser.getCurrentUrl()).endsWith("#quimioterapia");
    Number top =
        (Number)
            browser.executeScript(
                "return document.getElementById('quimioterapia').getBoundingClientRect().top");
    assertThat(top.doubleValue()).isBetween(-1.0, 50.0);
  }

  @Test
  void sourcesAreLinksAndNewsIsDatedByPublication() {
    open("/docs/bone-metastases");
    List<WebElement> sources =
        browser.findElements(By.xpath("//h2[@id='sources']/following-sibling::ul[1]/li/a"));
    assertThat(sources).isNotEmpty();
    assertThat(sources.getFirst().getDomAttribute("href")).startsWith("https://");
    open("/docs/noticia-celulas-pegajosas-y-diseminacion?lang=es");
    assertThat(browser.findElement(By.className("review")).getText())
        .isEqualTo("Publicado: 6 de mayo de 2025");
    open("/docs/news-tumour-cell-stickiness-predicts-spread?lang=en");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("Published: May 6, 2025")
        .doesNotContain("Next review due");
  }

  @Test
  void browsePagesStartWithTheMainPageInTheReadersLanguage() {
    open("/cancer-types/breast?lang=es");
    assertThat(browser.findElement(By.cssSelector(".main-page a")).getText())
        .isEqualTo("Cáncer de mama metastásico");
    assertThat(browser.findElement(By.className("lead")).getText())
        .contains("cáncer de mama")
        .doesNotContain("sobre: Cáncer");
    open("/cancer-types/breast?lang=en");
    assertThat(browser.findElement(By.cssSelector(".main-page a")).getText())
        .isEqualTo("Metastatic breast cancer");
    List<String> groups =
        browser.findElements(By.cssSelector("main section h2")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(groups.getFirst()).isEqualTo("Start here");
    assertThat(groups.getLast()).isEqualTo("Support organisations");
  }

  @Test
  void theNewsChipsLeadToThePageThatExplainsFeeds() {
    open("/news?lang=es");
    Chromium.clickAndWaitForNewPage(
        browser,
        browser.findElement(By.cssSelector("#feeds-heading + ul a[href='/feeds#feed-breast']")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Canales de noticias");
    WebElement url = browser.findElement(By.id("url-feed-breast"));
    assertThat(url.getDomAttribute("readonly")).isNotNull();
    assertThat(url.getDomProperty("value")).endsWith("/news/breast.atom");
  }

  @Test
  void aMissingPageOffersSearchThatWorks() {
    open("/docs/no-such-page?lang=es");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
    browser.findElement(By.id("q-missing")).sendKeys("dolor de huesos");
    Chromium.clickAndWaitForNewPage(
        browser, browser.findElement(By.cssSelector("main form[action='/search'] button")));
    assertThat(browser.getCurrentUrl()).contains("/search?q=dolor+de+huesos");
  }

  @Test
  void theSuggestFormTakesCountriesByNameWithoutScript() {
    open("/suggest?lang=es");
    WebElement other = browser.findElement(By.id("countryOther"));
    assertThat(other.getDomAttribute("list")).isEqualTo("country-names");
    assertThat(browser.findElements(By.cssSelector("#country-names option")).size())
        .isGreaterThan(200);
    assertThat(browser.findElements(By.cssSelector("input[name=countries]")).size()).isLessThan(20);
    assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Ctrl");
    browser.findElement(By.id("country-MX")).click();
    other.sendKeys("Irlanda, Atlántida");
    Chromium.clickAndWaitForNewPage(
        browser, browser.findElement(By.cssSelector("form.suggest button[type=submit]")));
    assertThat(browser.findElement(By.id("countries-error")).getText()).contains("Atlántida");
    assertThat(browser.findElement(By.id("countryOther")).getDomProperty("value"))
        .isEqualTo("Irlanda, Atlántida");
    assertThat(browser.findElement(By.id("country-MX")).isSelected()).isTrue();
    BrowserTest.screenshotOf(browser, "suggest-country-error-es.png");
  }

  @Test
  void documentAndAnswerPagesShareAndPrintCleanly() {
    for (String page :
        List.of(
            "/docs/bone-metastases",
            "/ask?lang=es&q=grupo+de+apoyo+para+cancer+de+mama+en+mexico")) {
      open(page);
      WebElement url = browser.findElement(By.id("share-url"));
      assertThat(url.getDomAttribute("readonly")).isNotNull();
      // The same page: the document's address, or the question (and its language).
      assertThat(url.getDomProperty("value"))
          .startsWith(site.uri("/").toString())
          .contains(page.startsWith("/docs") ? page : "q=grupo+de+apoyo+para+cancer+de+mama")
          .endsWith(page.startsWith("/docs") ? page : "&lang=es");
      assertThat(browser.findElement(By.cssSelector(".share a[href^='mailto:']"))).isNotNull();
      browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
      try {
        for (String hidden : List.of(".site-header nav", ".share", "main form")) {
          Object display =
              browser.executeScript(
                  "const e = document.querySelector(arguments[0]);"
                      + " return e ? getComputedStyle(e).display : 'none';",
                  hidden);
          assertThat(display).as(page + " " + hidden).isEqualTo("none");
        }
        Object after =
            browser.executeScript(
                "const a = document.querySelector("
                    + "'main a[href^=\"http\"]:not(.bare-url)');"
                    + " return getComputedStyle(a, '::after').content;");
        assertThat(String.valueOf(after)).contains("http");
        BrowserTest.screenshotOf(
            browser, "print-" + (page.startsWith("/docs") ? "document" : "answer-es") + ".png");
      } finally {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
      }
    }
  }
}
