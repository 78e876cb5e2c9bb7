package org.metshub.web;

import io.javalin.http.Context;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The headers every response carries, and the one way MetsHub sets cookies. The
 * Content-Security-Policy allows nothing but this site's own files: no inline script (the JSON-LD
 * block is data, which CSP does not run), no inline style, no third-party requests.
 */
final class SecurityHeaders {
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; "
          + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  /** HSTS for a year, sent only on responses that really travel over HTTPS. */
  static final String HSTS = "max-age=31536000";

  /** The headers of every response, also those Jetty writes itself ({@link JettyErrors}). */
  static final Map<String, String> HEADERS = headers();

  private SecurityHeaders() {}

  private static Map<String, String> headers() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Security-Policy", CSP);
    h.put("X-Content-Type-Options", "nosniff");
    h.put("Referrer-Policy", "strict-origin-when-cross-origin");
    h.put("X-Frame-Options", "DENY");
    h.put("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    return Collections.unmodifiableMap(h);
  }

  static void apply(Context ctx) {
    HEADERS.forEach(ctx::header);
    if (secure(ctx)) {
      ctx.header("Strict-Transport-Security", HSTS);
    }
  }

  /**
   * True when the browser reached us over HTTPS: TLS on our own listener, or a trusted proxy that
   * says so ({@link WebServer} resolves {@code ctx.scheme()} with the trusted proxies; an {@code
   * X-Forwarded-Proto} from anyone else is ignored).
   */
  static boolean secure(Context ctx) {
    return "https".equals(ctx.scheme());
  }

  /** The scheme of a request: X-Forwarded-Proto only from a trusted proxy. */
  static String scheme(String peer, String actual, String forwardedProto, TrustedProxies proxies) {
    if (forwardedProto != null && proxies.trusts(peer)) {
      String p = forwardedProto.split(",")[0].strip().toLowerCase(Locale.ROOT);
      if (p.equals("https") || p.equals("http")) {
        return p;
      }
    }
    return actual.toLowerCase(Locale.ROOT);
  }

  /** Sets a cookie: HttpOnly, SameSite=Lax, Secure over HTTPS; the value must be a token. */
  static void cookie(Context ctx, String name, String value, int maxAgeSeconds) {
    if (!value.matches("[A-Za-z0-9_-]*")) {
      throw new IllegalArgumentException("cookie values are tokens, got '" + value + "'");
    }
    ctx.res()
        .addHeader(
            "Set-Cookie",
            name
                + "="
                + value
                + "; Path=/; Max-Age="
                + maxAgeSeconds
                + "; HttpOnly; SameSite=Lax"
                + (secure(ctx) ? "; Secure" : ""));
  }
}
