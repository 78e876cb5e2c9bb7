package org.metshub.web;

/**
 * What the page layout needs around every page: the interface strings, the page title, the link
 * that shows the same page in the other language, and the page's own absolute address when it
 * offers to share it (empty otherwise).
 */
public record Chrome(Ui ui, String title, String otherLangHref, String section, String shareUrl) {
  public Chrome(Ui ui, String title, String otherLangHref, String section) {
    this(ui, title, otherLangHref, section, "");
  }

  public String lang() {
    return ui.lang();
  }

  /** The same chrome, offering to share {@code url}. */
  public Chrome sharing(String url) {
    return new Chrome(ui, title, otherLangHref, section, url);
  }

  /** A {@code mailto:} link whose subject is the page title and whose body is its address. */
  public String mailto() {
    return "mailto:?subject="
        + Text.url(title + " · MetsHub").replace("+", "%20")
        + "&body="
        + Text.url(shareUrl).replace("+", "%20");
  }
}
