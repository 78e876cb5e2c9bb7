package org.metshub.web;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.metshub.App;
import org.metshub.Config;
import org.metshub.answer.SafetyScreen;
import org.metshub.curation.Role;
import org.metshub.safety.SafetyPolicy;
import org.metshub.search.HashingEmbedder;
import org.metshub.store.Database;
import org.metshub.testing.Fixtures;
import org.metshub.testing.TestDatabases;

/**
 * A server for the curation tests: a copy of the bundled KB in a temporary folder (approvals write
 * into it), a fresh store of the given vendor, the hashing embedder, a free port, and two accounts:
 * {@code ada} (admin) and {@code cy} (curator), password {@link #PASSWORD}.
 */
final class ConsoleSite implements AutoCloseable {
  static final String PASSWORD = "correct horse battery staple";

  final Path kb;
  final App app;
  final WebServer server;

  ConsoleSite(String vendor, Path dir) {
    this(vendor, dir, 1000, 1000);
  }

  /** With the given rate limits (the tests' clock stands still, so the defaults would trip). */
  ConsoleSite(String vendor, Path dir, int suggestionsPerHour, int loginsPerMinute) {
    this.kb = dir.resolve("kb");
    copy(Path.of("kb"), kb);
    Database db = TestDatabases.open(vendor, dir);
    this.app =
        App.open(
            kb,
            dir.resolve("data"),
            Fixtures.clock(),
            new HashingEmbedder(),
            SafetyScreen.policy(SafetyPolicy.bundled()),
            db);
    app.users().add("ada", PASSWORD, Role.ADMIN, "test");
    app.users().add("cy", PASSWORD, Role.CURATOR, "test");
    // As behind a TLS-terminating proxy on the same host: X-Forwarded-Proto from loopback
    // counts (the tests of the Secure cookie send it).
    this.server =
        WebServer.start(
            app,
            Fixtures.clock(),
            "127.0.0.1",
            0,
            WebOptions.defaults("127.0.0.1", 0)
                .withTrustedProxies(TrustedProxies.parse(List.of("127.0.0.1/32")))
                .withRateLimits(
                    new Config.Limits(
                        suggestionsPerHour,
                        Config.Limits.DEFAULT.feedbackPerHour(),
                        loginsPerMinute)));
  }

  @Override
  public void close() {
    server.close();
    app.close();
  }

  Client client() {
    return new Client();
  }

  /** A browser-like client: its own cookie jar, no redirects followed. */
  final class Client {
    final HttpClient http;
    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    Client() {
      http =
          HttpClient.newBuilder()
              .cookieHandler(cookies)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
    }

    URI uri(String path) {
      return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** POSTs a form; list values become repeated fields. */
    HttpResponse<String> post(String path, Map<String, ?> fields, String... headers) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(uri(path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
      if (headers.length > 0) {
        b.headers(headers);
      }
      return send(b.build());
    }

    HttpResponse<String> send(HttpRequest r) {
      return TestSite.send(http, r);
    }

    /** The csrf hidden field of the page at {@code path}. */
    String csrf(String path) {
      return csrfOf(get(path).body());
    }

    /** Logs in; returns the response to the login POST. */
    HttpResponse<String> login(String user, String password) {
      String token = csrf("/console/login");
      return post("/console/login", Map.of("csrf", token, "username", user, "password", password));
    }

    Client loggedIn(String user) {
      HttpResponse<String> r = login(user, PASSWORD);
      if (r.statusCode() != 303) {
        throw new AssertionError(
            "login of " + user + " failed: " + r.statusCode() + "\n" + r.body());
      }
      return this;
    }
  }

  static String csrfOf(String html) {
    return org.metshub.testing.WebForms.csrfOf(html);
  }

  static String encode(Map<String, ?> fields) {
    return org.metshub.testing.WebForms.encode(fields);
  }

  static void copy(Path from, Path to) {
    org.metshub.testing.TestFiles.copyTree(from, to);
  }
}
