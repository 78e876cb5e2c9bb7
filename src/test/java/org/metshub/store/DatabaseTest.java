package org.metshub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.metshub.curation.Feedback;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.Internal;
import org.metshub.error.MetsHubException.NotFound;
import org.metshub.error.MetsHubException.Unavailable;
import org.metshub.testing.Fixtures;
import org.metshub.testing.TestDatabases;

/** The operational store: migrations, pragmas, transactions, backup and restore. */
class DatabaseTest {
  private static final List<String> TABLES =
      List.of(
          "users",
          "sessions",
          "submissions",
          "changes",
          "doc_versions",
          "audit_log",
          "feedback",
          "gaps",
          "conversations",
          "login_failures",
          "rate_limit_hits");
  private static final Clock CLOCK = Fixtures.clock();

  private static int queryInt(Database db, String sql) {
    return db.tx(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
          }
        });
  }

  private static int queryInt(Path sqliteFile, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void addFeedback(Database db, int n) {
    Feedback f = new Feedback(db, CLOCK);
    for (int i = 0; i < n; i++) {
      f.record("question " + i, "c", "answered", i % 2 == 0, "");
    }
  }

  private static String pgUrl() {
    return System.getenv("METSHUB_TEST_PG_URL");
  }

  private static String randomSchema() {
    return TestDatabases.newPgSchema();
  }

  // ---- migrations ------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void migrationsCreateEveryTable(String vendor, @TempDir Path dir) {
    Database db = TestDatabases.open(vendor, dir);
    assertThat(db.vendor().name().toLowerCase()).isEqualTo(vendor);
    for (String table : TABLES) {
      assertThat(queryInt(db, "SELECT count(*) FROM " + table)).as(table).isZero();
      assertThat(db.rowCount(table)).as(table).isZero();
    }
    for (String version : List.of("1", "2", "3", "4")) {
      assertThat(
              queryInt(
                  db,
                  "SELECT count(*) FROM flyway_schema_history WHERE version = '"
                      + version
                      + "' AND success = "
                      + (vendor.equals("sqlite") ? "1" : "true")))
          .as("version " + version)
          .isEqualTo(1);
    }
    addFeedback(db, 2);
    assertThat(db.rowCount("feedback")).isEqualTo(2);
    for (String bad : List.of("feedback; DROP TABLE users", "Users", "", "x".repeat(41))) {
      assertThatThrownBy(() -> db.rowCount(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void readsSeeCommittedDataAndDoNotWaitForAnOpenWrite(String vendor, @TempDir Path dir)
      throws Exception {
    Database db = TestDatabases.open(vendor, dir);
    try (Connection writer = db.connect()) {
      writer.setAutoCommit(false);
      try (Statement s = writer.createStatement()) {
        s.executeUpdate(
            "INSERT INTO gaps (group_key, language, question, reason, count, "
                + "first_day, last_day) VALUES ('k', 'en', 'Q?', 'no_match', 1, '2026-11-23', "
                + "'2026-11-23')");
      }
      // The writer holds SQLite's write lock; a read still answers, with what is committed.
      assertThat(db.rowCount("gaps")).isZero();
      writer.commit();
    }
    assertThat(db.rowCount("gaps")).isEqualTo(1);
    assertThatThrownBy(() -> db.read(c -> c.createStatement().executeQuery("SELECT nope")))
        .isInstanceOf(Internal.class)
        .hasMessageContaining("database error");
  }

  @Test
  void sqliteWriteTransactionsOfOneProcessTakeTurnsAndNoneIsLost(@TempDir Path dir)
      throws Exception {
    Database db = Database.sqlite(dir.resolve("turns.db"));
    db.tx(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE turns (worker INTEGER, n INTEGER)");
          }
          return null;
        });
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    int workers = 8;
    int each = 40;
    List<Thread> threads = new java.util.ArrayList<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int w = 0; w < workers; w++) {
      int worker = w;
      Thread t =
          new Thread(
              () -> {
                try {
                  for (int n = 0; n < each; n++) {
                    int num = n;
                    db.tx(
                        c -> {
                          mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
                          try (PreparedStatement ps =
                              c.prepareStatement("INSERT INTO turns (worker, n) VALUES (?, ?)")) {
                            ps.setInt(1, worker);
                            ps.setInt(2, num);
                            ps.executeUpdate();
                          } finally {
                            inside.decrementAndGet();
                          }
                          return null;
                        });
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(failure.get()).isNull();
    assertThat(mostAtOnce.get()).isEqualTo(1);
    assertThat(queryInt(db, "SELECT count(*) FROM turns")).isEqualTo(workers * each);
    // reads take no turn: they run while a write transaction is open
    int seenDuringWrite =
        db.tx(
            c ->
                db.read(
                    r -> {
                      try (Statement s = r.createStatement();
                          ResultSet rs = s.executeQuery("SELECT count(*) FROM turns")) {
                        rs.next();
                        return rs.getInt(1);
                      }
                    }));
    assertThat(seenDuringWrite).isEqualTo(workers * each);
  }

  @Test
  void aDatabaseOfTheFirstReleaseIsBroughtUpToDateWithItsDataKept(@TempDir Path dir)
      throws Exception {
    // What a MetsHub 0.1 data folder holds: the schema at version 1, with data in it.
    Path file = dir.resolve("metshub.db");
    org.flywaydb.core.Flyway.configure()
        .dataSource("jdbc:sqlite:" + file, null, null)
        .locations("classpath:db/migration/common", "classpath:db/migration/sqlite")
        .target("1")
        .load()
        .migrate();
    assertThat(queryInt(file, "SELECT count(*) FROM sqlite_master WHERE name = 'conversations'"))
        .isZero();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO gaps (group_key, language, question, reason, count, "
              + "first_day, last_day) VALUES ('what is x', 'en', 'What is X?', 'no_match', 4, "
              + "'2026-11-01', '2026-11-20')");
      // A review a crash left in flight: V6 copies the journal into a table that allows 'teach'.
      s.executeUpdate(
          "INSERT INTO changes (kind, doc_path, doc_id, hash_before, hash_after, content, actor, "
              + "created_at) VALUES ('review', 'learn/x.md', 'x', 'a', 'b', 'text', 'cy', "
              + "'2026-11-20T10:00:00Z')");
    }
    Database db = Database.sqlite(file);
    assertThat(db.rowCount("conversations")).isZero();
    assertThat(queryInt(db, "SELECT count FROM gaps WHERE group_key = 'what is x'")).isEqualTo(4);
    assertThat(queryInt(db, "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history"))
        .isEqualTo(7);
    // V7: a gap recorded before keeps its English reason, with no kind and no values.
    assertThat(
            queryInt(
                db,
                "SELECT count(*) FROM gaps WHERE group_key = 'what is x' AND reason = 'no_match' "
                    + "AND reason_kind = '' AND reason_args = ''"))
        .isEqualTo(1);
    // V5 gave conversations the section last quoted.
    assertThat(queryInt(db, "SELECT count(*) FROM conversations WHERE section = ''")).isZero();
    // V6: a gap is no follow-up and offered no sections; the journal row is kept as it was.
    assertThat(
            queryInt(
                db,
                "SELECT count(*) FROM gaps WHERE group_key = 'what is x' AND follow_up = 0 AND "
                    + "sections = ''"))
        .isEqualTo(1);
    assertThat(
            queryInt(
                db,
                "SELECT count(*) FROM changes WHERE kind = 'review' AND doc_path = 'learn/x.md' "
                    + "AND content = 'text' AND note IS NULL"))
        .isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void openingTwiceIsIdempotentAndKeepsTheData(String vendor, @TempDir Path dir) {
    Database first;
    Database second;
    int history;
    if (vendor.equals("sqlite")) {
      Path file = dir.resolve("sub/folder/metshub.db");
      first = Database.sqlite(file);
      addFeedback(first, 3);
      history = queryInt(first, "SELECT count(*) FROM flyway_schema_history");
      second = Database.sqlite(file);
    } else {
      String schema = randomSchema();
      first =
          Database.open(
              pgUrl(),
              System.getenv("METSHUB_TEST_PG_USER"),
              System.getenv("METSHUB_TEST_PG_PASSWORD"),
              schema);
      addFeedback(first, 3);
      history = queryInt(first, "SELECT count(*) FROM flyway_schema_history");
      second =
          Database.open(
              pgUrl(),
              System.getenv("METSHUB_TEST_PG_USER"),
              System.getenv("METSHUB_TEST_PG_PASSWORD"),
              schema);
    }
    assertThat(new Feedback(second, CLOCK).count()).isEqualTo(3);
    assertThat(queryInt(second, "SELECT count(*) FROM flyway_schema_history"))
        .as("no migration ran twice")
        .isEqualTo(history);
    addFeedback(second, 1);
    assertThat(new Feedback(first, CLOCK).count()).isEqualTo(4);
  }

  @Test
  void sqliteConnectionsAreDurableWalWithForeignKeys(@TempDir Path dir) throws SQLException {
    Database db = TestDatabases.open("sqlite", dir);
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      assertThat(pragma(s, "journal_mode")).isEqualToIgnoringCase("wal");
      assertThat(pragma(s, "foreign_keys")).isEqualTo("1");
      assertThat(pragma(s, "synchronous")).isEqualTo("2");
      assertThat(Integer.parseInt(pragma(s, "busy_timeout"))).isGreaterThanOrEqualTo(1000);
      assertThat(c.getAutoCommit()).isTrue();
    }
  }

  private static String pragma(Statement s, String name) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void foreignKeysAndTheOpenUrlIndexAreEnforced(String vendor, @TempDir Path dir) {
    Database db = TestDatabases.open(vendor, dir);
    assertThatThrownBy(
            () ->
                db.tx(
                    c -> {
                      try (Statement s = c.createStatement()) {
                        return s.executeUpdate(
                            "INSERT INTO sessions (token_hash, user_id, csrf, created_at, "
                                + "expires_at) VALUES ('h', 424242, 'x', 'a', 'b')");
                      }
                    }))
        .isInstanceOf(Internal.class)
        .hasCauseInstanceOf(SQLException.class);

    String insert =
        "INSERT INTO submissions (reference, name, url, url_key, description, "
            + "cancer_types, countries, status, created_at) VALUES (?, 'n', 'u', 'example.org', "
            + "'d', 'breast', 'US', ?, 't')";
    insertSubmission(db, insert, "MH-0000-0001", "rejected");
    insertSubmission(db, insert, "MH-0000-0002", "rejected");
    insertSubmission(db, insert, "MH-0000-0003", "pending");
    Internal e =
        (Internal)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> insertSubmission(db, insert, "MH-0000-0004", "approved"));
    assertThat(e).isNotNull();
    assertThat(Database.isUniqueViolation((SQLException) e.getCause())).isTrue();
    // Other errors are not unique violations.
    Internal check =
        (Internal)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> insertSubmission(db, insert, "MH-0000-0005", "bogus"));
    assertThat(Database.isUniqueViolation((SQLException) check.getCause())).isFalse();
    assertThat(queryInt(db, "SELECT count(*) FROM submissions")).isEqualTo(3);
  }

  private static void insertSubmission(Database db, String sql, String ref, String status) {
    db.tx(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, ref);
            ps.setString(2, status);
            return ps.executeUpdate();
          }
        });
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void aUnitOfWorkIsAllOrNothing(String vendor, @TempDir Path dir) {
    Database db = TestDatabases.open(vendor, dir);
    String insert =
        "INSERT INTO gaps (group_key, language, question, reason, count, "
            + "first_day, last_day) VALUES ('k', 'en', 'q', 'r', 1, 'd', 'd')";
    assertThatThrownBy(
            () ->
                db.tx(
                    c -> {
                      try (Statement s = c.createStatement()) {
                        s.executeUpdate(insert);
                      }
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
    assertThatThrownBy(
            () ->
                db.tx(
                    c -> {
                      try (Statement s = c.createStatement()) {
                        s.executeUpdate(insert);
                        s.executeUpdate(insert); // primary key violation
                      }
                      return null;
                    }))
        .isInstanceOf(Internal.class)
        .hasMessageContaining("database error");
    assertThat(queryInt(db, "SELECT count(*) FROM gaps")).isZero();
    db.tx(
        c -> {
          try (Statement s = c.createStatement()) {
            return s.executeUpdate(insert);
          }
        });
    assertThat(queryInt(db, "SELECT count(*) FROM gaps")).isEqualTo(1);
  }

  @Test
  void anUnsupportedUrlIsRefusedByName() {
    assertThatThrownBy(() -> Database.open("jdbc:mysql://x", null, null, null))
        .isInstanceOf(BadInput.class)
        .hasMessageContaining("jdbc:mysql://x")
        .hasMessageContaining("jdbc:sqlite")
        .hasMessageContaining("jdbc:postgresql");
    assertThatThrownBy(
            () -> Database.open("jdbc:mysql://x/db?user=u&password=hunter2", null, null, null))
        .isInstanceOf(BadInput.class)
        .hasMessageContaining("password=***")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(
            () ->
                Database.configured(
                    Database.Settings.DEFAULT.withUrl("not a url"), Path.of("data")))
        .isInstanceOf(BadInput.class)
        .hasMessageContaining("not a url");
  }

  @Test
  void anUnreachableServerFailsWithoutShowingThePassword() {
    assertThatThrownBy(
            () ->
                Database.open(
                    "jdbc:postgresql://127.0.0.1:1/nodb?user=u"
                        + "&password=hunter2&connectTimeout=2",
                    null,
                    null,
                    null))
        .isInstanceOf(Unavailable.class)
        .hasMessageContaining("cannot open the database")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void redactHidesPasswordsInUrls() {
    assertThat(Database.redact("jdbc:postgresql://h/db?user=u&password=s3cr3t&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
    assertThat(Database.redact("jdbc:postgresql://h/db;PASSWORD=x;y=1"))
        .isEqualTo("jdbc:postgresql://h/db;PASSWORD=***;y=1");
    assertThat(Database.redact("jdbc:sqlite:/data/metshub.db"))
        .isEqualTo("jdbc:sqlite:/data/metshub.db");
  }

  // ---- backup and restore ----------------------------------------------------------------

  @Test
  void anOnlineBackupIsConsistentWhileWritersKeepWriting(@TempDir Path dir) throws Exception {
    Database db = TestDatabases.open("sqlite", dir);
    Feedback feedback = new Feedback(db, CLOCK);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger written = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread writer =
        new Thread(
            () -> {
              try {
                while (!stop.get()) {
                  feedback.record("question " + written.get(), "c", "answered", true, "");
                  written.incrementAndGet();
                }
              } catch (Throwable t) {
                failure.set(t);
              }
            });
    writer.start();
    Path backup = dir.resolve("weekly backups/metshub backup.db");
    Files.createDirectories(backup.getParent());
    int before;
    int after;
    try {
      waitFor(() -> written.get() >= 20);
      before = written.get();
      db.backupTo(backup);
      after = written.get();
      int target = after + 20;
      waitFor(() -> written.get() >= target);
    } finally {
      stop.set(true);
      writer.join(30_000);
    }
    assertThat(failure.get()).isNull();

    assertThat(
            queryInt(
                backup,
                "SELECT count(*) FROM pragma_integrity_check " + "WHERE integrity_check = 'ok'"))
        .isEqualTo(1);
    int inBackup = queryInt(backup, "SELECT count(*) FROM feedback");
    assertThat(inBackup).isBetween(before, after + 1);
    assertThat(queryInt(backup, "SELECT coalesce(max(id), 0) FROM feedback"))
        .as("no gaps: a consistent snapshot")
        .isEqualTo(inBackup);
    assertThat(new Feedback(db, CLOCK).count()).isEqualTo(written.get()).isGreaterThan(inBackup);
    // The backup is a MetsHub store in its own right.
    Database restoredCopy = Database.sqlite(backup);
    assertThat(new Feedback(restoredCopy, CLOCK).count()).isEqualTo(inBackup);
  }

  private static void waitFor(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out");
      }
      Thread.sleep(5);
    }
  }

  @Test
  void pathsWithAnApostropheCanBeBackedUpAndRestored(@TempDir Path dir) {
    Database db = TestDatabases.open("sqlite", dir);
    addFeedback(db, 2);
    Path backup = dir.resolve("o'brien's backup.db");
    db.backupTo(backup);
    addFeedback(db, 1);
    db.restoreFrom(backup);
    assertThat(new Feedback(db, CLOCK).count()).isEqualTo(2);
  }

  @Test
  void restoringABackupBringsItsRowsBack(@TempDir Path dir) {
    Database db = TestDatabases.open("sqlite", dir);
    addFeedback(db, 3);
    Path backup = dir.resolve("backup.db");
    db.backupTo(backup);
    addFeedback(db, 2);
    assertThat(new Feedback(db, CLOCK).count()).isEqualTo(5);

    db.restoreFrom(backup);
    assertThat(new Feedback(db, CLOCK).count()).isEqualTo(3);
    // And the store keeps working after the restore.
    addFeedback(db, 1);
    assertThat(new Feedback(db, CLOCK).count()).isEqualTo(4);
    assertThat(queryInt(db, "SELECT count(*) FROM flyway_schema_history WHERE version = '1'"))
        .isEqualTo(1);
  }

  @Test
  void restoringFromSomethingThatIsNotABackupIsRefusedAndChangesNothing(@TempDir Path dir)
      throws IOException, SQLException {
    Database db = TestDatabases.open("sqlite", dir);
    addFeedback(db, 2);

    Path text = dir.resolve("notes.db");
    Files.writeString(text, "This is a text file, not a database.\n".repeat(200));
    assertThatThrownBy(() -> db.restoreFrom(text))
        .isInstanceOf(BadInput.class)
        .hasMessageContaining(text.toString())
        .hasMessageContaining("not a");

    Path missing = dir.resolve("missing.db");
    assertThatThrownBy(() -> db.restoreFrom(missing))
        .isInstanceOf(NotFound.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("no such backup file");
    assertThatThrownBy(() -> db.restoreFrom(dir))
        .isInstanceOf(NotFound.class)
        .hasMessageContaining("no such backup file");

    Path other = dir.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
        Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE users (x TEXT)");
      s.executeUpdate("CREATE TABLE recipes (name TEXT)");
    }
    assertThatThrownBy(() -> db.restoreFrom(other))
        .isInstanceOf(BadInput.class)
        .hasMessageContaining(other.toString())
        .hasMessageContaining("is not a MetsHub database backup");

    Path empty = Files.createFile(dir.resolve("empty.db"));
    assertThatThrownBy(() -> db.restoreFrom(empty))
        .isInstanceOf(BadInput.class)
        .hasMessageContaining("is not a MetsHub database backup");

    assertThat(new Feedback(db, CLOCK).count()).isEqualTo(2);
    assertThat(queryInt(other, "SELECT count(*) FROM sqlite_master")).isEqualTo(2);
  }

  @Test
  void backupAndRestoreOnPostgresqlPointToPgDump(@TempDir Path dir) {
    Database db = TestDatabases.open("postgresql", dir);
    assertThatThrownBy(() -> db.backupTo(dir.resolve("b.db")))
        .isInstanceOf(BadInput.class)
        .hasMessageContaining("pg_dump")
        .hasMessageContaining("SQLite");
    assertThatThrownBy(() -> db.restoreFrom(dir.resolve("b.db")))
        .isInstanceOf(BadInput.class)
        .hasMessageContaining("pg_restore");
    assertThat(dir.resolve("b.db")).doesNotExist();
  }
}
