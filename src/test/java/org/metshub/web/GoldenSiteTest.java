package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.metshub.App;
import org.metshub.answer.SafetyScreen;
import org.metshub.safety.SafetyPolicy;
import org.metshub.search.HashingEmbedder;
import org.metshub.testing.Fixtures;
import org.metshub.testing.Golden;

/**
 * Golden files for what the site emits for machines: the schema.org JSON-LD of document pages and
 * the Atom news feeds, as served over HTTP. The site runs on a small KB of its own ({@code
 * golden/site-kb}: an English page and its Spanish translation, two news items and a draft one), at
 * the fixed test date, on a public URL so that ids and links do not name a port; see {@link
 * Golden}. Answer pages carry no JSON-LD, so there is none to compare.
 */
class GoldenSiteTest {
  private static final Path DIR = Path.of("src/test/resources/golden");
  private static final Pattern JSON_LD =
      Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);

  @TempDir static Path data;
  private static App app;
  private static WebServer server;

  @BeforeAll
  static void start() {
    app =
        App.open(
            DIR.resolve("site-kb"),
            data,
            Fixtures.clock(),
            new HashingEmbedder(),
            SafetyScreen.policy(SafetyPolicy.bundled()));
    server =
        WebServer.start(
            app,
            Fixtures.clock(),
            "127.0.0.1",
            0,
            WebOptions.defaults("127.0.0.1", 0)
                .withPublicUrl(Optional.of(URI.create("https://metshub.example.org"))));
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  private static HttpResponse<String> get(String path) {
    HttpResponse<String> r =
        TestSite.send(
            java.net.http.HttpClient.newHttpClient(),
            java.net.http.HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + path))
                .build());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"night-bone-pain", "dolor-oseo-nocturno", "2026-10-02-breast-support-line"})
  void theJsonLdOfADocumentPage(String id) {
    Matcher m = JSON_LD.matcher(get("/docs/" + id).body());
    assertThat(m.find()).as("a JSON-LD script on /docs/%s", id).isTrue();
    Golden.check(DIR.resolve("json-ld/" + id + ".json"), m.group(1) + "\n");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/news.atom", "/news/breast.atom", "/news/colorectal.atom"})
  void anAtomFeed(String path) {
    HttpResponse<String> r = get(path);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValue("application/atom+xml; charset=utf-8");
    String name = path.substring(path.lastIndexOf('/') + 1).replace(".atom", "");
    Golden.check(DIR.resolve("atom/" + name + ".atom"), r.body());
  }
}
