package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The suggest form and the curator console in Chromium: a reader suggests a resource, a curator
 * logs in, approves it and finds it live; marks a document reviewed and reads the diff. axe-core
 * and the Nu HTML checker run on every console page, and each is photographed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {
  ConsoleSite site;
  ChromeDriver browser;
  final List<String> visited = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    Chromium.assumeInstalled();
    site = new ConsoleSite("sqlite", Files.createTempDirectory("metshub-console-browser-"));
    browser = Chromium.start();
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (site != null) {
      site.close();
    }
  }

  void open(String path) {
    browser.get("http://127.0.0.1:" + site.server.port() + path);
  }

  void submit(WebElement clickable) {
    Chromium.clickAndWaitForNewPage(browser, clickable);
  }

  /** axe on the current page; records it for the HTML check and takes a screenshot. */
  List<String> check(String name) {
    visited.add(browser.getCurrentUrl());
    Results results = new AxeBuilder().analyze(browser);
    assertThat(results.isErrored()).as(name + ": " + results.getErrorMessage()).isFalse();
    List<String> problems = new ArrayList<>();
    for (Rule r : results.getViolations()) {
      problems.add(
          name
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
    BrowserTest.screenshotOf(browser, name + ".png");
    return problems;
  }

  @Test
  void aReaderSuggestsACuratorApprovesAndReviewsAndEveryPageIsAccessible() throws Exception {
    List<String> problems = new ArrayList<>();
    // The reader: a mistake first, then a good suggestion.
    open("/suggest");
    browser.findElement(By.id("name")).sendKeys("Metastatic Friends Circle");
    browser.findElement(By.id("url")).sendKeys("https://mets-friends.example.org/");
    browser.findElement(By.id("description")).sendKeys("Too short");
    submit(browser.findElement(By.cssSelector("form.suggest button[type=submit]")));
    assertThat(browser.findElement(By.id("form-errors")).getText())
        .contains("Please correct 3 field(s) below.");
    assertThat(browser.findElement(By.id("description-error")).getText()).contains("too short");
    assertThat(browser.findElement(By.id("name")).getAttribute("value"))
        .isEqualTo("Metastatic Friends Circle");
    problems.addAll(check("suggest-errors"));
    WebElement d = browser.findElement(By.id("description"));
    d.clear();
    d.sendKeys(
        "Monthly online meetings and a phone line for people living with metastatic "
            + "cancer, run by volunteers.");
    browser.findElement(By.id("ct-metastatic-cancer")).click();
    browser.findElement(By.id("country-CA")).click();
    browser.findElement(By.id("contact")).sendKeys("sam@example.org");
    submit(browser.findElement(By.cssSelector("form.suggest button[type=submit]")));
    String thanks = browser.findElement(By.tagName("main")).getText();
    assertThat(thanks)
        .contains("Thank you for your suggestion")
        .containsPattern("MH-[0-9A-Z]{4}-[0-9A-Z]{4}");
    problems.addAll(check("suggest-thanks"));

    // The curator.
    open("/console");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Curator login");
    problems.addAll(check("console-login"));
    browser.findElement(By.id("username")).sendKeys("ada");
    browser.findElement(By.id("password")).sendKeys(ConsoleSite.PASSWORD);
    submit(browser.findElement(By.cssSelector("main form button[type=submit]")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Curator console");
    problems.addAll(check("console-home"));
    submit(browser.findElement(By.linkText("Suggestions")));
    problems.addAll(check("console-submissions"));
    submit(browser.findElement(By.partialLinkText("MH-")));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("sam@example.org");
    problems.addAll(check("console-submission"));
    browser.findElement(By.id("status-active")).click();
    submit(browser.findElement(By.xpath("//button[text()='Approve']")));
    assertThat(browser.findElement(By.className("notice")).getText())
        .contains("Approved: directory/metastatic-friends-circle.md");
    open("/docs/metastatic-friends-circle");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Metastatic Friends Circle");

    open("/console/reviews?within=999");
    problems.addAll(check("console-reviews"));
    submit(
        browser.findElement(
            By.cssSelector("form[action='/console/reviews/bone-metastases'] button")));
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("Marked bone-metastases reviewed");
    open("/console/docs/bone-metastases/history");
    problems.addAll(check("console-history"));
    submit(browser.findElement(By.xpath("//button[text()='Show changes']")));
    assertThat(browser.findElements(By.cssSelector(".diff .added"))).isNotEmpty();
    problems.addAll(check("console-diff"));

    // A second suggestion, rejected: first with a reason too short, then with a real one.
    open("/suggest");
    browser.findElement(By.id("name")).sendKeys("Miracle Cure Newsletter");
    browser.findElement(By.id("url")).sendKeys("https://miracle-cure.example.com/");
    browser
        .findElement(By.id("description"))
        .sendKeys(
            "A newsletter that sells supplements "
                + "as a cure for metastatic cancer, with no sources.");
    browser.findElement(By.id("ct-metastatic-cancer")).click();
    browser.findElement(By.id("country-US")).click();
    submit(browser.findElement(By.cssSelector("form.suggest button[type=submit]")));
    String reference =
        browser
            .findElement(By.tagName("main"))
            .getText()
            .replaceAll("(?s).*(MH-[0-9A-Z]{4}-[0-9A-Z]{4}).*", "$1");
    open("/console/submissions");
    submit(browser.findElement(By.partialLinkText(reference)));
    browser.findElement(By.id("reason")).sendKeys("no");
    submit(browser.findElement(By.xpath("//button[text()='Reject']")));
    assertThat(browser.findElement(By.id("reason-error")).getText())
        .isEqualTo("Please give a reason of 5 to 500 characters.");
    assertThat(browser.findElement(By.id("reason")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.findElement(By.id("reason")).getAttribute("value"))
        .as("what was typed is kept")
        .isEqualTo("no");
    problems.addAll(check("console-reject-error"));
    browser.findElement(By.id("reason")).clear();
    browser.findElement(By.id("reason")).sendKeys("Sells supplements as a cure; no sources.");
    submit(browser.findElement(By.xpath("//button[text()='Reject']")));
    assertThat(browser.findElement(By.className("notice")).getText())
        .isEqualTo("Rejected " + reference + ".");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("Rejected by ada")
        .contains("Sells supplements as a cure; no sources.");
    assertThat(browser.findElements(By.xpath("//button[text()='Reject']"))).isEmpty();
    open("/docs/miracle-cure-newsletter");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isNotEqualTo("Miracle Cure Newsletter");

    // A question the KB answers too weakly leaves a gap, with the sections its reader was offered.
    open("/ask?q=if+immunotherapy+is+working+how+long+do+people+usually+stay+on+it");
    for (String page : List.of("warnings", "feedback", "gaps", "audit", "users")) {
      open("/console/" + page);
      problems.addAll(check("console-" + page));
    }
    open("/console/gaps");
    List<WebElement> teach = browser.findElements(By.xpath("//button[text()='It answers']"));
    assertThat(teach).isNotEmpty();
    String section = teach.getFirst().findElement(By.xpath("./preceding-sibling::a")).getText();
    submit(teach.getFirst());
    assertThat(browser.findElement(By.className("notice")).getText())
        .startsWith("Added “if immunotherapy is working how long do people usually stay on it”")
        .contains("to the questions of " + section.substring(0, section.lastIndexOf(" (")));
    assertThat(browser.findElements(By.xpath("//td[starts-with(., 'if immunotherapy')]")))
        .as("the gap is closed")
        .isEmpty();
    // The console in Spanish, for Spanish-speaking curators.
    for (String[] page :
        new String[][] {
          {"", "Consola de revisión"},
          {"/submissions?status=rejected", "Sugerencias: rejected"},
          {"/reviews", "Cola de revisión"},
          {"/warnings", "Avisos de metadatos"},
          {"/feedback", "Opiniones de los lectores"},
          {"/gaps", "Temas sin respuesta"},
          {"/audit", "Registro de cambios"},
          {"/users", "Cuentas"},
          {"/login", "Acceso para revisores"}
        }) {
      open("/console" + page[0] + (page[0].contains("?") ? "&" : "?") + "lang=es");
      assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(page[1]);
      assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("es");
      if (!page[0].equals("/login")) {
        assertThat(browser.findElement(By.cssSelector(".console-nav")).getText())
            .contains("Panel", "Sugerencias", "Revisiones", "Cerrar sesión");
      }
      problems.addAll(check("console" + page[0].replaceAll("[/?=]", "-") + "-es"));
    }
    open("/console?lang=en");
    assertThat(problems).as("axe-core violations").isEmpty();

    // The Nu HTML checker on the same pages, fetched with the browser's session cookie.
    var cookie = browser.manage().getCookieNamed(ConsolePages.COOKIE);
    EmbeddedValidator vnu = new EmbeddedValidator();
    vnu.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
    vnu.setNoLangDetect(true);
    List<String> errors = new ArrayList<>();
    var http = java.net.http.HttpClient.newHttpClient();
    for (String url : visited) {
      if (url.contains("/suggest")) {
        continue; // the public form is checked by HtmlValidityTest
      }
      String html =
          http.send(
                  java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                      .header("Cookie", cookie.getName() + "=" + cookie.getValue())
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString())
              .body();
      String report =
          vnu.validate(
              new java.io.ByteArrayInputStream(
                  html.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      for (var m :
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(report).path("messages")) {
        if (m.path("type").asText().equals("error")) {
          errors.add(url + ":" + m.path("lastLine").asText() + ": " + m.path("message").asText());
        }
      }
    }
    assertThat(errors).as("Nu HTML checker errors").isEmpty();
    assertThat(Path.of("target/screenshots/console-diff.png")).exists();
  }
}
