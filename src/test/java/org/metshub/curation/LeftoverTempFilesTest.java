package org.metshub.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.store.Database;
import org.metshub.testing.Fixtures;
import org.metshub.testing.TestDatabases;
import org.slf4j.LoggerFactory;

/**
 * Issue 14, defect 6: a crash in the middle of a KB write left its temporary file ({@code
 * .NAME.md.<n>.tmp}) in the folder for ever; recovery restored the suggestion but not the folder.
 */
class LeftoverTempFilesTest {
  private static final Clock CLOCK = Fixtures.clockAt(LocalDate.of(2027, 1, 15));
  private static final User CAROL = new User(1, "carol", Role.CURATOR, false);

  @TempDir Path dir;

  @Test
  void aWriteCutShortByACrashLeavesNoTemporaryFileAfterTheRestart() throws Exception {
    Database db = TestDatabases.open("sqlite", dir);
    TestKb kb = TestKb.withDocs(dir, CLOCK, "directory/susan-g-komen.md");
    Curation curation = new Curation(db, CLOCK, kb, new AuditLog(db, CLOCK));
    Submission s =
        new Submissions(db, CLOCK, kb)
            .submit(SubmissionsTest.valid("Crash Test Group", "https://example.org/crash"));
    Path file = kb.root().resolve("directory/crash-test-group.md");
    Path temp = kb.root().resolve("directory/.crash-test-group.md.8841926517331.tmp");
    curation.afterFileWrite(
        () -> {
          try {
            // As a kill -9 inside AtomicFiles.write leaves it: half a temporary file, no KB file.
            Files.delete(file);
            Files.writeString(temp, "---\ntitle: Crash Te");
            Files.setLastModifiedTime(temp, FileTime.from(Instant.now().minusSeconds(30)));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          throw new Error("simulated kill");
        });
    assertThatThrownBy(() -> curation.approve(s.id(), "draft", CAROL)).hasMessage("simulated kill");
    assertThat(temp).exists();

    try (Capture log = new Capture()) {
      Curation restarted =
          new Curation(db, CLOCK, new TestKb(kb.root(), CLOCK), new AuditLog(db, CLOCK));
      assertThat(restarted.recover()).isEqualTo(1);
      assertThat(temp).doesNotExist();
      assertThat(log.messages())
          .anyMatch(m -> m.contains(temp.toString()) && m.contains("interrupted"));
    }
    assertThat(new Submissions(db, CLOCK, kb).get(s.id()).orElseThrow().status())
        .isEqualTo("pending");
    assertThat(kb.allFiles()).containsExactly("directory/susan-g-komen.md");
  }

  @Test
  void onlyOurOwnTemporaryFilesOlderThanTheJournalAreRemoved() throws Exception {
    Database db = TestDatabases.open("sqlite", dir);
    TestKb kb = TestKb.withDocs(dir, CLOCK, "directory/susan-g-komen.md");
    Path root = kb.root();
    Instant old = Instant.now().minus(2, ChronoUnit.DAYS);
    Path leftover = old(root.resolve("learn/.bone.md.17.tmp"), old);
    Path upper = old(root.resolve(".index.MD.3.tmp"), old);
    // A write that began after recovery read the journal (an import running beside it).
    Path inFlight =
        old(
            root.resolve("directory/.new-group.md.99.tmp"),
            Instant.now().plus(1, ChronoUnit.HOURS));
    Path notOurs = old(root.resolve("directory/.notes.tmp"), old);
    Path notKb = old(root.resolve("directory/.data.json.5.tmp"), old);
    Path named = old(root.resolve("directory/draft.md.5.tmp"), old);
    Path inGit = old(root.resolve(".git/.x.md.5.tmp"), old);

    try (Capture log = new Capture()) {
      assertThat(new Curation(db, CLOCK, kb, new AuditLog(db, CLOCK)).recover()).isZero();
      assertThat(leftover).doesNotExist();
      assertThat(upper).doesNotExist();
      assertThat(log.messages()).filteredOn(m -> m.startsWith("removed ")).hasSize(2);
    }
    assertThat(inFlight).exists();
    assertThat(notOurs).exists();
    assertThat(notKb).exists();
    assertThat(named).exists();
    assertThat(inGit).exists();
  }

  private static Path old(Path file, Instant modified) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "partial");
    Files.setLastModifiedTime(file, FileTime.from(modified));
    return file;
  }

  /** What {@link Curation} logs while open. */
  private static final class Capture implements AutoCloseable {
    private final Logger logger = (Logger) LoggerFactory.getLogger(Curation.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    Capture() {
      appender.start();
      logger.addAppender(appender);
    }

    java.util.List<String> messages() {
      return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
      logger.detachAppender(appender);
    }
  }
}
