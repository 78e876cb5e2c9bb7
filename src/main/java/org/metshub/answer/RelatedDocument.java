package org.metshub.answer;

/**
 * A document offered next to an answer (or instead of one): id, title and link, and, for the
 * closest pages of an abstention, the section the answer path ranked first on that page (its
 * heading and anchor; empty when a page is offered as a whole).
 */
public record RelatedDocument(
    String docId, String title, String url, String heading, String anchor) {

  /** A page offered as a whole. */
  public RelatedDocument(String docId, String title, String url) {
    this(docId, title, url, "", "");
  }
}
