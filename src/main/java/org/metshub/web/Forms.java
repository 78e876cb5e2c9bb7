package org.metshub.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.metshub.curation.Sessions;

/**
 * What every HTML form shares: a CSRF token, and per-client rate limits.
 *
 * <p>Public forms (feedback, suggest a resource, the console login) use a double-submit token: the
 * page sets a random {@code mh_form} cookie (HttpOnly, SameSite=Lax) and puts the same value in a
 * hidden {@code csrf} field; a POST whose field and cookie differ is refused with 403. A cross-site
 * page can make the browser send the cookie but cannot read it to fill the field. Console forms use
 * the token of the curator's session instead.
 */
final class Forms {
  static final String COOKIE = "mh_form";
  static final String FIELD = "csrf";
  private static final int COOKIE_SECONDS = 12 * 3600;

  private Forms() {}

  /** The form token of this browser, set as a cookie when it has none yet. */
  static String token(Context ctx) {
    String t = ctx.cookie(COOKIE);
    if (t != null && t.matches("[A-Za-z0-9_-]{43}")) {
      return t;
    }
    t = Sessions.randomToken();
    SecurityHeaders.cookie(ctx, COOKIE, t, COOKIE_SECONDS);
    return t;
  }

  /**
   * Refuses a POST that is not a URL-encoded form, or whose {@code csrf} field does not match its
   * cookie.
   */
  static void check(Context ctx, Ui ui) {
    checkMediaType(ctx);
    String cookie = ctx.cookie(COOKIE);
    String field = ctx.formParam(FIELD);
    if (cookie == null || field == null || !same(cookie, field)) {
      throw new WebException(403, "Forbidden", ui.t("form.expired"));
    }
  }

  /**
   * Refuses a POST whose body is not a URL-encoded form, the only kind MetsHub's pages send. Other
   * media types are a 415; {@code multipart/form-data} is refused too, so no hostile multipart body
   * reaches the container's parser (a form without its boundary used to end in a 500 with a stack
   * trace). A POST with no body needs no type.
   */
  static void checkMediaType(Context ctx) {
    String header = ctx.header("Content-Type");
    if (header == null && ctx.contentLength() <= 0 && ctx.header("Transfer-Encoding") == null) {
      return;
    }
    java.util.Optional<MediaType> type = MediaType.parse(header);
    if (type.isEmpty() || !type.get().essence().equals("application/x-www-form-urlencoded")) {
      throw new WebException(
          415,
          "Unsupported media type",
          "a form must be sent as "
              + "application/x-www-form-urlencoded, got '"
              + Text.clip(String.valueOf(header), 80)
              + "'");
    }
  }

  static boolean same(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
