package org.metshub.ingest.infer;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.metshub.kb.Section;

/**
 * The parts of a document that inference reads, tokenised once: title, URL path segments, section
 * headings and body text. A mention in the title or URL says what a page is about far more surely
 * than one in the body. Immutable.
 *
 * @param title the title
 * @param urlSegments the URL's path segments, lower-cased, extensions dropped
 * @param headings the distinct headings, one per line
 * @param titleTokens the title's tokens
 * @param headingTokens the distinct headings' tokens, one sentence each (headings that repeat the
 *     title left out)
 * @param bodyTokens the section texts' tokens
 * @param body the section texts, for readability and language
 */
public record DocumentText(
    String title,
    List<String> urlSegments,
    String headings,
    Tokens titleTokens,
    Tokens headingTokens,
    Tokens bodyTokens,
    String body) {

  public DocumentText {
    urlSegments = List.copyOf(urlSegments);
  }

  /** Builds the text of a document from its title, URL and sections. */
  public static DocumentText of(String title, String url, List<Section> sections) {
    LinkedHashSet<String> headings = new LinkedHashSet<>();
    StringBuilder body = new StringBuilder();
    String t = title.strip().toLowerCase(Locale.ROOT);
    for (Section s : sections) {
      if (!s.headingPath().isEmpty()) {
        String h = s.headingPath().get(s.headingPath().size() - 1);
        String lower = h.strip().toLowerCase(Locale.ROOT);
        // A heading that repeats the title ("# Title", "# Title - NCI") is the title again.
        if (!t.startsWith(lower) && !lower.startsWith(t)) {
          headings.add(h);
        }
      }
      if (!s.text().isBlank()) {
        body.append(s.text()).append("\n\n");
      }
    }
    String text = body.toString();
    String heads = String.join("\n\n", headings);
    return new DocumentText(
        title, segments(url), heads, Tokens.of(title), Tokens.of(heads), Tokens.of(text), text);
  }

  private static List<String> segments(String url) {
    List<String> out = new ArrayList<>();
    if (url == null || url.isBlank()) {
      return out;
    }
    String path;
    try {
      path = URI.create(url.strip().replace(" ", "%20")).getPath();
    } catch (IllegalArgumentException e) {
      return out;
    }
    if (path == null) {
      return out;
    }
    for (String seg : path.split("/")) {
      String s = seg.toLowerCase(Locale.ROOT);
      int dot = s.lastIndexOf('.');
      if (dot > 0) {
        s = s.substring(0, dot);
      }
      if (!s.isBlank()) {
        out.add(s);
      }
    }
    return out;
  }

  /** Words in the body. */
  public int words() {
    return bodyTokens.words();
  }
}
