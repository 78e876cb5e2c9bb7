package org.metshub.curation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.App;
import org.metshub.answer.SafetyScreen;
import org.metshub.kb.AtomicFiles;
import org.metshub.safety.SafetyPolicy;
import org.metshub.search.HashingEmbedder;
import org.metshub.store.Database;
import org.metshub.testing.Fixtures;

/**
 * Crash safety with a real kill: a child JVM approves a suggestion and is halted (as by {@code kill
 * -9}: no shutdown hooks, no finally blocks) right after the KB file is written and before the
 * database commit. The next start must leave no half-done state: the file is there and the
 * suggestion is approved, with its version and audit entry.
 */
class KillDuringApprovalTest {
  @TempDir Path dir;

  /** The child: submit, then approve with a hook that halts the JVM after the file write. */
  public static void main(String[] args) {
    Path kb = Path.of(args[0]);
    Path data = Path.of(args[1]);
    App app =
        App.open(
            kb,
            data,
            Fixtures.clock(),
            new HashingEmbedder(),
            SafetyScreen.policy(SafetyPolicy.bundled()),
            Database.sqlite(data.resolve("metshub.db")));
    Suggestion s =
        Suggestion.read(
                Map.of(
                    "name",
                    List.of("Killed Midway Network"),
                    "url",
                    List.of("https://killed-midway.example.org/"),
                    "description",
                    List.of(
                        "A support network that exists only in a crash test, for "
                            + "people with metastatic cancer."),
                    "cancerTypes",
                    List.of("metastatic cancer"),
                    "countries",
                    List.of("US")),
                app.vocab().cancerTypes())
            .suggestion();
    Submission sub = app.submissions().submit(s);
    User u = app.users().add("kat", "a long enough password", Role.CURATOR, "test");
    app.curation().afterFileWrite(() -> Runtime.getRuntime().halt(137));
    app.curation().approve(sub.id(), "active", u);
    System.exit(3); // not reached: the hook halts first
  }

  @Test
  void aKillBetweenTheFileWriteAndTheCommitIsFinishedOnTheNextStart() throws Exception {
    Path kb = dir.resolve("kb");
    Files.createDirectories(kb.resolve("directory"));
    Files.copy(Path.of("kb/directory/susan-g-komen.md"), kb.resolve("directory/susan-g-komen.md"));
    Path data = dir.resolve("data");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                KillDuringApprovalTest.class.getName(),
                kb.toString(),
                data.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("child.log"))).isEqualTo(137);

    Path file = kb.resolve("directory/killed-midway-network.md");
    assertThat(file).exists();
    Database db = Database.sqlite(data.resolve("metshub.db"));
    assertThat(status(db)).isEqualTo("approving");
    assertThat(count(db, "changes")).isEqualTo(1);

    String written = AtomicFiles.hash(Files.readString(file));
    // The restart: opening the application runs the recovery.
    try (App app =
        App.open(
            kb,
            data,
            Fixtures.clock(),
            new HashingEmbedder(),
            SafetyScreen.policy(SafetyPolicy.bundled()),
            db)) {
      assertThat(status(db)).isEqualTo("approved");
      assertThat(count(db, "changes")).isZero();
      assertThat(app.curation().versions("killed-midway-network")).hasSize(1);
      assertThat(app.audit().recent(10))
          .anyMatch(
              e ->
                  e.action().equals("submission.approve")
                      && e.detail().contains("finished after a restart")
                      && e.hashAfter().equals(written));
      assertThat(app.directory().all()).anyMatch(o -> o.name().equals("Killed Midway Network"));
    }
    try (Stream<Path> s = Files.list(kb.resolve("directory"))) {
      assertThat(s.filter(f -> f.getFileName().toString().contains(".tmp")).toList())
          .as("no temporary files left")
          .isEmpty();
    }
  }

  private static String status(Database db) {
    return db.tx(
        c -> {
          try (var rs = c.createStatement().executeQuery("SELECT status FROM submissions")) {
            rs.next();
            return rs.getString(1);
          }
        });
  }

  private static int count(Database db, String table) {
    return db.tx(
        c -> {
          try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
          }
        });
  }
}
