package org.metshub.web;

/**
 * What the page layout needs around every page: the interface strings, the page title, and the
 * link that shows the same page in the other language.
 */
public record Chrome(Ui ui, String title, String otherLangHref, String section) {
  public String lang() {
    return ui.lang();
  }
}
