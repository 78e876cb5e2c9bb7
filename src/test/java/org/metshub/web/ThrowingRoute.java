package org.metshub.web;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.metshub.testing.Fixtures;

/**
 * A server with the site's own error handling ({@link Errors}) and two routes that throw the
 * failure they are given, one under the API ({@code /api/v1/throw}) and one page ({@code /throw}),
 * for tests of the status table from outside this package. Close it after use.
 */
public final class ThrowingRoute implements AutoCloseable {
  private final AtomicReference<RuntimeException> next = new AtomicReference<>();
  private final Javalin javalin;

  /** A response: its status, content type and body. */
  public record Response(int status, String contentType, String body) {}

  public ThrowingRoute() {
    Site site =
        WebServer.site(TestSite.get().app, Fixtures.clock(), WebOptions.defaults("127.0.0.1", 0));
    javalin =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.startup.showOldJavalinVersionWarning = false;
                  Errors.register(config.routes, site);
                  config.routes.get(
                      "/api/v1/throw",
                      ctx -> {
                        throw next.get();
                      });
                  config.routes.get(
                      "/throw",
                      ctx -> {
                        throw next.get();
                      });
                })
            .start("127.0.0.1", 0);
  }

  /** GETs {@code path} ({@code /api/v1/throw} or {@code /throw}), which throws {@code failure}. */
  public Response get(String path, RuntimeException failure) {
    next.set(failure);
    HttpResponse<String> r =
        TestSite.send(
            TestSite.get().http,
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + javalin.port() + path))
                .GET()
                .build());
    return new Response(
        r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
