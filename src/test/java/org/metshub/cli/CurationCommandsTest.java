package org.metshub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.curation.AuditLog;
import org.metshub.curation.Feedback;
import org.metshub.curation.Users;
import org.metshub.store.Database;
import org.metshub.testing.Fixtures;

/**
 * {@code user}, {@code backup}, {@code restore}, {@code review-due} and {@code gaps} from the
 * command line.
 */
class CurationCommandsTest {
  @TempDir Path dir;

  String[] data(String... args) {
    String[] out = new String[args.length + 2];
    System.arraycopy(args, 0, out, 0, args.length);
    out[args.length] = "--data";
    out[args.length + 1] = dir.toString();
    return out;
  }

  @Test
  void userAddPasswdDisableAndListWithThePasswordFromStandardInput() {
    CliRun add =
        CliRun.withInput("a long enough password\n", data("user", "add", "kim", "--role", "admin"));
    assertThat(add.code()).as(add.err()).isZero();
    assertThat(add.out()).contains("added admin kim");
    Database db = Database.sqlite(dir.resolve("metshub.db"));
    Users users = new Users(db, Fixtures.clock(), new AuditLog(db, Fixtures.clock()));
    assertThat(users.login("kim", "a long enough password", "127.0.0.1"))
        .isInstanceOf(Users.Login.Ok.class);

    CliRun again = CliRun.withInput("a long enough password\n", data("user", "add", "kim"));
    assertThat(again.code()).isEqualTo(Main.BAD_INPUT); // a conflict with the data as it is
    assertThat(again.err()).contains("user 'kim' already exists");
    CliRun shortPw = CliRun.withInput("short\n", data("user", "add", "lee"));
    assertThat(shortPw.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(shortPw.err()).contains("at least 12 characters");
    CliRun noPw = CliRun.withInput("", data("user", "add", "lee"));
    assertThat(noPw.code()).isEqualTo(Main.USAGE);
    assertThat(noPw.err()).contains("no password on standard input");
    CliRun badName = CliRun.withInput("a long enough password\n", data("user", "add", "Bad Name"));
    assertThat(badName.code()).isEqualTo(Main.BAD_INPUT);
    CliRun badRole =
        CliRun.withInput("a long enough password\n", data("user", "add", "lee", "--role", "root"));
    assertThat(badRole.err()).contains("unknown role 'root'");

    CliRun pw = CliRun.withInput("another long password\n", data("user", "passwd", "kim"));
    assertThat(pw.code()).isZero();
    assertThat(users.login("kim", "another long password", "127.0.0.1"))
        .isInstanceOf(Users.Login.Ok.class);
    assertThat(users.login("kim", "a long enough password", "127.0.0.1"))
        .isInstanceOf(Users.Login.Denied.class);
    assertThat(CliRun.of(data("user", "disable", "kim")).code()).isZero();
    assertThat(users.login("kim", "another long password", "127.0.0.1"))
        .isInstanceOf(Users.Login.Denied.class);
    assertThat(CliRun.of(data("user", "list")).out()).contains("kim\tadmin\tdisabled");
    CliRun nobody = CliRun.of(data("user", "disable", "nobody"));
    assertThat(nobody.code()).isEqualTo(Main.NOT_FOUND);
    assertThat(nobody.err()).contains("no user 'nobody'");
    assertThat(CliRun.of(data("user", "frobnicate", "kim")).code()).isEqualTo(Main.USAGE);
    assertThat(CliRun.of(data("user", "add")).err()).contains("needs a user name");
    assertThat(CliRun.of("user", "list", "--db", "mysql://x").code()).isEqualTo(Main.USAGE);
  }

  @Test
  void backupAndRestoreRoundTripAndRefuseWhatIsNotABackup() throws Exception {
    Database db = Database.sqlite(dir.resolve("metshub.db"));
    Feedback feedback = new Feedback(db, Fixtures.clock());
    feedback.record("first question", "", "answered", true, "");
    Path backup = dir.resolve("backup.db");
    CliRun b = CliRun.of(data("backup", backup.toString()));
    assertThat(b.code()).as(b.err()).isZero();
    assertThat(b.out()).contains("backed up").contains(backup.toString());
    assertThat(CliRun.of(data("backup", backup.toString())).err()).contains("use --force");
    CliRun nowhere = CliRun.of(data("backup", dir.resolve("no/such/backup.db").toString()));
    assertThat(nowhere.code()).isEqualTo(Main.USAGE);
    assertThat(nowhere.err()).contains("no such folder");
    feedback.record("second question", "", "answered", false, "");
    assertThat(feedback.count()).isEqualTo(2);
    CliRun r = CliRun.of(data("restore", backup.toString()));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(feedback.count()).isEqualTo(1);

    Path notDb = dir.resolve("notes.txt");
    Files.writeString(notDb, "this is not a database");
    CliRun bad = CliRun.of(data("restore", notDb.toString()));
    assertThat(bad.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(bad.err()).contains("not a readable SQLite database");
    CliRun missing = CliRun.of(data("restore", dir.resolve("nope.db").toString()));
    assertThat(missing.code()).isEqualTo(Main.NOT_FOUND);
    assertThat(missing.err()).contains("no such backup file");
    assertThat(feedback.count()).isEqualTo(1); // a refused restore changed nothing
  }

  @Test
  void reviewDueListsOverdueAndDueSoonDocumentsAsTextOrJson() throws Exception {
    Path kb = dir.resolve("kb");
    Files.createDirectories(kb);
    Files.writeString(
        kb.resolve("old.md"),
        Fixtures.validDoc("", "# Old\n\nMetastatic cancer.\n")
            .replace("lastReviewed: '2026-11-01'", "lastReviewed: '2024-01-01'"));
    Files.writeString(kb.resolve("fresh.md"), Fixtures.validDoc("", "# New\n\nMetastatic.\n"));
    CliRun text = CliRun.of("review-due", "--kb", kb.toString(), "--within", "30d");
    assertThat(text.code()).isZero();
    assertThat(text.err()).contains("1 overdue, 0 due within 30 days (today 2026-11-22)");
    assertThat(text.out()).contains("overdue ", "2025-01-01").doesNotContain("fresh");
    CliRun json = CliRun.of("review-due", "--kb", kb.toString(), "--json", "--within", "400");
    JsonNode n = new ObjectMapper().readTree(json.out());
    assertThat(n.path("today").asText()).isEqualTo(Fixtures.TODAY.toString());
    assertThat(n.path("withinDays").asInt()).isEqualTo(400);
    assertThat(n.path("overdue").asInt()).isEqualTo(1);
    assertThat(n.path("dueSoon").asInt()).isEqualTo(1);
    assertThat(n.path("documents").get(0).path("state").asText()).isEqualTo("overdue");
    assertThat(n.path("documents").get(1).path("due").asText()).isEqualTo("2027-11-01");
    assertThat(CliRun.of("review-due", "--kb", kb.toString(), "--within", "soon").code())
        .isEqualTo(Main.USAGE);
    assertThat(CliRun.of("review-due", "--kb", dir.resolve("none").toString()).code())
        .isEqualTo(Main.USAGE);
  }

  @Test
  void gapsListsTheGroupsWithWhyAndTheSectionsOffered() throws Exception {
    CliRun empty = CliRun.of(data("gaps"));
    assertThat(empty.code()).as(empty.err()).isZero();
    assertThat(empty.out()).isEmpty();
    assertThat(empty.err()).contains("0 of 0 groups listed");

    Database db = Database.sqlite(dir.resolve("metshub.db"));
    var gaps = new org.metshub.answer.store.SqlGapLog(db, Fixtures.clock());
    gaps.record(
        "how long do people stay on immunotherapy",
        "en",
        "answers too weakly",
        false,
        java.util.List.of("immunotherapy#How checkpoint inhibitors work", "immunotherapy#Sources"));
    gaps.record(
        "How long do people stay on immunotherapy?",
        "en",
        "answers too weakly",
        false,
        java.util.List.of("immunotherapy#How checkpoint inhibitors work"));
    gaps.record("y en el higado?", "es", "no page", true, java.util.List.of("higado#Sintomas"));
    gaps.record(
        "can my goldfish catch it", "en", "words the KB never uses", false, java.util.List.of());

    CliRun lines = CliRun.of(data("gaps"));
    assertThat(lines.code()).as(lines.err()).isZero();
    assertThat(lines.out().lines().toList())
        .startsWith(
            "    2  en  "
                + Fixtures.clock().instant().toString().substring(0, 10)
                + "  how long do people stay on immunotherapy",
            "       why: answers too weakly",
            "       offered: immunotherapy#How checkpoint inhibitors work")
        .contains(
            "       asked as a follow-up: cannot be taught alone",
            "       offered: higado#Sintomas");
    assertThat(lines.err())
        .contains("3 of 3 groups listed; 1 of them can be taught to a section they were offered");

    CliRun one = CliRun.of(data("gaps", "--limit", "1", "--json"));
    assertThat(one.code()).as(one.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(one.out());
    assertThat(j.get("groups").asInt()).isEqualTo(3);
    assertThat(j.get("listed").asInt()).isEqualTo(1);
    JsonNode first = j.get("gaps").get(0);
    assertThat(first.get("count").asInt()).isEqualTo(2);
    assertThat(first.get("followUp").asBoolean()).isFalse();
    assertThat(first.get("sections")).hasSize(1);

    assertThat(CliRun.of(data("gaps", "--limit", "0")).code()).isEqualTo(Main.USAGE);
    assertThat(CliRun.of(data("gaps", "--limit", "0")).err()).contains("--limit is a number");
    assertThat(CliRun.of(data("gaps", "--limit", "many")).code()).isEqualTo(Main.USAGE);
    assertThat(CliRun.of("gaps", "--db", "mysql://x").code()).isEqualTo(Main.USAGE);
  }
}
