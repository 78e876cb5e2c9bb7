package org.metshub.answer;

import java.util.List;

/**
 * A document offered next to an answer (or instead of one): id, title and link, and, for the
 * closest pages of an abstention, the sections the answer path ranked highest on that page, best
 * first (empty when a page is offered as a whole).
 */
public record RelatedDocument(String docId, String title, String url, List<Section> sections) {

  /** A section of the page: its heading and its anchor on the page (empty when it has none). */
  public record Section(String heading, String anchor) {}

  public RelatedDocument {
    sections = List.copyOf(sections);
  }

  /** A page offered as a whole. */
  public RelatedDocument(String docId, String title, String url) {
    this(docId, title, url, List.of());
  }

  /** A page offered at one of its sections. */
  public RelatedDocument(String docId, String title, String url, String heading, String anchor) {
    this(docId, title, url, List.of(new Section(heading, anchor)));
  }

  /** The heading of the best section offered, or empty. */
  public String heading() {
    return sections.isEmpty() ? "" : sections.getFirst().heading();
  }

  /** The anchor of the best section offered, or empty. */
  public String anchor() {
    return sections.isEmpty() ? "" : sections.getFirst().anchor();
  }

  /** The same page with one more section offered after the others. */
  RelatedDocument with(Section more) {
    List<Section> all = new java.util.ArrayList<>(sections);
    all.add(more);
    return new RelatedDocument(docId, title, url, all);
  }
}
