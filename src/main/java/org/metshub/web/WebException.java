package org.metshub.web;

import java.util.Objects;

/**
 * A request the web layer refuses at the HTTP level, before or beside the domain: no session (401),
 * a forbidden page or an expired form (403), a body too slow, too large, unreadable or of the wrong
 * type (408, 413, 400, 415), too many requests (429). It has the status, a short title and a detail
 * that names the input, the rule and the bad value. Failures of the domain (bad input, not found
 * and the rest) are {@link org.metshub.error.MetsHubException}s, whose statuses come from {@link
 * Errors#status}. {@link Errors} turns both into a problem document for the API and a friendly page
 * for people.
 */
final class WebException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String title;

  public WebException(int status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  /** The detail, which every refusal has: the constructor takes it, never null. */
  @Override
  public String getMessage() {
    return Objects.requireNonNull(super.getMessage());
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
