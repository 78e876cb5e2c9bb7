package org.metshub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

class HtmlConverterTest {
  private static String markdown(String body) {
    return HtmlConverter.convert(
            "page.html", "<html><body><main><h1>Lists</h1>" + body + "</main></body></html>", "")
        .markdown();
  }

  private static String html(String markdown) {
    return HtmlRenderer.builder().build().render(Parser.builder().build().parse(markdown));
  }

  /** Regression: a list under "2. " was indented two spaces and read as a list of its own. */
  @Test
  void aListInsideANumberedItemIsIndentedToTheItemsText() {
    String md =
        markdown(
            "<ol><li>Sit upright</li><li>Use a fan<ul><li>a hand-held fan</li>"
                + "</ul></li></ol>");
    assertThat(md).contains("1. Sit upright\n2. Use a fan\n   - a hand-held fan\n");
    assertThat(html(md)).contains("<li>Use a fan\n<ul>\n<li>a hand-held fan</li>\n</ul>\n</li>");
  }

  @Test
  void deeperListsAddTheWidthOfEachMarker() {
    StringBuilder items = new StringBuilder();
    for (int i = 1; i < 10; i++) {
      items.append("<li>step ").append(i).append("</li>");
    }
    String md =
        markdown(
            "<ol>" + items + "<li>step 10<ul><li>a<ol><li>b</li></ol></li></ul>" + "</li></ol>");
    assertThat(md).contains("10. step 10\n    - a\n      1. b\n");
    assertThat(html(md)).contains("<li>step 10\n<ul>\n<li>a\n<ol>\n<li>b</li>");
  }

  @Test
  void aListUnderAnItemWithoutTextKeepsTheItemsIndent() {
    String md = markdown("<ul><li><ol><li><ul><li>deep</li></ul></li></ol></li></ul>");
    assertThat(md).contains("\n- deep\n");
  }
}
