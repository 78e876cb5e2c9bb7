package org.metshub.kb;

import java.util.List;

/**
 * A part of a document body under one heading: the path of headings above it (outermost first,
 * empty headings left out), its plain text (paragraphs separated by blank lines, list items on
 * lines of their own), its links and the file line where it starts. Immutable.
 */
public record Section(List<String> headingPath, String text, List<Link> links, int line) {
  public Section {
    headingPath = List.copyOf(headingPath);
    links = List.copyOf(links);
    text = text == null ? "" : text;
  }

  /** The headings joined for display: {@code Treatment › Radiation}. */
  public String heading() {
    return String.join(" › ", headingPath);
  }
}
