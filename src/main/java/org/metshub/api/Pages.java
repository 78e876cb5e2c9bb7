package org.metshub.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The addresses of the site's pages that JSON and terminal output name, so the site's routes are
 * spelled in one place for the web pages, the API and the CLI.
 */
public final class Pages {
  private Pages() {}

  /** The page of a KB document: {@code /docs/bone-metastases}. */
  public static String doc(String id) {
    return "/docs/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }
}
