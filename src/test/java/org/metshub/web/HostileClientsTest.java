package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, defects 2, 3, 10, 12 and 13, one regression test each: what a hostile or careless
 * client sends gets a 4xx from the application's own error rendering, never a 500 with a stack
 * trace; forwarded headers count only from trusted proxies; links never carry the request's Host
 * header; the JSON API reads strictly.
 */
class HostileClientsTest {
  private static WebServer plain;

  @BeforeAll
  static void start() {
    plain = HostileSite.start(HostileSite.defaults());
  }

  @AfterAll
  static void stop() {
    plain.close();
  }

  private static RawHttp.Reply send(
      WebServer server, String method, String path, String headers, String body) {
    return RawHttp.exchange(
        server.port(),
        method
            + " "
            + path
            + " HTTP/1.1\r\n"
            + "Host: 127.0.0.1\r\n"
            + headers
            + (body.isEmpty()
                ? ""
                : "Content-Length: "
                    + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    + "\r\n")
            + "Connection: close\r\n\r\n"
            + body);
  }

  private static void assertRenderedByTheApp(RawHttp.Reply r) {
    assertThat(r.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.CSP);
    assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(r.body())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContainIgnoringCase("jetty");
  }

  // -- defect 2: malformed multipart and chunked bodies -------------------------------------

  @Test
  void multipartWithoutBoundaryIsRefusedNotA500OnEveryForm() {
    try (LogCapture log = new LogCapture(org.slf4j.Logger.ROOT_LOGGER_NAME)) {
      for (String path : List.of("/feedback", "/suggest", "/console/login")) {
        RawHttp.Reply r =
            send(plain, "POST", path, "Content-Type: multipart/form-data\r\n", "csrf=x&q=y");
        assertThat(r.status()).as(path).isEqualTo(415);
        assertRenderedByTheApp(r);
        assertThat(r.body()).contains("application/x-www-form-urlencoded");
      }
      assertThat(log.events()).noneMatch(e -> e.getThrowableProxy() != null);
      assertThat(log.events()).noneMatch(e -> e.getLevel() == Level.ERROR);
    }
  }

  @Test
  void malformedChunkedBodyOnTheApiIsA400ProblemWithoutAStackTrace() {
    try (LogCapture log = new LogCapture(org.slf4j.Logger.ROOT_LOGGER_NAME)) {
      RawHttp.Reply r =
          RawHttp.exchange(
              plain.port(),
              "POST /api/v1/answer HTTP/1.1\r\n"
                  + "Host: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{\"q\r\n0\r\n\r\n");
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
      assertRenderedByTheApp(r);
      assertThat(log.events()).noneMatch(e -> e.getThrowableProxy() != null);
    }
  }

  @Test
  void internalErrorsAreLoggedOncePerClientAndWindow() {
    LogLimit limit =
        new LogLimit(java.time.Duration.ofMinutes(1), org.metshub.testing.Fixtures.clock());
    assertThat(limit.admit("203.0.113.5", "internal")).isZero();
    assertThat(limit.admit("203.0.113.5", "internal")).isEqualTo(-1);
    assertThat(limit.admit("203.0.113.5", "internal")).isEqualTo(-1);
    assertThat(limit.admit("198.51.100.7", "internal")).isZero(); // another client
    assertThat(LogLimit.dropped(2)).contains("2 more");
  }

  // -- defect 3: forwarded headers only from trusted proxies --------------------------------

  @Test
  void forwardedProtoFromAnUntrustedClientIsIgnored() {
    RawHttp.Reply r = send(plain, "GET", "/console/login", "X-Forwarded-Proto: https\r\n", "");
    assertThat(r.status()).isEqualTo(200); // loopback over plain HTTP, as before
    assertThat(r.header("Strict-Transport-Security")).isNull();
    assertThat(r.headers().toString()).doesNotContain("Secure");
  }

  @Test
  void aTrustedProxySaysWhoTheClientIsAndWhetherItUsedHttps() {
    WebOptions behindProxy =
        HostileSite.defaults().withTrustedProxies(TrustedProxies.parse(List.of("127.0.0.1/32")));
    try (WebServer proxied = HostileSite.start(behindProxy)) {
      // A remote client over plain HTTP through the proxy: not loopback, not HTTPS.
      RawHttp.Reply remote =
          send(proxied, "GET", "/console/login", "X-Forwarded-For: 203.0.113.9\r\n", "");
      assertThat(remote.status()).isEqualTo(403);
      assertRenderedByTheApp(remote);
      // The same client over HTTPS (the proxy terminated TLS): served, with HSTS.
      RawHttp.Reply https =
          send(
              proxied,
              "GET",
              "/console/login",
              "X-Forwarded-For: 203.0.113.9\r\nX-Forwarded-Proto: https\r\n",
              "");
      assertThat(https.status()).isEqualTo(200);
      assertThat(https.header("Strict-Transport-Security")).isEqualTo(SecurityHeaders.HSTS);
    }
  }

  @Test
  void trustedProxiesParseCidrsAndPickTheRightMostUntrustedHop() {
    TrustedProxies t = TrustedProxies.parse(List.of("10.0.0.0/8", "::1/128", "192.168.1.7"));
    assertThat(t.trusts("10.20.30.40")).isTrue();
    assertThat(t.trusts("11.0.0.1")).isFalse();
    assertThat(t.trusts("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(t.trusts("192.168.1.8")).isFalse();
    assertThat(t.client("10.0.0.1", "6.6.6.6, 203.0.113.9, 10.0.0.2")).isEqualTo("203.0.113.9");
    assertThat(t.client("203.0.113.1", "6.6.6.6")).isEqualTo("203.0.113.1");
    assertThat(TrustedProxies.NONE.client("10.0.0.1", "6.6.6.6")).isEqualTo("10.0.0.1");
    assertThat(
            org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class,
                    () -> TrustedProxies.parse(List.of("proxy.example.org")))
                .getMessage())
        .contains("proxy.example.org");
    assertThat(
            org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class,
                    () -> TrustedProxies.parse(List.of("10.0.0.0/33")))
                .getMessage())
        .contains("0 to 32");
  }

  // -- defect 10: no Host header in links ---------------------------------------------------

  @Test
  void aForgedHostHeaderNeverReachesLinks() {
    for (String path :
        List.of("/robots.txt", "/sitemap.xml", "/news.atom", "/docs/bone-metastases")) {
      RawHttp.Reply r =
          RawHttp.exchange(
              plain.port(),
              "GET "
                  + path
                  + " HTTP/1.1\r\n"
                  + "Host: evil.example\r\nX-Forwarded-Host: evil.example\r\nConnection: close\r\n\r\n");
      assertThat(r.status()).as(path).isEqualTo(200);
      assertThat(r.body()).as(path).doesNotContain("evil.example");
    }
    RawHttp.Reply robots = send(plain, "GET", "/robots.txt", "", "");
    assertThat(robots.body())
        .contains("Sitemap: http://127.0.0.1:" + plain.port() + "/sitemap.xml");
  }

  @Test
  void publicUrlMakesEveryLinkAbsoluteOnIt() {
    WebOptions pub =
        HostileSite.defaults()
            .withPublicUrl(Optional.of(URI.create("https://metshub.example.org/")));
    try (WebServer server = HostileSite.start(pub)) {
      assertThat(send(server, "GET", "/robots.txt", "", "").body())
          .contains("Sitemap: https://metshub.example.org/sitemap.xml");
      assertThat(send(server, "GET", "/sitemap.xml", "", "").body())
          .contains("<loc>https://metshub.example.org/docs/");
      assertThat(send(server, "GET", "/news.atom", "", "").body())
          .contains("<link rel=\"self\" href=\"https://metshub.example.org/news.atom\"/>");
      assertThat(send(server, "GET", "/docs/bone-metastases", "", "").body())
          .contains("\"url\" : \"https://metshub.example.org/docs/bone-metastases\"");
    }
    // without it, JSON-LD and Atom links are relative
    assertThat(send(plain, "GET", "/docs/bone-metastases", "", "").body())
        .contains("\"url\" : \"/docs/bone-metastases\"");
    assertThat(send(plain, "GET", "/news.atom", "", "").body())
        .contains("<link rel=\"self\" href=\"/news.atom\"/>");
  }

  @Test
  void publicUrlMustBeAnAbsoluteHttpUrl() {
    for (String bad : List.of("metshub.example.org", "ftp://x.example", "https://x.example/?a=1")) {
      assertThat(
              org.junit.jupiter.api.Assertions.assertThrows(
                      IllegalArgumentException.class,
                      () -> WebOptions.checkPublicUrl(URI.create(bad)))
                  .getMessage())
          .contains(bad);
    }
  }

  // -- defect 12: Jetty's own refusals go through the app's rendering ----------------------

  @Test
  void jettysOwnErrorsCarryTheAppsPageAndHeaders() {
    record Case(String request, int status) {}
    String host = "Host: 127.0.0.1\r\nConnection: close\r\n\r\n";
    for (Case c :
        List.of(
            new Case("GET /" + "a".repeat(9000) + " HTTP/1.1\r\n" + host, 414),
            new Case("GET / HTTP/1.1\r\nX-Big: " + "b".repeat(20_000) + "\r\n" + host, 431),
            new Case("GET / HTTP/2.0\r\n" + host, 426),
            new Case("GET / HTTP/1.7\r\n" + host, 505),
            new Case("GET / HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n", 400),
            new Case("GET /a\u0001b HTTP/1.1\r\n" + host, 400),
            new Case("GET /docs/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\n" + host, 400),
            new Case("GET /api/v1/documents/..%2f..%2fx HTTP/1.1\r\n" + host, 400))) {
      RawHttp.Reply r = RawHttp.exchange(plain.port(), c.request());
      assertThat(r.status()).as(c.request().substring(0, 40)).isEqualTo(c.status());
      assertRenderedByTheApp(r);
    }
    RawHttp.Reply api =
        RawHttp.exchange(plain.port(), "GET /api/v1/documents/..%2f..%2fx HTTP/1.1\r\n" + host);
    assertThat(api.header("Content-Type")).startsWith("application/problem+json");
  }

  // -- defect 13: strict API parsing --------------------------------------------------------

  @Test
  void trailingJunkAfterTheJsonBodyIsRefused() {
    RawHttp.Reply r =
        send(
            plain,
            "POST",
            "/api/v1/answer",
            "Content-Type: application/json\r\n",
            "{\"question\": \"bone pain\"} {\"x\": 1}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("not valid JSON");
    RawHttp.Reply dup =
        send(
            plain,
            "POST",
            "/api/v1/answer",
            "Content-Type: application/json\r\n",
            "{\"question\": \"a\", \"question\": \"b\"}");
    assertThat(dup.status()).isEqualTo(400);
  }

  @Test
  void theMediaTypeMustBeJsonExactlyWithParametersAllowed() {
    String body = "{\"question\": \"what is oligometastatic disease\"}";
    assertThat(
            send(
                    plain,
                    "POST",
                    "/api/v1/answer",
                    "Content-Type: application/json; charset=UTF-8\r\n",
                    body)
                .status())
        .isEqualTo(200);
    for (String type :
        List.of(
            "application/jsonx",
            "application/json-patch+json",
            "application/json; charset=iso-8859-1",
            "text/plain",
            "application/json;;x")) {
      RawHttp.Reply r =
          send(plain, "POST", "/api/v1/answer", "Content-Type: " + type + "\r\n", body);
      assertThat(r.status()).as(type).isEqualTo(415);
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }
  }

  @Test
  void aBadValueIsEchoedAtMostEightyCharacters() {
    String longMode = "m".repeat(400);
    RawHttp.Reply mode = send(plain, "GET", "/api/v1/search?q=bone&mode=" + longMode, "", "");
    assertThat(mode.status()).isEqualTo(400);
    assertThat(mode.body()).contains("m".repeat(80)).doesNotContain("m".repeat(81));
    String longToken = "t".repeat(400);
    RawHttp.Reply json =
        send(
            plain,
            "POST",
            "/api/v1/answer",
            "Content-Type: application/json\r\n",
            "{\"question\": " + longToken + "}");
    assertThat(json.status()).isEqualTo(400);
    assertThat(json.body()).doesNotContain("t".repeat(81));
    RawHttp.Reply type =
        send(
            plain,
            "POST",
            "/api/v1/answer",
            "Content-Type: application/" + "x".repeat(300) + "\r\n",
            "{}");
    assertThat(type.body()).doesNotContain("x".repeat(81));
  }

  @Test
  void mediaTypesAreParsedStrictly() {
    assertThat(MediaType.parse("Application/JSON; Charset=\"utf-8\""))
        .get()
        .satisfies(
            m -> {
              assertThat(m.essence()).isEqualTo("application/json");
              assertThat(m.parameter("charset")).contains("utf-8");
            });
    assertThat(MediaType.parse("application/json garbage")).isEmpty();
    assertThat(MediaType.parse("application")).isEmpty();
    assertThat(MediaType.parse("a/b; x=1; x=2")).isEmpty();
  }
}
