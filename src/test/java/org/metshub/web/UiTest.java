package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UiTest {
  @Test
  void englishAndSpanishHaveTheSameKeys() {
    assertThat(Ui.read("es").stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(Ui.read("en").stringPropertyNames());
  }

  @Test
  void acceptLanguagePicksTheBestSupportedLanguage() {
    assertThat(Lang.fromAcceptLanguage("es-MX,es;q=0.9")).isEqualTo("es");
    assertThat(Lang.fromAcceptLanguage("fr-FR,es;q=0.5,en;q=0.8")).isEqualTo("en");
    assertThat(Lang.fromAcceptLanguage("de")).isEqualTo("en");
    assertThat(Lang.fromAcceptLanguage("%%%")).isEqualTo("en");
    assertThat(Lang.fromAcceptLanguage(null)).isEqualTo("en");
  }

  @Test
  void markdownIsSanitisedAndKeepsOneH1() {
    String html =
        MarkdownHtml.render(
            "# Title\n\nText <script>alert(1)</script> "
                + "[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n# Second\n");
    assertThat(html)
        .doesNotContain("<script", "javascript:", "<img", "<h1")
        .contains("<h2 id=\"second\">Second</h2>");
  }

  @Test
  void linksToOtherKbPagesKeepTheirHref() {
    // Regression: jsoup dropped relative hrefs, leaving <a> without href (vnu error, dead link).
    assertThat(MarkdownHtml.render("See [Bone health](/docs/bone-health)."))
        .contains("<a href=\"/docs/bone-health\" rel=\"noopener\">Bone health</a>");
  }
}
