package org.metshub.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.metshub.App;
import org.metshub.answer.SafetyScreen;
import org.metshub.safety.SafetyPolicy;
import org.metshub.search.HashingEmbedder;
import org.metshub.testing.Fixtures;

/**
 * One server for the web tests: the bundled KB, the small hashing embedder, a data folder under
 * target, the real routing on a free port. Started once per JVM, stopped at exit.
 */
final class TestSite {
  static final Path DATA = Path.of("target/web-test-data");
  private static TestSite instance;

  final App app;
  final WebServer server;
  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private TestSite() {
    freshDatabase(DATA);
    app =
        App.open(
            Path.of("kb"),
            DATA,
            Fixtures.clock(),
            new HashingEmbedder(),
            SafetyScreen.policy(SafetyPolicy.bundled()));
    server = WebServer.start(app, Fixtures.clock(), "127.0.0.1", 0);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  app.close();
                }));
  }

  /**
   * Starts each run with an empty database beside the reused index: the test clock never moves, so
   * rows kept from earlier runs (rate-limit counts, feedback) would pile up.
   */
  static void freshDatabase(Path data) {
    for (String f : new String[] {"metshub.db", "metshub.db-wal", "metshub.db-shm"}) {
      try {
        java.nio.file.Files.deleteIfExists(data.resolve(f));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  static synchronized TestSite get() {
    if (instance == null) {
      instance = new TestSite();
    }
    return instance;
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  HttpResponse<String> get(String pathAndQuery, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b.build());
  }

  HttpResponse<String> post(String path, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  HttpResponse<String> send(HttpRequest r) {
    return send(http, r);
  }

  /** Sends with {@code client}, the body as a string; I/O failures unchecked. */
  static HttpResponse<String> send(HttpClient client, HttpRequest r) {
    try {
      return client.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The form token of a page: GETs {@code path} and returns the {@code mh_form} cookie's value (the
   * same value the page puts in its hidden csrf field) as a Cookie header value.
   */
  String[] formToken(String path) {
    HttpResponse<String> r = get(path);
    String cookie =
        r.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("mh_form="))
            .findFirst()
            .orElseThrow(() -> new AssertionError(path + " set no form cookie"));
    String token = cookie.substring("mh_form=".length(), cookie.indexOf(';'));
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"")
            .matcher(r.body());
    if (!m.find() || !m.group(1).equals(token)) {
      throw new AssertionError(path + " has no csrf field matching its cookie");
    }
    return new String[] {"mh_form=" + token, token};
  }

  HttpResponse<String> postForm(String path, String cookie, String body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookie)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
