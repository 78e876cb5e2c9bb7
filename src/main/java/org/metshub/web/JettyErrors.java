package org.metshub.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error handler, for requests Jetty refuses before the application sees them (a URI or
 * headers too long, an unknown HTTP version, a bad Host, illegal characters, an ambiguous path such
 * as an encoded {@code ..}): the same page or problem document as {@link Errors} renders, with the
 * same security headers, and never Jetty's own page with its version and message. Stateless;
 * thread-safe.
 */
final class JettyErrors implements Request.Handler {
  private final Site site;

  JettyErrors(Site site) {
    this.site = site;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus() < 400 ? 500 : response.getStatus();
    String path = "/";
    try {
      String p = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
      path = p == null || p.isEmpty() ? "/" : p;
    } catch (RuntimeException e) {
      // a URI Jetty could not parse: name no path
    }
    String[] page = Errors.outside(site, status, path);
    for (Map.Entry<String, String> h : SecurityHeaders.HEADERS.entrySet()) {
      response.getHeaders().put(h.getKey(), h.getValue());
    }
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, page[0]);
    response.write(true, ByteBuffer.wrap(page[1].getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }
}
