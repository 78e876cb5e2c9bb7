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
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.App;
import org.metshub.answer.SafetyScreen;
import org.metshub.safety.SafetyPolicy;
import org.metshub.search.Embedder;
import org.metshub.search.HashingEmbedder;
import org.metshub.search.IndexProgress;
import org.metshub.store.Database;
import org.metshub.testing.Fixtures;

/**
 * Issue 16, item 3: while a server's first index sync runs, the site already answers: {@code
 * /healthz} is up, {@code /readyz} says what is missing, and search pages say plainly that search
 * is being prepared instead of failing. The sync is held on a latch.
 */
class PreparingSearchTest {
  @TempDir Path dir;

  /** Embeds nothing until released. */
  static final class HeldEmbedder implements Embedder {
    final HashingEmbedder model = new HashingEmbedder();
    final CountDownLatch release = new CountDownLatch(1);

    public String modelId() {
      return model.modelId();
    }

    public int dimension() {
      return model.dimension();
    }

    public float[] embedQuery(String q) {
      return model.embedQuery(q);
    }

    public List<float[]> embedPassages(List<String> p) {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return model.embedPassages(p);
    }
  }

  private HttpResponse<String> get(WebServer server, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theSiteAnswersWhileTheIndexIsPreparedThenSearches() throws Exception {
    Path kb = dir.resolve("kb");
    Files.createDirectories(kb.resolve("learn"));
    Files.copy(Path.of("kb/learn/bone-metastases.md"), kb.resolve("learn/bone-metastases.md"));
    Path data = dir.resolve("data");
    HeldEmbedder embedder = new HeldEmbedder();
    try (App app =
        App.open(
            kb,
            data,
            Fixtures.clock(),
            embedder,
            SafetyScreen.policy(SafetyPolicy.bundled()),
            new App.Opening(false, false, /* syncInBackground= */ true, IndexProgress.NONE),
            Database.sqlite(data.resolve("metshub.db")))) {
      WebServer server = WebServer.start(app, Fixtures.clock(), "127.0.0.1", 0);
      try {
        assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = get(server, "/readyz");
        assertThat(ready.statusCode()).isEqualTo(503);
        JsonNode j = new ObjectMapper().readTree(ready.body());
        assertThat(j.get("status").asText()).isEqualTo("preparing");
        assertThat(j.get("missing").asText()).contains("search index");

        HttpResponse<String> page = get(server, "/search?q=bone");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).contains("10");
        assertThat(page.body()).contains("Search is being prepared");
        HttpResponse<String> api = get(server, "/api/v1/answer?q=what+are+bone+metastases");
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.body()).contains("Search is being prepared");
        assertThat(get(server, "/").statusCode()).isEqualTo(200);
        assertThat(get(server, "/docs/bone-metastases").statusCode()).isEqualTo(200);

        embedder.release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (app.preparing().isPresent() && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);
        HttpResponse<String> found = get(server, "/api/v1/search?q=bone");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("bone-metastases");
      } finally {
        server.close();
      }
    }
  }
}
