package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a seeded generator of malformed requests against every route. Each run sends a few
 * thousand requests on bare sockets (loopback only): junk in paths, queries, methods, versions,
 * headers, framing and bodies. Every reply must come from the application's error rendering: no 5xx
 * (505 only for an HTTP version we do not speak), the security headers, no stack trace or server
 * banner in the body, and problem documents under {@code /api/}. A failure prints the seed and the
 * request, so it can be replayed.
 */
class HostileRequestsFuzzTest {
  static final long SEED = Long.getLong("metshub.fuzz.seed", 14L);
  static final int REQUESTS = Integer.getInteger("metshub.fuzz.requests", 2500);

  static final List<String> GETS =
      List.of(
          "/",
          "/ask",
          "/ask?q=bone",
          "/search",
          "/search?q=liver",
          "/docs/bone-metastases",
          "/cancer-types/breast",
          "/sites/bone",
          "/directory",
          "/news",
          "/news.atom",
          "/news/breast.atom",
          "/sitemap.xml",
          "/robots.txt",
          "/suggest",
          "/suggest/thanks",
          "/console",
          "/console/login",
          "/console/submissions",
          "/console/submissions/1",
          "/console/reviews",
          "/console/docs/x/history",
          "/console/docs/x/diff",
          "/console/users",
          "/static/site.css",
          "/api/v1/openapi.json",
          "/api/v1/search?q=bone",
          "/api/v1/retrieve?q=bone",
          "/api/v1/answer?q=bone",
          "/api/v1/documents/bone-metastases",
          "/api/v1/facets",
          "/api/v1/directory",
          "/healthz",
          "/readyz");
  static final List<String> POSTS =
      List.of(
          "/feedback",
          "/suggest",
          "/console/login",
          "/console/logout",
          "/console/submissions/1/approve",
          "/console/reviews/x",
          "/api/v1/answer",
          "/ask",
          "/");
  static final List<String> PARAMS =
      List.of(
          "q",
          "page",
          "pageSize",
          "k",
          "mode",
          "lang",
          "country",
          "cancerType",
          "site",
          "audience",
          "docType",
          "ref",
          "c",
          "conversationId",
          "limit",
          "services");

  private static WebServer server;

  @BeforeAll
  static void start() {
    server =
        HostileSite.start(
            HostileSite.defaults().withLimits(64, Duration.ofSeconds(10), Duration.ofSeconds(10)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /**
   * One generated request: its bytes, its path, whether an HTTP version other than 1.x was used,
   * and whether its request line is broken (then the server cannot know the path, and an error
   * under /api/ may be a page rather than a problem document).
   */
  record Sent(byte[] bytes, String path, boolean oddVersion, boolean lineBroken) {
    String shown() {
      String s = new String(bytes, StandardCharsets.ISO_8859_1);
      s = s.length() > 600 ? s.substring(0, 600) + "…(" + s.length() + " bytes)" : s;
      return s.replace("\r", "\\r").replace("\n", "\\n\n");
    }
  }

  @Test
  void noMalformedRequestGetsA5xxAStackTraceOrAnUnstyledPage() {
    Random rnd = new Random(SEED);
    List<String> failures = new ArrayList<>();
    try (LogCapture log = new LogCapture(org.slf4j.Logger.ROOT_LOGGER_NAME)) {
      for (int i = 0; i < REQUESTS && failures.size() < 5; i++) {
        Sent sent = generate(rnd, server.port());
        log.clear();
        RawHttp.Reply r = RawHttp.exchange(server.port(), sent.bytes());
        String problem = check(sent, r);
        if (problem == null) {
          problem =
              log.events().stream()
                  .filter(
                      e ->
                          e.getThrowableProxy() != null
                              || (e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)
                                  && e.getLoggerName().startsWith("org.eclipse.jetty")))
                  .findFirst()
                  .map(
                      e ->
                          "logged "
                              + e.getLevel()
                              + " "
                              + e.getLoggerName()
                              + ": "
                              + RawHttp.clip(e.getFormattedMessage(), 300))
                  .orElse(null);
        }
        if (problem != null) {
          failures.add(
              "#"
                  + i
                  + " (seed "
                  + SEED
                  + "): "
                  + problem
                  + "\n--- request:\n"
                  + sent.shown()
                  + "\n--- reply "
                  + r.status()
                  + " "
                  + r.headers()
                  + "\n"
                  + RawHttp.clip(r.body(), 400));
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  static String check(Sent sent, RawHttp.Reply r) {
    if (r.status() == 0) {
      return "no HTTP reply";
    }
    if (r.status() >= 500 && !(r.status() == 505 && sent.oddVersion())) {
      return "status " + r.status();
    }
    for (String h :
        List.of(
            "Content-Security-Policy",
            "X-Content-Type-Options",
            "X-Frame-Options",
            "Referrer-Policy")) {
      if (r.header(h) == null) {
        return "no " + h + " header";
      }
    }
    String body = r.body();
    for (String leak :
        List.of(
            "\tat ",
            "Exception",
            "Caused by",
            "jetty",
            "Jetty",
            "javalin",
            "org.metshub",
            "Powered by")) {
      if (body.contains(leak)) {
        return "the body contains '" + leak + "'";
      }
    }
    if (r.status() >= 400
        && Errors.isApiPath(sent.path())
        && !sent.lineBroken()
        && !String.valueOf(r.header("Content-Type")).startsWith("application/problem+json")) {
      return "an API error that is not a problem document";
    }
    return null;
  }

  // -- the generator -----------------------------------------------------------------------

  static Sent generate(Random rnd, int port) {
    boolean post = rnd.nextInt(3) == 0;
    String path = post ? pick(rnd, POSTS) : pick(rnd, GETS);
    String method = post ? "POST" : "GET";
    String version = "HTTP/1.1";
    List<String> headers = new ArrayList<>(List.of("Host: 127.0.0.1:" + port));
    byte[] body = new byte[0];
    boolean oddVersion = false;
    int mutations = 1 + rnd.nextInt(3);
    for (int m = 0; m < mutations; m++) {
      switch (rnd.nextInt(10)) {
        case 0 -> path = mutatePath(rnd, path);
        case 1 -> path = addParams(rnd, path);
        case 2 ->
            method =
                pick(
                    rnd,
                    List.of(
                        "PUT",
                        "DELETE",
                        "PATCH",
                        "OPTIONS",
                        "TRACE",
                        "HEAD",
                        "FOO",
                        "get",
                        "POST",
                        "G\u00c9T",
                        "CONNECT"));
        case 3 -> {
          version =
              pick(
                  rnd,
                  List.of(
                      "HTTP/2.0",
                      "HTTP/3",
                      "HTTP/1.2",
                      "HTTP/0.9",
                      "HTTX/1.1",
                      "HTTP/1",
                      "http/1.1",
                      "HTTP/1.0",
                      ""));
          oddVersion = true;
        }
        case 4 -> mutateHeaders(rnd, headers, port);
        default -> {
          body = body(rnd, path, headers);
        }
      }
    }
    if (body.length > 0
        && headers.stream()
            .noneMatch(
                h ->
                    h.toLowerCase().startsWith("content-length:")
                        || h.toLowerCase().startsWith("transfer-encoding:"))) {
      headers.add("Content-Length: " + body.length);
    }
    headers.add("Connection: close");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String head =
        method
            + " "
            + path
            + (version.isEmpty() ? "" : " " + version)
            + "\r\n"
            + String.join("\r\n", headers)
            + "\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(body);
    String plainPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    boolean lineBroken =
        oddVersion
            || method.equals("CONNECT")
            || path.length() > 8000
            || !method.matches("[A-Za-z]+")
            || !path.startsWith("/")
            || !path.matches("[\\x21-\\x7e]*")
            || path.matches(".*%(?![0-9A-Fa-f]{2}).*");
    return new Sent(out.toByteArray(), plainPath, oddVersion, lineBroken);
  }

  static <T> T pick(Random rnd, List<T> xs) {
    return xs.get(rnd.nextInt(xs.size()));
  }

  static String junk(Random rnd) {
    return switch (rnd.nextInt(12)) {
      case 0 -> "%zz";
      case 1 -> "%00";
      case 2 -> "%C3%28"; // invalid UTF-8
      case 3 -> "x".repeat(1 + rnd.nextInt(3000));
      case 4 -> "99999999999999999999";
      case 5 -> "-1";
      case 6 -> "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
      case 7 -> "%E2%80%AE%F0%9F%98%80";
      case 8 -> "%0d%0aSet-Cookie:%20x=1";
      case 9 -> "";
      case 10 -> "..%2F..%2Fetc%2Fpasswd";
      default -> Long.toString(rnd.nextLong(), 36);
    };
  }

  static String mutatePath(Random rnd, String path) {
    String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    return switch (rnd.nextInt(14)) {
      case 0 -> p + "/%2e%2e/%2e%2e/etc/passwd";
      case 1 -> "/docs/..%2f..%2fsecret";
      case 2 -> p + "/" + "a".repeat(9000); // past Jetty's 8 KiB request line: 414
      case 3 -> p + "%";
      case 4 -> p + "/\u0000";
      case 5 -> p + "/a b";
      case 6 -> p + "\\..\\x";
      case 7 -> "//" + p;
      case 8 -> p + ";jsessionid=1";
      case 9 -> p + "/" + junk(rnd);
      case 10 -> "*";
      case 11 -> "http://evil.example" + p;
      case 12 -> p + "/<>\"{}|^`";
      default -> p + "/%ff%fe";
    };
  }

  static String addParams(Random rnd, String path) {
    StringBuilder sb = new StringBuilder(path).append(path.contains("?") ? "&" : "?");
    int n = 1 + rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : "&").append(pick(rnd, PARAMS)).append('=').append(junk(rnd));
    }
    if (rnd.nextInt(8) == 0) {
      sb.append("&&=&=x&%=%");
    }
    return sb.toString();
  }

  static void mutateHeaders(Random rnd, List<String> headers, int port) {
    switch (rnd.nextInt(16)) {
      case 0 -> headers.removeIf(h -> h.startsWith("Host:"));
      case 1 -> headers.add("Host: evil.example");
      case 2 -> headers.add(0, "Host: a b");
      case 3 -> headers.add(0, "Host: other.example");
      case 4 -> headers.add("X-Big: " + "b".repeat(20_000)); // 431
      case 5 -> headers.add("NoColonHere");
      case 6 -> headers.add("X-Folded: a\r\n  b");
      case 7 -> headers.add("Content-Length: -5");
      case 8 -> headers.add("Content-Length: abc");
      case 9 -> headers.add("Transfer-Encoding: gzip");
      case 10 -> headers.add("X-Forwarded-Proto: https\r\nX-Forwarded-For: 1.2.3.4, evil");
      case 11 -> headers.add("Cookie: mh_console=" + "z".repeat(64) + "; mh_form=%%%");
      case 12 -> headers.add("Accept-Language: " + "es;q=abc, *;q=" + "9".repeat(50));
      case 13 -> headers.add("Expect: 100-continue");
      case 14 -> headers.add("Bad\u0001Name: x");
      default -> headers.add("Content-Type: " + contentType(rnd));
    }
  }

  static String contentType(Random rnd) {
    return pick(
        rnd,
        List.of(
            "multipart/form-data",
            "multipart/form-data; boundary=",
            "multipart/form-data; boundary=zz",
            "multipart/form-data; boundary=\"unterminated",
            "application/json",
            "application/json; charset=iso-8859-1",
            "application/jsonx",
            "application/json;;;",
            "text/plain",
            "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=\u00ff",
            "*/*",
            "garbage",
            ""));
  }

  static byte[] body(Random rnd, String path, List<String> headers) {
    String chosen =
        switch (rnd.nextInt(12)) {
          case 0 -> {
            headers.add("Content-Type: multipart/form-data");
            yield "--x\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\nhi\r\n--x--\r\n";
          }
          case 1 -> {
            headers.add("Content-Type: multipart/form-data; boundary=x");
            yield pick(
                rnd,
                List.of(
                    "--x\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\nhi",
                    "garbage without parts",
                    "--x\r\n\r\n\r\n--y--",
                    "--x--\r\n",
                    "--x\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n\r\n"
                        + "z".repeat(20_000)
                        + "\r\n--x--"));
          }
          case 2 -> {
            headers.add("Content-Type: application/json");
            yield pick(
                rnd,
                List.of(
                    "{\"question\":\"bone\"} trailing",
                    "{\"question\":",
                    "[".repeat(5000),
                    "{\"question\": 1e99999}",
                    "{\"question\":[\"a\"]}",
                    "null",
                    "{\"question\":\"x\",\"question\":\"y\"}",
                    "\"just a string\"",
                    "{\"question\":\"" + "q".repeat(600) + "\"}",
                    "{\"lang\":{}}",
                    "{\"question\":\"bone\",\"country\":\"" + "Z".repeat(300) + "\"}"));
          }
          case 3 -> {
            headers.add("Content-Type: application/x-www-form-urlencoded");
            yield pick(
                rnd,
                List.of(
                    "%%%",
                    "a=%zz&b",
                    "=&=&==",
                    "csrf=" + "x".repeat(100),
                    "q=" + "y".repeat(16_000),
                    "username=admin&password=x&csrf=abc"));
          }
          case 4 -> {
            headers.add("Transfer-Encoding: chunked");
            headers.add("Content-Type: application/json");
            yield pick(
                rnd,
                List.of(
                    "zz\r\nabc\r\n0\r\n\r\n",
                    "5\r\nab",
                    "-1\r\n\r\n",
                    "ffffffffffffffffff\r\n",
                    "3\r\nabcdef\r\n0\r\n\r\n",
                    "0\r\nBad Trailer\r\n\r\n"));
          }
          case 5 -> {
            headers.add("Content-Length: 10");
            headers.add("Transfer-Encoding: chunked");
            yield "0\r\n\r\n";
          }
          case 6 -> {
            headers.add("Content-Length: 3");
            headers.add("Content-Length: 7");
            yield "abcdefg";
          }
          case 7 -> {
            headers.add("Content-Length: 20000");
            yield "q=" + "w".repeat(19_998);
          }
          case 8 -> {
            byte[] b = new byte[1 + rnd.nextInt(2000)];
            rnd.nextBytes(b);
            headers.add("Content-Type: " + contentType(rnd));
            headers.add("Content-Length: " + b.length);
            yield new String(b, StandardCharsets.ISO_8859_1);
          }
          default -> {
            headers.add("Content-Type: " + contentType(rnd));
            yield "q=bone&helpful=yes&csrf=x";
          }
        };
    return chosen.getBytes(StandardCharsets.ISO_8859_1);
  }
}
