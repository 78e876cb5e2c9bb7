package org.metshub.web;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * The headers every response carries, and the one way MetsHub sets cookies. The
 * Content-Security-Policy allows nothing but this site's own files: no inline script (the
 * JSON-LD block is data, which CSP does not run), no inline style, no third-party requests.
 */
final class SecurityHeaders {
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  private SecurityHeaders() {}

  static void apply(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  }

  /** True when the browser reached us over HTTPS, directly or through a proxy. */
  static boolean secure(Context ctx) {
    String proto = ctx.header("X-Forwarded-Proto");
    return "https".equalsIgnoreCase(ctx.scheme())
        || (proto != null && "https".equals(proto.strip().toLowerCase(Locale.ROOT)));
  }

  /** Sets a cookie: HttpOnly, SameSite=Lax, Secure over HTTPS; the value must be a token. */
  static void cookie(Context ctx, String name, String value, int maxAgeSeconds) {
    if (!value.matches("[A-Za-z0-9_-]*")) {
      throw new IllegalArgumentException("cookie values are tokens, got '" + value + "'");
    }
    ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
        + "; HttpOnly; SameSite=Lax" + (secure(ctx) ? "; Secure" : ""));
  }
}
