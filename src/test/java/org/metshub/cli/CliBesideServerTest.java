package org.metshub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.App;
import org.metshub.search.BgeSmallEmbedder;
import org.metshub.search.IndexHeldException;
import org.metshub.testing.Fixtures;

/**
 * Issue 16, item 6: with {@code serve} running, {@code search} and {@code ask} failed with
 * LockObtainFailedException on write.lock. Now they search the server's index read-only and say so;
 * {@code index} says that a server holds the index and how it gets updated. The "server" here is
 * the application opened in this process with the real model, holding the index's write lock
 * exactly as {@code serve} does.
 */
class CliBesideServerTest {
  @TempDir Path dir;

  private Path smallKb() throws Exception {
    Path kb = dir.resolve("kb");
    Files.createDirectories(kb.resolve("learn"));
    for (String name : new String[] {"bone-metastases.md", "brain-metastases.md"}) {
      Files.copy(Path.of("kb/learn", name), kb.resolve("learn").resolve(name));
    }
    return kb;
  }

  private App server(Path kb, Path data) {
    return App.open(
        kb,
        data,
        Fixtures.clock(),
        new BgeSmallEmbedder(),
        Commands.safety(),
        App.Opening.DEFAULT,
        org.metshub.store.Database.sqlite(data.resolve("metshub.db")));
  }

  @Test
  void searchAndAskReadTheServersIndexReadOnlyAndSaySo() throws Exception {
    Path kb = smallKb();
    Path data = dir.resolve("data");
    try (App running = server(kb, data)) {
      int passages = running.index().passageCount();
      assertThat(passages).isPositive();

      CliRun search =
          CliRun.of(
              "search", "bone pain", "--json", "--kb", kb.toString(), "--data", data.toString());
      assertThat(search.code()).as(search.err()).isZero();
      assertThat(search.err()).contains("a running server holds the index", "read-only");
      JsonNode j = new ObjectMapper().readTree(search.out());
      assertThat(j.get("results")).isNotEmpty();
      assertThat(j.get("results").get(0).get("docId").asText()).isEqualTo("bone-metastases");

      CliRun ask =
          CliRun.of(
              "ask", "what are bone metastases", "--kb", kb.toString(), "--data", data.toString());
      assertThat(ask.code()).as(ask.err()).isZero();
      assertThat(ask.err()).contains("read-only");
      assertThat(ask.out()).contains("bone");

      // The server's index is untouched and still its own.
      assertThat(running.index().passageCount()).isEqualTo(passages);
      assertThat(running.index().readOnly()).isFalse();
    }
  }

  @Test
  void indexSaysAServerHoldsTheIndexAndHowItIsUpdated() throws Exception {
    Path kb = smallKb();
    Path data = dir.resolve("data");
    try (App running = server(kb, data)) {
      int passages = running.index().passageCount();
      for (String[] args :
          new String[][] {
            {"index", "--kb", kb.toString(), "--data", data.toString()},
            {"index", "--rebuild", "--kb", kb.toString(), "--data", data.toString()}
          }) {
        CliRun r = CliRun.of(args);
        assertThat(r.code()).as(r.err()).isEqualTo(Main.TEMP_FAIL);
        assertThat(r.err())
            .contains(
                "a running server ('metshub serve') holds the index",
                "files edited by hand (an editor, a git pull) within --kb-poll seconds");
      }
      // --rebuild deleted nothing under the server.
      assertThat(running.index().passageCount()).isEqualTo(passages);
      assertThat(
              CliRun.of("search", "brain", "--kb", kb.toString(), "--data", data.toString()).out())
          .contains("brain-metastases");
    }
  }

  @Test
  void aSecondWriterInTheSameProcessIsToldTheIndexIsHeld() throws Exception {
    Path kb = smallKb();
    Path data = dir.resolve("data");
    try (App running = server(kb, data)) {
      IndexHeldException e =
          Assertions.assertThrows(IndexHeldException.class, () -> server(kb, data));
      assertThat(e.getMessage()).contains("write.lock", data.resolve("index").toString());
    }
  }
}
