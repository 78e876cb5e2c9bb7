package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The site in a real headless Chromium: asking, filtering, opening a document, switching language,
 * axe-core on every page type, and screenshots under target/screenshots. One browser and one server
 * serve the whole class; cookies are cleared before each test.
 */
class BrowserTest extends ReaderBrowser {
  static final Path SCREENSHOTS = Path.of("target/screenshots");

  /** One URL per page type, named for its screenshot. */
  static final Map<String, String> PAGE_TYPES = new LinkedHashMap<>();

  static {
    PAGE_TYPES.put("home", "/");
    PAGE_TYPES.put("answer", "/ask?q=what+is+bone+metastasis");
    PAGE_TYPES.put("answer-crisis", "/ask?q=I+want+to+end+my+life&country=GB");
    PAGE_TYPES.put("answer-urgent-es", "/ask?lang=es&q=mi+padre+no+puede+respirar&country=MX");
    PAGE_TYPES.put("search", "/search?q=bone+pain");
    PAGE_TYPES.put(
        "search-empty", "/search?q=zzzzqqqq+xxyyzz&docType=event&language=es&cancerType=lung");
    PAGE_TYPES.put("document", "/docs/bone-metastases");
    PAGE_TYPES.put("cancer-type", "/cancer-types/breast");
    PAGE_TYPES.put("site", "/sites/bone");
    PAGE_TYPES.put("directory", "/directory");
    PAGE_TYPES.put("news", "/news");
    PAGE_TYPES.put("suggest", "/suggest");
  }

  @Test
  void askingAQuestionShowsTheAbstainedAnswerWithNextStepsAndDisclaimer() {
    open("/");
    browser.findElement(By.id("q-home")).sendKeys("what is the capital of peru");
    submit(browser.findElement(By.cssSelector(".ask-form button[type=submit]")));

    assertThat(browser.getCurrentUrl()).contains("/ask?q=what+is+the+capital+of+peru");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("what is the capital of peru");
    // The KB never speaks of capitals or Peru: the evidence gate abstains.
    WebElement outcome = browser.findElement(By.cssSelector("section.outcome-abstained"));
    assertThat(outcome.findElement(By.tagName("h2")).getText())
        .isEqualTo("We do not have a good answer");
    assertThat(outcome.findElement(By.className("message")).getText()).isNotBlank();
    assertThat(outcome.getText()).contains("What you can do next");
    assertThat(outcome.findElements(By.cssSelector("ul li"))).isNotEmpty();
    assertThat(outcome.findElement(By.className("disclaimer")).getText()).isNotBlank();
  }

  @Test
  void aDoseQuestionIsRefusedWithQuestionsToAskTheCareTeam() {
    open("/");
    browser.findElement(By.id("q-home")).sendKeys("what dose of morphine should I take");
    submit(browser.findElement(By.cssSelector(".ask-form button[type=submit]")));

    WebElement outcome = browser.findElement(By.cssSelector("section.outcome-refused"));
    assertThat(outcome.findElement(By.tagName("h2")).getText())
        .isEqualTo("We cannot answer this one");
    assertThat(outcome.getText()).contains("Questions you could ask your care team");
    assertThat(outcome.findElements(By.cssSelector("ul li"))).isNotEmpty();
    assertThat(outcome.findElement(By.className("disclaimer")).getText()).isNotBlank();
  }

  @Test
  void tickingAFacetFiltersTheResultsAndStaysTicked() {
    open("/search?q=bone");
    int unfiltered = resultCount();
    // The filters are folded into one disclosure: open it first.
    browser.findElement(By.cssSelector("details.filter-panel summary")).click();
    WebElement box = browser.findElement(By.id("f-cancerType-breast"));
    assertThat(box.isSelected()).isFalse();
    box.click();
    submit(browser.findElement(By.cssSelector(".facets button[type=submit]")));

    assertThat(browser.getCurrentUrl()).contains("q=bone", "cancerType=breast");
    assertThat(browser.findElement(By.id("f-cancerType-breast")).isSelected()).isTrue();
    assertThat(resultCount()).isPositive().isLessThan(unfiltered);
    assertThat(browser.findElements(By.cssSelector("ol.results > li"))).isNotEmpty();
  }

  static int resultCount() {
    String heading = browser.findElement(By.id("results-heading")).getText();
    assertThat(heading).matches("\\d+ results");
    return Integer.parseInt(heading.replaceAll("\\D", ""));
  }

  @Test
  void aDocumentOpensFromTheResultsWithReviewDateAndSources() {
    open("/search?q=bone+metastases");
    WebElement first = browser.findElement(By.cssSelector("ol.results > li h3 a"));
    String title = first.getText();
    submit(first);

    assertThat(browser.getCurrentUrl()).contains("/docs/");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
    assertThat(browser.findElement(By.className("review")).getText())
        .startsWith("Page last reviewed:")
        .contains("Next review due:");
    assertThat(browser.findElement(By.cssSelector("main p.meta")).getText()).startsWith("Source:");
    assertThat(browser.findElement(By.className("license")).getText()).startsWith("Licence:");
  }

  @Test
  void spanishFromTheHeaderLinkIsRememberedOnTheNextPage() {
    open("/");
    submit(browser.findElement(By.cssSelector("header a[hreflang=es]")));

    assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("es");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Información sobre el cáncer metastásico en la que puede confiar");
    submit(browser.findElement(By.cssSelector("header nav a[href='/search']")));
    assertThat(browser.getCurrentUrl()).doesNotContain("lang=");
    assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("es");
    assertThat(browser.findElement(By.cssSelector("label[for=q-search]")).getText())
        .isEqualTo("Buscar en nuestras páginas");
  }

  @Test
  void axeFindsNoViolationsOnAnyPageTypeAndEachIsPhotographed() {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> page : PAGE_TYPES.entrySet()) {
      open(page.getValue());
      Results results = new AxeBuilder().analyze(browser);
      assertThat(results.isErrored())
          .as(page.getValue() + ": " + results.getErrorMessage())
          .isFalse();
      assertThat(results.getPasses()).as(page.getValue() + ": axe ran its rules").isNotEmpty();
      for (Rule r : results.getViolations()) {
        problems.add(
            page.getValue()
                + ": "
                + r.getId()
                + " ("
                + r.getImpact()
                + ") "
                + r.getHelp()
                + "\n"
                + r.getNodes().stream()
                    .map(n -> "    " + n.getTarget() + " " + n.getHtml())
                    .collect(Collectors.joining("\n")));
      }
      screenshot(page.getKey() + ".png");
    }
    assertThat(problems).as("axe-core violations").isEmpty();
  }

  @Test
  void theHomePageFitsAPhoneScreen() {
    browser.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 320, "height", 640, "deviceScaleFactor", 1, "mobile", true));
    try {
      open("/");
      Number scrollWidth =
          (Number) browser.executeScript("return document.documentElement.scrollWidth");
      assertThat(scrollWidth.intValue())
          .as("no horizontal scrolling at 320 px")
          .isLessThanOrEqualTo(320);
      screenshot("home-320.png");
    } finally {
      browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  /**
   * A person in crisis on a phone must see a number to call without scrolling: on a 390 x 844
   * screen, the first tel: link of every urgent page lies inside the first screen, is visible and
   * is large enough to tap.
   */
  @Test
  void onAPhoneTheCallLinksOfAnUrgentPageAreAboveTheFold() {
    browser.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    try {
      for (String[] page :
          new String[][] {
            {"crisis-en-390", "/ask?q=I+want+to+end+my+life"},
            {"crisis-gb-390", "/ask?q=I+want+to+end+my+life&country=GB"},
            {"crisis-es-390", "/ask?lang=es&q=quiero+morirme"},
            {"urgent-mx-390", "/ask?lang=es&q=mi+padre+vomita+sangre+ahora+mismo&country=MX"},
            {"urgent-en-390", "/ask?q=my+dad+is+having+a+seizure+and+it+wont+stop"}
          }) {
        open(page[1]);
        List<WebElement> calls = browser.findElements(By.cssSelector("a.call[href^='tel:']"));
        assertThat(calls).as(page[0]).isNotEmpty();
        WebElement first = calls.getFirst();
        assertThat(first.isDisplayed()).as(page[0]).isTrue();
        @SuppressWarnings("unchecked")
        Map<String, Object> box =
            (Map<String, Object>)
                browser.executeScript(
                    "const r = arguments[0].getBoundingClientRect();"
                        + " return {top: r.top, bottom: r.bottom, height: r.height};",
                    first);
        assertThat(((Number) box.get("bottom")).doubleValue())
            .as(page[0] + " first call link")
            .isLessThanOrEqualTo(844);
        assertThat(((Number) box.get("top")).doubleValue()).as(page[0]).isGreaterThanOrEqualTo(0);
        assertThat(((Number) box.get("height")).doubleValue())
            .as(page[0] + " tap target")
            .isGreaterThanOrEqualTo(24);
        screenshot(page[0] + ".png");
      }
    } finally {
      browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  /** Clicks something that loads a new page and waits until that page has loaded. */
  static void submit(WebElement clickable) {
    Chromium.clickAndWaitForNewPage(browser, clickable);
  }

  /** Saves the whole page, not only the window, as a PNG under target/screenshots. */
  static void screenshot(String name) {
    screenshotOf(browser, name);
  }

  /** Saves the whole page of {@code browser} as a PNG under target/screenshots. */
  static void screenshotOf(ChromeDriver browser, String name) {
    Number width = (Number) browser.executeScript("return document.documentElement.scrollWidth");
    Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
    Map<String, Object> shot =
        browser.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save screenshot " + name, e);
    }
  }
}
