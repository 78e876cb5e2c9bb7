package org.metshub.web;

/**
 * A request the web layer refuses, with the HTTP status, a short title and a detail that names
 * the input, the rule and the bad value. {@link Errors} turns it into a problem document for the
 * API and a friendly page for people.
 */
public final class WebException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String title;

  public WebException(int status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  public static WebException badRequest(String detail) {
    return new WebException(400, "Bad request", detail);
  }

  public static WebException notFound(String detail) {
    return new WebException(404, "Not found", detail);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
