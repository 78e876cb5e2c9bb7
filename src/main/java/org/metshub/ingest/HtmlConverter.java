package org.metshub.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.metshub.error.MetsHubException.BadInput;

/**
 * Turns a saved HTML page into Markdown with jsoup: the main content only (the {@code main} or
 * {@code article} element, else the body), without navigation, headers, footers, sidebars, forms,
 * scripts and styles; headings, paragraphs, lists, quotes, tables and emphasis kept; links made
 * absolute against the page's URL. The URL is the first of {@code <base href>}, the canonical link,
 * {@code og:url}, the browser's "saved from url" comment, and the URL the command gives. The title
 * is {@code og:title} or {@code <title>} (without a " | Site" suffix), else the first {@code h1};
 * the language is the {@code lang} of {@code <html>}. Thread-safe.
 */
final class HtmlConverter {
  /** The converted page. {@code errors} counts the HTML faults the parser repaired. */
  record Page(
      String title,
      String language,
      String url,
      String markdown,
      int errors,
      int relativeLinksLeft) {}

  private static final Pattern SAVED_FROM =
      Pattern.compile("<!--\\s*saved from url=\\(\\d+\\)(\\S+?)\\s*-->", Pattern.CASE_INSENSITIVE);
  private static final Pattern HAS_TAG = Pattern.compile("<\\s*[a-zA-Z!/]");

  /** What is page furniture rather than content. */
  private static final String FURNITURE =
      String.join(
          ", ",
          "script",
          "style",
          "noscript",
          "template",
          "iframe",
          "object",
          "embed",
          "svg",
          "canvas",
          "form",
          "button",
          "input",
          "select",
          "textarea",
          "nav",
          "footer",
          "aside",
          "dialog",
          "[role=navigation]",
          "[role=banner]",
          "[role=contentinfo]",
          "[role=complementary]",
          "[role=search]",
          "[aria-hidden=true]",
          "[hidden]",
          "[class~=(?i)(^| |-)(nav|navbar|navigation|menu|breadcrumbs?|footer|sidebar|cookies?"
              + "|banner|skip-link|share|social|pager|pagination)($| |-)]",
          "[id~=(?i)^(nav|navigation|menu|breadcrumbs?|footer|sidebar|cookies?|banner)$]");

  private static final String MAIN =
      String.join(
          ", ",
          "main",
          "[role=main]",
          "article",
          "#main-content",
          "#content",
          "#main",
          ".main-content");

  private HtmlConverter() {}

  /**
   * Converts a page.
   *
   * @param html the page's HTML
   * @param fallbackUrl the URL to use when the page does not give its own (may be empty)
   * @throws BadInput when the text is not HTML or the page has no text content
   */
  static Page convert(String name, String html, String fallbackUrl) {
    if (!HAS_TAG.matcher(html).find()) {
      throw new BadInput(name + ": is not HTML (no tags found)");
    }
    Parser parser = Parser.htmlParser().setTrackErrors(1000);
    Document doc = parser.parseInput(html, "");
    int errors = parser.getErrors().size();
    String url = pageUrl(doc, html, fallbackUrl);
    if (!url.isEmpty()) {
      doc.setBaseUri(url);
    }
    String language =
        doc.selectFirst("html") == null
            ? ""
            : doc.selectFirst("html").attr("lang").strip().toLowerCase(Locale.ROOT);
    String title = title(doc);
    doc.select(FURNITURE).remove();
    // A page header (logo, site menu) is furniture; an article's own header holds its title.
    for (Element h : doc.select("header")) {
      if (h.closest("article, main, [role=main]") == null) {
        h.remove();
      }
    }
    Element main = doc.selectFirst(MAIN);
    if (main == null) {
      main = doc.body();
    }
    Markdown md = new Markdown();
    md.blocks(main);
    String body = md.text();
    if (body.isBlank()) {
      throw new BadInput(
          name
              + ": has no text content (after dropping navigation, scripts"
              + " and page furniture)");
    }
    if (title.isEmpty()) {
      title = md.firstHeading();
    }
    if (!body.startsWith("# ") && !title.isEmpty()) {
      body = "# " + title + "\n\n" + body;
    }
    return new Page(title, language, url, body, errors, md.relativeLinks);
  }

  private static String pageUrl(Document doc, String html, String fallback) {
    Element base = doc.selectFirst("base[href]");
    if (base != null && isAbsolute(base.attr("href"))) {
      return base.attr("href").strip();
    }
    Element canonical = doc.selectFirst("link[rel=canonical][href]");
    if (canonical != null && isAbsolute(canonical.attr("href"))) {
      return canonical.attr("href").strip();
    }
    Element og = doc.selectFirst("meta[property=og:url][content]");
    if (og != null && isAbsolute(og.attr("content"))) {
      return og.attr("content").strip();
    }
    Matcher saved = SAVED_FROM.matcher(html);
    if (saved.find() && isAbsolute(saved.group(1))) {
      return saved.group(1);
    }
    return fallback == null ? "" : fallback.strip();
  }

  private static boolean isAbsolute(String href) {
    return href.strip().matches("(?i)^https?://\\S+$");
  }

  private static String title(Document doc) {
    Element og = doc.selectFirst("meta[property=og:title][content]");
    if (og != null && !og.attr("content").isBlank()) {
      return clean(og.attr("content"));
    }
    String t = clean(doc.title());
    int bar = t.indexOf(" | ");
    return bar > 0 ? t.substring(0, bar).strip() : t;
  }

  static String clean(String s) {
    return s.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
  }

  /** Writes Markdown while walking the content elements. Not thread-safe; one per page. */
  private static final class Markdown {
    private final StringBuilder out = new StringBuilder();
    private String firstHeading = "";
    int relativeLinks;

    String text() {
      return out.toString().replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }

    String firstHeading() {
      return firstHeading;
    }

    void blocks(Element parent) {
      StringBuilder inline = new StringBuilder();
      for (Node n : parent.childNodes()) {
        if (n instanceof Element e && isBlock(e)) {
          paragraph(inline);
          block(e);
        } else {
          inline(n, inline);
        }
      }
      paragraph(inline);
    }

    private void paragraph(StringBuilder inline) {
      String p = clean(inline.toString());
      if (!p.isEmpty()) {
        out.append(p).append("\n\n");
      }
      inline.setLength(0);
    }

    private void block(Element e) {
      String tag = e.normalName();
      switch (tag) {
        case "h1", "h2", "h3", "h4", "h5", "h6" -> heading(e, tag.charAt(1) - '0');
        case "ul", "ol" -> {
          list(e, "");
          out.append('\n');
        }
        case "pre" -> out.append("```\n").append(e.wholeText().strip()).append("\n```\n\n");
        case "blockquote" -> {
          Markdown inner = new Markdown();
          inner.blocks(e);
          relativeLinks += inner.relativeLinks;
          for (String line : inner.text().strip().split("\n")) {
            out.append(line.isEmpty() ? ">" : "> " + line).append('\n');
          }
          out.append('\n');
        }
        case "table" -> {
          for (Element row : e.select("tr")) {
            List<String> cells = new ArrayList<>();
            for (Element cell : row.select("th, td")) {
              cells.add(inlineOf(cell));
            }
            String line = String.join(" | ", cells).strip();
            if (!line.replace("|", "").isBlank()) {
              out.append(line).append("\n\n");
            }
          }
        }
        case "hr", "img", "figure", "picture", "video", "audio" -> {
          // no text worth keeping; a figure's caption is kept below
          Element caption = e.selectFirst("figcaption");
          if (caption != null) {
            String c = inlineOf(caption);
            if (!c.isEmpty()) {
              out.append(c).append("\n\n");
            }
          }
        }
        case "dt" -> out.append("**").append(inlineOf(e)).append("**\n\n");
        default -> blocks(e);
      }
    }

    /**
     * A heading. An unclosed heading swallows the blocks after it ({@code <h1>Title<p>Text} parses
     * as paragraphs inside the heading): its own text is the heading, and the blocks inside it stay
     * blocks.
     */
    private void heading(Element e, int level) {
      StringBuilder inline = new StringBuilder();
      List<Element> inner = new ArrayList<>();
      for (Node n : e.childNodes()) {
        if (n instanceof Element c && isBlock(c)) {
          inner.add(c);
        } else if (inner.isEmpty()) {
          inline(n, inline);
        }
      }
      String text = clean(inline.toString());
      if (!text.isEmpty()) {
        if (firstHeading.isEmpty()) {
          firstHeading = text.replace("\\", "");
        }
        out.append("#".repeat(level)).append(' ').append(text).append("\n\n");
      }
      for (Element c : inner) {
        block(c);
      }
    }

    /**
     * A list, its items' lines starting with {@code indent}. A nested list is indented to its
     * item's text ({@code "1. "} is three wide), or CommonMark reads it as a list of its own; under
     * an item without text it stays at the item's indent.
     */
    private void list(Element e, String indent) {
      boolean ordered = e.normalName().equals("ol");
      int n = 1;
      for (Element li : e.children()) {
        if (!li.normalName().equals("li")) {
          continue;
        }
        StringBuilder inline = new StringBuilder();
        List<Element> nested = new ArrayList<>();
        for (Node c : li.childNodes()) {
          if (c instanceof Element ce
              && (ce.normalName().equals("ul") || ce.normalName().equals("ol"))) {
            nested.add(ce);
          } else {
            inline(c, inline);
          }
        }
        String text = clean(inline.toString());
        String marker = ordered ? n++ + ". " : "- ";
        if (!text.isEmpty()) {
          out.append(indent).append(marker).append(text).append('\n');
        }
        for (Element sub : nested) {
          list(sub, text.isEmpty() ? indent : indent + " ".repeat(marker.length()));
        }
      }
    }

    private String inlineOf(Element e) {
      StringBuilder sb = new StringBuilder();
      for (Node n : e.childNodes()) {
        inline(n, sb);
      }
      return clean(sb.toString());
    }

    private void inline(Node n, StringBuilder sb) {
      if (n instanceof TextNode t) {
        sb.append(escape(t.getWholeText()));
        return;
      }
      if (!(n instanceof Element e)) {
        return; // comments, data nodes
      }
      switch (e.normalName()) {
        case "br" -> sb.append(' ');
        case "img" -> {
          /* images carry no text we keep */
        }
        case "a" -> {
          String text = inlineOf(e);
          String href = e.attr("href").strip();
          if (text.isEmpty()) {
            return;
          }
          if (href.isEmpty()
              || href.startsWith("#")
              || href.toLowerCase(Locale.ROOT).startsWith("javascript:")) {
            sb.append(text);
            return;
          }
          String abs = e.absUrl("href");
          if (abs.isEmpty()) {
            abs = href;
            if (!href.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
              relativeLinks++;
            }
          }
          sb.append('[')
              .append(text)
              .append("](")
              .append(abs.replace(" ", "%20").replace("(", "%28").replace(")", "%29"))
              .append(')');
        }
        case "strong", "b" -> wrap(e, sb, "**");
        case "em", "i" -> wrap(e, sb, "*");
        case "code" -> sb.append('`').append(e.text().replace("`", "")).append('`');
        default -> {
          if (isBlock(e)) {
            sb.append(' ').append(inlineOf(e)).append(' ');
          } else {
            for (Node c : e.childNodes()) {
              inline(c, sb);
            }
          }
        }
      }
    }

    private void wrap(Element e, StringBuilder sb, String mark) {
      String text = inlineOf(e);
      if (!text.isEmpty()) {
        sb.append(mark).append(text).append(mark);
      }
    }

    private static boolean isBlock(Element e) {
      return switch (e.normalName()) {
        case "p",
            "div",
            "section",
            "article",
            "main",
            "header",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "ul",
            "ol",
            "pre",
            "blockquote",
            "table",
            "hr",
            "figure",
            "dl",
            "dt",
            "dd",
            "address",
            "details",
            "summary",
            "li",
            "body",
            "center" ->
            true;
        default -> false;
      };
    }

    /** Escapes text so that Markdown reads it as text. */
    private static String escape(String s) {
      StringBuilder sb = new StringBuilder(s.length());
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\\' || c == '*' || c == '_' || c == '[' || c == ']' || c == '`' || c == '<') {
          sb.append('\\');
        }
        sb.append(c);
      }
      return sb.toString();
    }
  }
}
