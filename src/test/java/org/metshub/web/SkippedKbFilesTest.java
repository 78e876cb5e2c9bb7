package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.App;
import org.metshub.answer.SafetyScreen;
import org.metshub.safety.SafetyPolicy;
import org.metshub.search.HashingEmbedder;
import org.metshub.testing.Fixtures;

/**
 * Issue 14, defect 14: a KB file with errors was left out of the index, and only {@code validate}
 * said which: {@code serve} logged nothing about it and {@code /readyz} said nothing. Now the
 * start-up log and {@code /readyz} name each with its first error.
 */
class SkippedKbFilesTest {
  static final String BROKEN_LINE = "lastReviewed: 'someday'";

  /** A KB with one good document and one whose lastReviewed is not a date. */
  static Path brokenKb(Path dir) throws Exception {
    Path kb = dir.resolve("kb");
    Files.createDirectories(kb.resolve("learn"));
    Path good = Path.of("kb/learn/bone-metastases.md");
    Files.copy(good, kb.resolve("learn/bone-metastases.md"));
    String text =
        Files.readString(good)
            .replace("lastReviewed: '2026-11-22'", BROKEN_LINE)
            .replace("id: bone-metastases", "id: broken-copy");
    Files.writeString(kb.resolve("learn/broken-copy.md"), text);
    return kb;
  }

  @Test
  void theStartUpLogAndReadyzNameEachSkippedFileWithItsFirstError(@TempDir Path dir)
      throws Exception {
    Path kb = brokenKb(dir);
    try (App app =
        App.open(
            kb,
            dir.resolve("data"),
            Fixtures.clock(),
            new HashingEmbedder(),
            SafetyScreen.policy(SafetyPolicy.bundled()))) {
      WebServer server;
      try (LogCapture log = new LogCapture("ROOT")) {
        server = WebServer.start(app, Fixtures.clock(), "127.0.0.1", 0);
        assertThat(log.events())
            .anySatisfy(
                e ->
                    assertThat(e.getFormattedMessage())
                        .contains(
                            kb.resolve("learn/broken-copy.md").toString(),
                            "lastReviewed",
                            "someday"));
      }
      try {
        HttpResponse<String> r =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/readyz"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode ready = new ObjectMapper().readTree(r.body());
        assertThat(ready.get("status").asText()).isEqualTo("ready");
        assertThat(ready.get("skipped")).hasSize(1);
        JsonNode skipped = ready.get("skipped").get(0);
        assertThat(skipped.get("path").asText()).isEqualTo("learn/broken-copy.md");
        assertThat(skipped.get("error").asText()).contains("lastReviewed", "someday");
      } finally {
        server.close();
      }
    }
  }
}
