package org.metshub.kb;

import java.util.List;

/**
 * A part of a document body under one heading: the path of headings above it (outermost first,
 * empty headings left out), its plain text (paragraphs separated by blank lines, list items on
 * lines of their own), its links, the file line where it starts, and the questions its curators say
 * it answers (front matter {@code questions}, see {@link SectionQuestions}). Immutable.
 */
public record Section(
    List<String> headingPath, String text, List<Link> links, int line, List<String> questions) {
  public Section {
    headingPath = List.copyOf(headingPath);
    links = List.copyOf(links);
    text = text == null ? "" : text;
    questions = List.copyOf(questions);
  }

  /** A section no curator has written questions for. */
  public Section(List<String> headingPath, String text, List<Link> links, int line) {
    this(headingPath, text, links, line, List.of());
  }

  /** A copy that answers these questions. */
  public Section withQuestions(List<String> asked) {
    return new Section(headingPath, text, links, line, asked);
  }

  /** The headings joined for display: {@code Treatment › Radiation}. */
  public String heading() {
    return String.join(" › ", headingPath);
  }

  /** The innermost heading, or an empty string for text before the first heading. */
  public String title() {
    return headingPath.isEmpty() ? "" : headingPath.getLast();
  }

  /**
   * The id of this section's heading on the document page ({@code #how-it-is-treated}), so an
   * answer can link to the whole section.
   */
  public String anchor() {
    return slug(title());
  }

  /** A heading as a URL fragment: lower case, accents dropped, runs of other characters "-". */
  public static String slug(String heading) {
    String s =
        java.text.Normalizer.normalize(heading, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "section" : s;
  }
}
