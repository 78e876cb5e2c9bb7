package org.metshub.web;

import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * A KB body as HTML for the document page: CommonMark rendered, then cleaned by jsoup's relaxed
 * safelist (no script, style, event handlers or {@code javascript:} links survive). The page has
 * its own {@code h1}, so the body's first {@code h1} is dropped and any others become {@code h2}.
 * Links to other sites open as ordinary links with {@code rel="noopener"}; links to other KB pages
 * keep their site-relative {@code href}. Headings carry the id of {@link
 * org.metshub.kb.Section#anchor()}. Thread-safe.
 */
final class MarkdownHtml {
  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).build();
  private static final Safelist SAFELIST =
      Safelist.relaxed()
          .removeTags("img") // CSP allows no third-party images; alt text alone would confuse
          .addEnforcedAttribute("a", "rel", "noopener")
          // Links between KB pages are site-relative (/docs/bone-health). Without this jsoup cannot
          // resolve them against the empty base URI and drops the href, leaving a dead <a>.
          .preserveRelativeLinks(true);
  // Only for resolving relative links while cleaning; it never appears in the output.
  private static final String BASE_URI = "https://metshub.invalid/";

  private MarkdownHtml() {}

  static String render(String markdown) {
    return render(markdown, body -> {});
  }

  /**
   * Renders {@code markdown}, makes bare web addresses links (a Sources list names its URLs in
   * plain text), then lets {@code more} change the body (the glossary links).
   */
  static String render(String markdown, java.util.function.Consumer<Element> more) {
    String html = RENDERER.render(PARSER.parse(markdown));
    String clean =
        Jsoup.clean(html, BASE_URI, SAFELIST, new Document.OutputSettings().prettyPrint(false));
    Document doc = Jsoup.parseBodyFragment(clean);
    doc.outputSettings().prettyPrint(false);
    Element first = doc.body().selectFirst("h1");
    if (first != null) {
      first.remove();
    }
    doc.body().select("h1").tagName("h2");
    // Headings get the ids answers link to ("Read the whole section"): Section.anchor().
    for (Element h : doc.body().select("h2, h3, h4")) {
      h.attr("id", org.metshub.kb.Section.slug(h.text()));
    }
    linkAddresses(doc.body());
    more.accept(doc.body());
    return doc.body().html();
  }

  private static final java.util.regex.Pattern ADDRESS =
      java.util.regex.Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]]");

  /** Wraps each bare http(s) address of a text node outside a link in a link to itself. */
  private static void linkAddresses(Element parent) {
    for (org.jsoup.nodes.Node child : new java.util.ArrayList<>(parent.childNodes())) {
      if (child instanceof Element e) {
        if (!e.normalName().equals("a")) {
          linkAddresses(e);
        }
      } else if (child instanceof org.jsoup.nodes.TextNode t) {
        String text = t.getWholeText();
        java.util.regex.Matcher m = ADDRESS.matcher(text);
        int at = 0;
        List<org.jsoup.nodes.Node> parts = new java.util.ArrayList<>();
        while (m.find()) {
          parts.add(new org.jsoup.nodes.TextNode(text.substring(at, m.start())));
          // "bare-url": the print stylesheet does not repeat the address after it.
          parts.add(
              new Element("a")
                  .attr("href", m.group())
                  .attr("rel", "noopener")
                  .addClass("bare-url")
                  .text(m.group()));
          at = m.end();
        }
        if (!parts.isEmpty()) {
          parts.add(new org.jsoup.nodes.TextNode(text.substring(at)));
          for (org.jsoup.nodes.Node part : parts) {
            t.before(part);
          }
          t.remove();
        }
      }
    }
  }
}
