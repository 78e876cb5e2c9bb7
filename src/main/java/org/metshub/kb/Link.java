package org.metshub.kb;

/**
 * A link in a document body: its text and its target, made absolute against the document's {@code
 * url} when the body gives a site-relative path.
 */
public record Link(String text, String href) {
  public Link {
    text = text == null ? "" : text;
    href = href == null ? "" : href;
  }
}
