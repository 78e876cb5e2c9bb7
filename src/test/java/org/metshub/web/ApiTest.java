package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The JSON API under /api/v1 and the probes, through the real routing. */
class ApiTest {
  static final TestSite site = TestSite.get();
  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }

  /** Asserts an RFC 9457 problem with the status and a detail containing {@code detail}. */
  static void problem(HttpResponse<String> r, int status, String detail) {
    assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/problem+json"));
    JsonNode p = json(r);
    assertThat(p.path("type").asText()).isNotEmpty();
    assertThat(p.path("title").asText()).isNotEmpty();
    assertThat(p.path("status").asInt()).isEqualTo(status);
    assertThat(p.path("detail").asText()).contains(detail);
    assertThat(r.body()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void searchReturnsHitsFacetsAndPaging() {
    JsonNode r = json(site.get("/api/v1/search?q=bone+pain&pageSize=5&cancerType=breast"));
    assertThat(r.path("total").asLong()).isPositive();
    assertThat(r.path("hits")).hasSizeLessThanOrEqualTo(5);
    JsonNode hit = r.path("hits").get(0);
    assertThat(hit.path("docId").asText()).isNotEmpty();
    assertThat(hit.path("page").asText()).startsWith("/docs/");
    assertThat(hit.path("cancerTypes").toString()).contains("breast");
    assertThat(r.path("facets").has("cancerType")).isTrue();
    assertThat(json(site.get("/api/v1/search?q=bone&mode=lexical")).path("mode").asText())
        .isEqualTo("lexical");
  }

  @Test
  void searchRejectsBadInputWithProblems() {
    problem(site.get("/api/v1/search?q=" + "x".repeat(501)), 400, "at most 500 characters");
    problem(site.get("/api/v1/search?q=bone&pageSize=51"), 400,
        "pageSize must be between 1 and 50, got 51");
    problem(site.get("/api/v1/search?q=bone&site=moon"), 400, "unknown site 'moon'");
    problem(site.get("/api/v1/search?q=bone&reviewState=stale"), 400,
        "it must be one of [current, due-soon, overdue, unscheduled]");
    problem(site.get("/api/v1/search?q=bone&mode=magic"), 400,
        "mode must be lexical, semantic or hybrid");
    problem(site.get("/api/v1/search?q=bone&page=0"), 400, "page must be between 1 and 1000");
  }

  @Test
  void retrieveReturnsPassagesWithCitationAndTrust() {
    JsonNode r = json(site.get("/api/v1/retrieve?q=bone+metastasis&k=3&language=en"));
    assertThat(r.path("passages")).hasSizeBetween(1, 3);
    JsonNode p = r.path("passages").get(0);
    assertThat(p.path("text").asText()).isNotEmpty();
    assertThat(p.path("citation").path("title").asText()).isNotEmpty();
    assertThat(p.path("trust").path("reviewState").asText()).isNotEmpty();
    assertThat(p.path("trust").has("quotable")).isTrue();
    problem(site.get("/api/v1/retrieve?q=bone&k=51"), 400, "k must be between 1 and 50");
    problem(site.get("/api/v1/retrieve?k=5"), 400, "q is required");
  }

  @Test
  void answerByGetAndPost() {
    JsonNode got = json(site.get("/api/v1/answer?q=what+is+bone+metastasis"));
    // The hashing embedder of the tests keeps the evidence gate shut; the shape is the point.
    assertThat(got.path("outcome").asText()).isIn("answered", "abstained");
    assertThat(got.path("disclaimer").asText()).isNotEmpty();
    HttpResponse<String> posted = site.post("/api/v1/answer", "application/json",
        "{\"question\": \"¿Qué es la metástasis en los huesos?\", \"lang\": \"es\", "
            + "\"country\": \"es\"}");
    assertThat(posted.statusCode()).isEqualTo(200);
    JsonNode a = json(posted);
    assertThat(a.path("language").asText()).isEqualTo("es");
    String id = a.path("conversationId").asText();
    assertThat(id).isNotEmpty();
    JsonNode follow = json(site.post("/api/v1/answer", "application/json",
        "{\"question\": \"and what helps the pain?\", \"conversationId\": \"" + id + "\"}"));
    assertThat(follow.path("conversationId").asText()).isEqualTo(id);
    JsonNode urgent = json(site.post("/api/v1/answer", "application/json",
        "{\"question\": \"I want to end my life\"}"));
    assertThat(urgent.path("outcome").asText()).isEqualTo("urgent");
  }

  @Test
  void answerRejectsBadBodies() {
    problem(site.post("/api/v1/answer", "application/json", "{\"question\": "), 400,
        "not valid JSON");
    problem(site.post("/api/v1/answer", "application/json", "[1, 2]"), 400,
        "must be a JSON object");
    problem(site.post("/api/v1/answer", "application/json", "{}"), 400,
        "the field 'question' is required");
    problem(site.post("/api/v1/answer", "application/json", "{\"question\": 42}"), 400,
        "must be a string");
    problem(site.post("/api/v1/answer", "application/json",
        "{\"question\": \"" + "q".repeat(501) + "\"}"), 400, "at most 500 characters");
    problem(site.post("/api/v1/answer", "application/json",
        "{\"question\": \"what is it\", \"lang\": \"fr\"}"), 400, "language must be en or es");
    problem(site.post("/api/v1/answer", "text/plain", "what is it"), 415, "application/json");
    HttpResponse<String> big = answerOfOversizeUpload(HttpRequest.newBuilder(
        site.uri("/api/v1/answer")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"question\": \"" + "x".repeat(20_000) + "\"}")).build());
    problem(big, 413, "at most 16384 bytes");
    problem(site.get("/api/v1/answer?q=what+is+it&country=Spain"), 400, "two-letter");
  }

  @Test
  void oversizeChunkedBodyIsRefusedToo() {
    HttpRequest r = HttpRequest.newBuilder(site.uri("/api/v1/answer"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
            ("{\"question\": \"" + "y".repeat(40_000) + "\"}").getBytes())))
        .build();
    assertThat(answerOfOversizeUpload(r).statusCode()).isEqualTo(413);
  }

  /**
   * Sends an upload the server refuses for its size. The server answers 413 and closes while
   * the client may still be sending; the close can then reset the connection before the client
   * reads the answer (a TCP race, not a server fault: CI saw it for both fixed-length and
   * chunked bodies), so a reset attempt is tried again, up to 5 times. The caller checks the
   * answer that arrives.
   */
  static HttpResponse<String> answerOfOversizeUpload(HttpRequest r) {
    java.io.UncheckedIOException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        return site.send(r);
      } catch (java.io.UncheckedIOException reset) {
        last = reset;
      }
    }
    throw new AssertionError("no answer to an oversize upload in 5 attempts", last);
  }

  @Test
  void documentsFacetsDirectoryAndProbes() {
    JsonNode d = json(site.get("/api/v1/documents/metastasis-en-el-cerebro"));
    assertThat(d.path("language").asText()).isEqualTo("es");
    assertThat(d.path("translations").path("en").asText()).isEqualTo("brain-metastases");
    assertThat(d.path("html").asText()).doesNotContain("<script").contains("<h2");
    problem(site.get("/api/v1/documents/nope-nope"), 404, "no document with id 'nope-nope'");
    problem(site.get("/api/v1/documents/..%2fsecret"), 400, "a document id is");
    JsonNode f = json(site.get("/api/v1/facets"));
    assertThat(f.path("facets").path("language").toString()).contains("\"es\"");
    JsonNode dir = json(site.get("/api/v1/directory?country=ES"));
    assertThat(dir.path("total").asInt()).isPositive();
    problem(site.get("/api/v1/directory?country=Spain"), 400,
        "unknown country 'Spain'; valid values: AR, AU, CA");
    assertThat(json(site.get("/healthz")).path("status").asText()).isEqualTo("ok");
    assertThat(json(site.get("/readyz")).path("status").asText()).isEqualTo("ready");
  }

  @Test
  void wrongMethodsAndUnknownRoutesAreProblems() {
    problem(site.send(HttpRequest.newBuilder(site.uri("/api/v1/search")).DELETE().build()),
        405, "DELETE is not allowed on /api/v1/search");
    problem(site.post("/api/v1/search", "application/json", "{}"), 405, "POST is not allowed");
    problem(site.get("/api/v1/nothing"), 404, "there is nothing at /api/v1/nothing");
  }

  @Test
  void openApiDocumentIsValidAndDescribesEveryRoute() {
    HttpResponse<String> r = site.get("/api/v1/openapi.json");
    assertThat(r.statusCode()).isEqualTo(200);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(r.body());
    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    assertThat(parsed.getOpenAPI().getPaths()).containsKeys("/api/v1/search",
        "/api/v1/retrieve", "/api/v1/answer", "/api/v1/documents/{id}", "/api/v1/facets",
        "/api/v1/directory", "/healthz", "/readyz");
    for (String path : parsed.getOpenAPI().getPaths().keySet()) {
      String concrete = path.replace("{id}", "bone-metastases");
      if (!concrete.endsWith("retrieve") && !concrete.endsWith("answer")) {
        assertThat(site.get(concrete).statusCode()).as(concrete).isEqualTo(200);
      }
    }
  }
}
