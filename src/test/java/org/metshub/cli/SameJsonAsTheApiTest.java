package org.metshub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.App;
import org.metshub.search.BgeSmallEmbedder;
import org.metshub.testing.Fixtures;
import org.metshub.web.WebServer;

/**
 * {@code search --json} and {@code ask --json} give a hit and an answer in the same JSON as {@code
 * /api/v1/search} and {@code /api/v1/answer}, field for field and in the same order: one server and
 * the CLI beside it, on the same small KB, index and clock.
 */
class SameJsonAsTheApiTest {
  @TempDir static Path dir;
  static Path kb;
  static Path data;
  static App app;
  static WebServer server;
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    kb = dir.resolve("kb");
    data = dir.resolve("data");
    Files.createDirectories(kb.resolve("learn"));
    for (String name :
        new String[] {"bone-metastases.md", "brain-metastases.md", "liver-metastases.md"}) {
      Files.copy(Path.of("kb/learn", name), kb.resolve("learn").resolve(name));
    }
    app =
        App.open(
            kb,
            data,
            Fixtures.clock(),
            new BgeSmallEmbedder(),
            Commands.safety(),
            App.Opening.DEFAULT,
            org.metshub.store.Database.sqlite(data.resolve("metshub.db")));
    server = WebServer.start(app, Fixtures.clock(), "127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  static JsonNode api(String pathAndQuery) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  static JsonNode cli(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--json", "--kb", kb.toString(), "--data", data.toString()));
    CliRun r = CliRun.of(all.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  static List<String> fields(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void searchJsonGivesEachHitAsTheApiDoes() throws Exception {
    JsonNode fromCli =
        cli("search", "bone pain", "--mode", "lexical", "--limit", "3").get("results");
    JsonNode fromApi = api("/api/v1/search?q=bone+pain&mode=lexical&pageSize=3").get("hits");
    assertThat(fromCli).isNotEmpty();
    assertThat(fields(fromCli.get(0)))
        .containsExactly(
            "docId",
            "passageId",
            "title",
            "heading",
            "snippet",
            "highlights",
            "page",
            "url",
            "source",
            "lastReviewed",
            "nextReviewDue",
            "reviewState",
            "license",
            "quotable",
            "status",
            "language",
            "docType",
            "audience",
            "cancerTypes",
            "sites",
            "score");
    assertThat(fromCli).isEqualTo(fromApi);
    // The snippet is text, the highlights point at the query's words in it.
    JsonNode hit = fromCli.get(0);
    String snippet = hit.get("snippet").asText();
    assertThat(snippet).doesNotContain("<mark>");
    assertThat(hit.get("highlights"))
        .isNotEmpty()
        .allSatisfy(
            h ->
                assertThat(
                        snippet
                            .substring(h.get("start").asInt(), h.get("end").asInt())
                            .toLowerCase(Locale.ROOT))
                    .matches("bones?|pain(ful)?"));
  }

  @Test
  void askJsonIsTheApisAnswer() throws Exception {
    String q = "what are the symptoms of liver metastases";
    ObjectNode fromCli = (ObjectNode) cli("ask", q);
    ObjectNode fromApi = (ObjectNode) api("/api/v1/answer?q=" + q.replace(' ', '+'));
    assertThat(fromCli.get("outcome").asText()).isEqualTo("answered");
    // Each asks in a conversation of its own.
    assertThat(fromCli.remove("conversationId").asText()).hasSize(22);
    assertThat(fromApi.remove("conversationId").asText()).hasSize(22);
    assertThat(fromCli).isEqualTo(fromApi);
  }
}
