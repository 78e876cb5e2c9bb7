package org.metshub.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.metshub.answer.store.SqlGapLog;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.Conflict;
import org.metshub.error.MetsHubException.NotFound;
import org.metshub.kb.KbDocument;
import org.metshub.kb.KbFile;
import org.metshub.kb.Section;
import org.metshub.store.Database;
import org.metshub.testing.Fixtures;
import org.metshub.testing.TestDatabases;

/**
 * Teaching a content gap's question to a section: the KB file gains one line, the index and the
 * version history follow, the gap closes, and every wrong request changes nothing.
 */
class TeachFromGapsTest {
  private static final LocalDate DAY = LocalDate.of(2027, 1, 15);
  private static final Clock CLOCK = Fixtures.clockAt(DAY);
  private static final User CAROL = new User(1, "carol", Role.CURATOR, false);
  private static final String BONE = "bone-metastases";
  private static final String BONE_PATH = "learn/bone-metastases.md";
  private static final String AFFECT = BONE + "#How it can affect you";
  private static final String TREATED = BONE + "#How it is treated";
  private static final String PAIN =
      "my dads back hurts at night since [number], is that the bone mets";

  private Database db;
  private TestKb kb;
  private AuditLog audit;
  private Curation curation;
  private SqlGapLog gaps;

  private void open(String vendor, Path dir) {
    db = TestDatabases.open(vendor, dir);
    kb = TestKb.withDocs(dir, CLOCK, BONE_PATH);
    audit = new AuditLog(db, CLOCK);
    curation = new Curation(db, CLOCK, kb, audit);
    gaps = new SqlGapLog(db, CLOCK);
  }

  private Path file() {
    return kb.root().resolve(BONE_PATH);
  }

  private String text() {
    try {
      return Files.readString(file(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Section section(String heading) {
    for (KbFile f : kb.files()) {
      if (f instanceof KbDocument d && d.id().equals(BONE)) {
        return d.sections().stream()
            .filter(s -> s.title().equals(heading))
            .findFirst()
            .orElseThrow();
      }
    }
    throw new AssertionError("no " + BONE);
  }

  private int changes() {
    return db.tx(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM changes");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
          }
        });
  }

  private static String key(String question) {
    return org.metshub.answer.GapLog.normalise(question);
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void teachingAddsTheQuestionToTheSectionAndClosesTheGap(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    gaps.record(PAIN, "en", "too weakly", false, List.of(AFFECT, TREATED));
    gaps.record("what is a pet scan", "en", "no page", false, List.of());
    String before = text();
    int questionsBefore = section("How it can affect you").questions().size();

    Curation.Taught t = curation.teach(key(PAIN), "en", AFFECT, CAROL);

    String taught = "my dads back hurts at night since, is that the bone mets";
    assertThat(t).isEqualTo(new Curation.Taught(BONE, "How it can affect you", taught));
    // One line more in the file, under the heading; the index read it at once.
    assertThat(text().lines().count()).isEqualTo(before.lines().count() + 1);
    assertThat(text()).contains("  - '" + taught + "'");
    assertThat(section("How it can affect you").questions())
        .hasSize(questionsBefore + 1)
        .endsWith(taught);
    assertThat(gaps.details(10))
        .extracting(SqlGapLog.Detail::question)
        .containsExactly("what is a pet scan");
    assertThat(curation.versions(BONE))
        .extracting(Curation.Version::note)
        .last()
        .isEqualTo("taught \"" + taught + "\" to the section 'How it can affect you'");
    assertThat(curation.versions(BONE)).hasSize(2); // the file before, and after
    assertThat(audit.recent(10))
        .filteredOn(e -> e.action().equals("doc.teach"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("carol");
              assertThat(e.target()).isEqualTo("doc:" + BONE);
            });
    assertThat(changes()).isZero();

    // Taught once: the gap is gone, so a second curator's click finds nothing to teach.
    assertThatThrownBy(() -> curation.teach(key(PAIN), "en", TREATED, CAROL))
        .isInstanceOf(NotFound.class)
        .hasMessageContaining("no such content gap");
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void everyWrongRequestIsRefusedAndChangesNothing(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    gaps.record("and what about the liver", "en", "r", true, List.of(AFFECT));
    gaps.record(PAIN, "en", "r", false, List.of(AFFECT, BONE + "#A heading since removed"));
    gaps.record(
        "What are bone metastases?", "en", "r", false, List.of(BONE + "#What bone metastases are"));
    gaps.record("[number] [email]", "en", "r", false, List.of(AFFECT));
    String tooLong = "why does it hurt " + "so much ".repeat(30);
    gaps.record(tooLong, "en", "r", false, List.of(AFFECT));
    gaps.record("me duelen los huesos de noche", "es", "r", false, List.of(AFFECT));
    String before = text();
    int count = gaps.details(100).size();

    assertThatThrownBy(() -> curation.teach("no such question", "en", AFFECT, CAROL))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> curation.teach(key(PAIN), "es", AFFECT, CAROL))
        .as("the same words in another language are another gap")
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> curation.teach("and what about the liver", "en", AFFECT, CAROL))
        .isInstanceOf(BadInput.class)
        .hasMessageContaining("follow-up");
    assertThatThrownBy(() -> curation.teach(key(PAIN), "en", TREATED, CAROL))
        .as("a section the reader was not offered")
        .isInstanceOf(BadInput.class)
        .hasMessageContaining("one of the sections the reader was offered");
    assertThatThrownBy(
            () -> curation.teach(key(PAIN), "en", BONE + "#A heading since removed", CAROL))
        .isInstanceOf(NotFound.class)
        .hasMessageContaining("has no section 'A heading since removed'");
    assertThatThrownBy(
            () ->
                curation.teach(
                    key("What are bone metastases?"),
                    "en",
                    BONE + "#What bone metastases are",
                    CAROL))
        .as("the section already lists it, in other case and punctuation")
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("already lists");
    assertThatThrownBy(
            () -> curation.teach(key("me duelen los huesos de noche"), "es", AFFECT, CAROL))
        .as("a Spanish question on an English page")
        .isInstanceOf(BadInput.class)
        .hasMessageContaining("teach it to a page in the question's language");
    assertThatThrownBy(() -> curation.teach(key("[number] [email]"), "en", AFFECT, CAROL))
        .isInstanceOf(BadInput.class)
        .hasMessageContaining("no words left");
    assertThatThrownBy(() -> curation.teach(key(tooLong), "en", AFFECT, CAROL))
        .isInstanceOf(BadInput.class)
        .hasMessageContaining("at most 200");

    assertThat(text()).isEqualTo(before);
    assertThat(gaps.details(100)).hasSize(count);
    assertThat(changes()).isZero();
    assertThat(curation.versions(BONE)).isEmpty();
    assertThat(audit.recent(100)).noneMatch(e -> e.action().equals("doc.teach"));
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void aTeachCutShortAfterTheFileWriteIsFinishedOnRestart(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    gaps.record(PAIN, "en", "r", false, List.of(AFFECT));
    curation.afterFileWrite(
        () -> {
          throw new Error("simulated kill");
        });
    assertThatThrownBy(() -> curation.teach(key(PAIN), "en", AFFECT, CAROL))
        .isInstanceOf(Error.class)
        .hasMessage("simulated kill");
    assertThat(changes()).isEqualTo(1);
    assertThat(gaps.details(10)).hasSize(1);

    Curation restarted = new Curation(db, CLOCK, new TestKb(kb.root(), CLOCK), audit);
    assertThat(restarted.recover()).isEqualTo(1);
    assertThat(changes()).isZero();
    assertThat(gaps.details(10)).isEmpty();
    assertThat(text()).contains("is that the bone mets'");
    assertThat(audit.recent(10))
        .filteredOn(e -> e.action().equals("doc.teach"))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).endsWith("(finished after a restart)"));
  }
}
