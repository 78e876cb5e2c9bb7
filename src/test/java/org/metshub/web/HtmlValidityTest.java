package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.Test;

/**
 * Every page type, in English and in Spanish, and the reader pages of the browser tests, through
 * the W3C Nu HTML checker (vnu), in-process: the HTML the server sends, fetched with the JDK
 * client, must have no errors. Warnings and info messages are not failures.
 */
class HtmlValidityTest {
  static final TestSite site = TestSite.get();

  @Test
  void everyPageTypeIsValidHtml() throws Exception {
    EmbeddedValidator vnu = new EmbeddedValidator();
    vnu.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
    vnu.setNoLangDetect(true);
    List<String> errors = new ArrayList<>();
    java.util.Set<String> pages = new java.util.LinkedHashSet<>(BrowserTest.PAGE_TYPES.values());
    for (String page : BrowserTest.PAGE_TYPES.values()) {
      pages.add(page + (page.contains("?") ? "&" : "?") + "lang=es");
    }
    pages.addAll(ReaderPagesBrowserTest.PAGES.values());
    for (String page : pages) {
      String html = site.get(page).body();
      String report = vnu.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
      for (JsonNode m : new ObjectMapper().readTree(report).path("messages")) {
        String type = m.path("type").asText();
        if (type.equals("error") || type.equals("non-document-error")) {
          errors.add(
              page
                  + ":"
                  + m.path("lastLine").asText()
                  + ": "
                  + m.path("message").asText()
                  + "\n    "
                  + m.path("extract").asText().replace("\n", " "));
        }
      }
    }
    assertThat(errors).as("Nu HTML checker errors").isEmpty();
  }
}
