package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.curation.Curation;
import org.metshub.curation.Submission;
import org.metshub.curation.Suggestion;

/**
 * Issue 14, defect 7: with a KB folder the server may not write, a curator's approval ended in
 * "Something went wrong" and the log said only "cannot write ….tmp", without the reason.
 */
class ReadOnlyKbTest {
  @TempDir Path dir;

  @Test
  void anApprovalIntoAReadOnlyFolderSaysWhyLogsTheCauseAndLosesNothing() throws Exception {
    try (ConsoleSite site = new ConsoleSite("sqlite", dir)) {
      var curator = site.client().loggedIn("cy");
      assertThat(ready(curator).get("kbWritable").asBoolean()).isTrue();
      assertThat(ready(curator).has("kbProblem")).isFalse();
      Submission s =
          site.app
              .submissions()
              .submit(
                  Suggestion.read(
                          Map.of(
                              "name",
                              List.of("Read Only Friends"),
                              "url",
                              List.of("https://read-only-friends.example.org/"),
                              "description",
                              List.of(
                                  "A support group for people with metastatic cancer, "
                                      + "meeting online every week."),
                              "cancerTypes",
                              List.of("metastatic cancer"),
                              "countries",
                              List.of("GB")),
                          site.app.vocab().cancerTypes())
                      .suggestion());
      Path folder = site.kb.resolve("directory");
      String page = curator.get("/console/submissions/" + s.id()).body();
      HttpResponse<String> r;
      List<ILoggingEvent> logged;
      lock(folder);
      try (LogCapture log = new LogCapture(Curation.class)) {
        r =
            curator.post(
                "/console/submissions/" + s.id() + "/approve",
                Map.of("csrf", ConsoleSite.csrfOf(page), "status", "active"));
        logged = log.events();

        JsonNode ready = ready(curator);
        assertThat(ready.get("status").asText()).isEqualTo("ready");
        assertThat(ready.get("kbWritable").asBoolean()).isFalse();
        assertThat(ready.get("kbProblem").asText())
            .isEqualTo("the KB folder is not writable by the server (directory/)");
      } finally {
        unlock(folder);
      }
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.body())
          .contains(
              "the KB folder is not writable by the server", "the suggestion is still pending")
          .doesNotContain("Something went wrong");
      assertThat(logged)
          .anySatisfy(
              e -> {
                assertThat(e.getFormattedMessage())
                    .contains("directory/read-only-friends.md", "not writable by the server");
                assertThat(e.getThrowableProxy()).as("the cause is logged").isNotNull();
              });
      // Nothing is lost: the suggestion waits, and approving it works once the folder is fixed.
      assertThat(site.app.submissions().get(s.id()).orElseThrow().status()).isEqualTo("pending");
      assertThat(folder.resolve("read-only-friends.md")).doesNotExist();
      HttpResponse<String> again =
          curator.post(
              "/console/submissions/" + s.id() + "/approve",
              Map.of("csrf", ConsoleSite.csrfOf(page), "status", "active"));
      assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
      assertThat(ready(curator).get("kbWritable").asBoolean()).isTrue();
    }
  }

  private static JsonNode ready(ConsoleSite.Client c) throws IOException {
    HttpResponse<String> r = c.get("/readyz");
    assertThat(r.statusCode()).isEqualTo(200);
    return new ObjectMapper().readTree(r.body());
  }

  /**
   * Takes write permission away from {@code folder}. Root ignores modes, so for root the folder is
   * made immutable instead (chattr +i); the test is skipped where neither works.
   */
  private static void lock(Path folder) throws Exception {
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
    if (Files.isWritable(folder)) {
      chattr("+i", folder);
    }
    if (Files.isWritable(folder)) {
      unlock(folder);
      Assumptions.abort("cannot make a folder read-only for this user");
    }
  }

  private static void unlock(Path folder) throws Exception {
    chattr("-i", folder);
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static void chattr(String flag, Path folder) throws InterruptedException {
    try {
      Process p =
          new ProcessBuilder("chattr", flag, folder.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      p.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      // no chattr here: lock() then finds the folder still writable and skips
    }
  }
}
