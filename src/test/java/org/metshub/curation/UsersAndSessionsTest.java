package org.metshub.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.Conflict;
import org.metshub.error.MetsHubException.NotFound;
import org.metshub.store.Database;
import org.metshub.testing.MutableClock;
import org.metshub.testing.TestDatabases;

/** Console accounts (add, lockout, disable, password change) and their sessions. */
class UsersAndSessionsTest {
  private static final Instant START = Instant.parse("2026-11-22T09:00:00Z");
  private static final String PW = "a long enough password";
  private static final String WRONG = "not the password at all";

  /** The client address of most attempts. */
  private static final String HOME = "192.0.2.10";

  private static final String ELSEWHERE = "198.51.100.99";

  private Database db;
  private MutableClock clock;
  private AuditLog audit;
  private Users users;
  private Sessions sessions;

  private void open(String vendor, Path dir) {
    db = TestDatabases.open(vendor, dir);
    clock = new MutableClock(START);
    audit = new AuditLog(db, clock);
    users = new Users(db, clock, audit);
    sessions = new Sessions(db, clock);
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void anAddedUserCanLogInAndAnythingElseIsDenied(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    User alice = users.add("alice", PW, Role.CURATOR, "root");
    assertThat(alice.username()).isEqualTo("alice");
    assertThat(alice.role()).isEqualTo(Role.CURATOR);
    assertThat(alice.disabled()).isFalse();

    assertThat(users.login("alice", PW, HOME)).isEqualTo(new Users.Login.Ok(alice));
    assertThat(users.login("alice", WRONG, HOME)).isInstanceOf(Users.Login.Denied.class);
    assertThat(users.login("alice", null, HOME)).isInstanceOf(Users.Login.Denied.class);
    assertThat(users.login("bob", PW, HOME)).isInstanceOf(Users.Login.Denied.class);
    assertThat(users.login(null, PW, HOME)).isInstanceOf(Users.Login.Denied.class);
    assertThat(users.login("Alice", PW, HOME)).isInstanceOf(Users.Login.Denied.class);
    assertThat(users.login("alice' OR '1'='1", PW, HOME)).isInstanceOf(Users.Login.Denied.class);

    User admin = users.add("root.admin_1", PW, Role.ADMIN, "root");
    assertThat(admin.isAdmin()).isTrue();
    assertThat(users.all()).extracting(User::username).containsExactly("alice", "root.admin_1");
    assertThat(users.count()).isEqualTo(2);
    assertThat(users.find("alice")).contains(alice);
    assertThat(users.find("nobody")).isEmpty();
    // The hash is stored, never the password.
    String stored =
        db.tx(
            c -> {
              try (PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT password_hash FROM users WHERE username = 'alice'");
                  ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
              }
            });
    assertThat(stored).startsWith("$argon2id$").doesNotContain(PW);
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void aDuplicateUsernameIsAConflict(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    users.add("alice", PW, Role.CURATOR, "root");
    assertThatThrownBy(() -> users.add("alice", "another good password", Role.ADMIN, "root"))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("alice");
    assertThat(users.count()).isEqualTo(1);
    assertThat(users.find("alice").orElseThrow().role()).isEqualTo(Role.CURATOR);
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void badUsernamesAndPasswordsAreInvalid(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    List<String> bad =
        new ArrayList<>(
            List.of(
                "A",
                "x",
                "Alice",
                "has space",
                "<script>",
                "a".repeat(41),
                "'; DROP TABLE users;--",
                "",
                " alice",
                "alice\n",
                "-alice",
                ".alice",
                "al/ice",
                "ali\u0000ce",
                "ålice"));
    bad.add(null);
    for (String name : bad) {
      assertThrows(
          BadInput.class, () -> users.add(name, PW, Role.CURATOR, "root"), "user name " + name);
    }
    assertThrows(BadInput.class, () -> users.add("alice", "short", Role.CURATOR, "root"));
    assertThrows(BadInput.class, () -> users.add("alice", "a".repeat(201), Role.CURATOR, "root"));
    assertThrows(BadInput.class, () -> Role.parse("superuser"));
    assertThat(users.count()).isZero();
    // The table survived the SQL in a user name, and the longest valid names work.
    users.add("a".repeat(40), PW, Role.CURATOR, "root");
    users.add("b2", PW, Role.CURATOR, "root");
    assertThat(users.count()).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void fiveWrongPasswordsFromOneAddressMakeThatAddressWaitAMinute(
      String vendor, @TempDir Path dir) {
    open(vendor, dir);
    User alice = users.add("alice", PW, Role.CURATOR, "root");
    for (int i = 1; i < Users.MAX_FAILURES; i++) {
      assertThat(users.login("alice", WRONG, HOME))
          .as("failure %d", i)
          .isInstanceOf(Users.Login.Denied.class);
    }
    assertThat(users.login("alice", WRONG, HOME))
        .isEqualTo(new Users.Login.Locked(START.plus(Duration.ofMinutes(1))));
    // While it waits, even the right password is refused from that address.
    assertThat(users.login("alice", PW, HOME)).isInstanceOf(Users.Login.Locked.class);
    clock.advance(Duration.ofMinutes(1).minusSeconds(1));
    assertThat(users.login("alice", PW, HOME)).isInstanceOf(Users.Login.Locked.class);
    clock.advance(Duration.ofSeconds(1));
    assertThat(users.login("alice", PW, HOME)).isEqualTo(new Users.Login.Ok(alice));
    // The count started again: one more wrong password is a plain denial.
    assertThat(users.login("alice", WRONG, HOME)).isInstanceOf(Users.Login.Denied.class);
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void eachFurtherMissDoublesTheWaitUpToAnHour(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    users.add("alice", PW, Role.CURATOR, "root");
    for (int i = 1; i < Users.MAX_FAILURES; i++) {
      users.login("alice", WRONG, HOME);
    }
    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      Instant now = clock.instant();
      Users.Login l = users.login("alice", WRONG, HOME);
      assertThat(l).isInstanceOf(Users.Login.Locked.class);
      Instant until = ((Users.Login.Locked) l).until();
      waits.add(Duration.between(now, until));
      clock.advance(Duration.between(now, until));
    }
    assertThat(waits)
        .extracting(Duration::toMinutes)
        .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    assertThat(Users.lockFor(Integer.MAX_VALUE)).isEqualTo(Users.MAX_LOCK);
    assertThat(Users.lockFor(Users.MAX_FAILURES - 1)).isZero();
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void aStrangerCannotLockTheOwnerOutFromAnotherAddress(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    User alice = users.add("alice", PW, Role.CURATOR, "root");
    for (int i = 0; i < 3 * Users.MAX_FAILURES; i++) {
      users.login("alice", WRONG, "203.0.113.66");
    }
    assertThat(users.login("alice", PW, "203.0.113.66")).isInstanceOf(Users.Login.Locked.class);
    assertThat(users.login("alice", PW, ELSEWHERE)).isEqualTo(new Users.Login.Ok(alice));
    assertThat(users.login("alice", PW, HOME)).isEqualTo(new Users.Login.Ok(alice));
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void unknownAndDisabledNamesGetTheSameAnswersAsARealAccount(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    users.add("alice", PW, Role.CURATOR, "root");
    users.add("carl", PW, Role.CURATOR, "root");
    users.setDisabled("carl", true, "root");
    for (int i = 0; i < Users.MAX_FAILURES + 2; i++) {
      Users.Login real = users.login("alice", WRONG, HOME);
      assertThat(users.login("nobody", WRONG, HOME)).as("attempt %d", i).isEqualTo(real);
      assertThat(users.login("carl", PW, HOME)).as("attempt %d", i).isEqualTo(real);
    }
    assertThat(users.login("nobody", WRONG, HOME)).isInstanceOf(Users.Login.Locked.class);
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void aRightPasswordResetsTheFailureCount(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    users.add("alice", PW, Role.CURATOR, "root");
    for (int i = 1; i < Users.MAX_FAILURES; i++) {
      assertThat(users.login("alice", WRONG, HOME)).isInstanceOf(Users.Login.Denied.class);
    }
    assertThat(users.login("alice", PW, HOME)).isInstanceOf(Users.Login.Ok.class);
    for (int i = 1; i < Users.MAX_FAILURES; i++) {
      assertThat(users.login("alice", WRONG, HOME))
          .as("failure %d after a success", i)
          .isInstanceOf(Users.Login.Denied.class);
    }
    assertThat(users.login("alice", WRONG, HOME)).isInstanceOf(Users.Login.Locked.class);
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void concurrentWrongPasswordsAllCount(String vendor, @TempDir Path dir) throws Exception {
    open(vendor, dir);
    users.add("alice", PW, Role.CURATOR, "root");
    int n = Users.MAX_FAILURES;
    CyclicBarrier barrier = new CyclicBarrier(n);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<Users.Login>> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        results.add(
            pool.submit(
                () -> {
                  barrier.await(10, TimeUnit.SECONDS);
                  return users.login("alice", WRONG, HOME);
                }));
      }
      int locked = 0;
      int denied = 0;
      for (Future<Users.Login> f : results) {
        Users.Login l = f.get(60, TimeUnit.SECONDS);
        if (l instanceof Users.Login.Locked) {
          locked++;
        } else if (l instanceof Users.Login.Denied) {
          denied++;
        }
      }
      assertThat(locked).isEqualTo(1);
      assertThat(denied).isEqualTo(n - 1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(users.login("alice", PW, HOME)).isInstanceOf(Users.Login.Locked.class);
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void aDisabledUserIsDeniedAndItsSessionsEnd(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    User alice = users.add("alice", PW, Role.CURATOR, "root");
    User bob = users.add("bob", PW, Role.CURATOR, "root");
    String t1 = sessions.start(alice);
    String t2 = sessions.start(alice);
    String tb = sessions.start(bob);
    assertThat(sessions.find(t1)).isPresent();

    users.setDisabled("alice", true, "root");
    assertThat(sessions.find(t1)).isEmpty();
    assertThat(sessions.find(t2)).isEmpty();
    assertThat(sessions.find(tb)).as("another user's session").isPresent();
    assertThat(users.login("alice", PW, HOME)).isInstanceOf(Users.Login.Denied.class);
    assertThat(users.find("alice").orElseThrow().disabled()).isTrue();
    // Wrong passwords for a disabled account count like any others (from another address).
    for (int i = 1; i < Users.MAX_FAILURES; i++) {
      assertThat(users.login("alice", WRONG, ELSEWHERE)).isInstanceOf(Users.Login.Denied.class);
    }
    assertThat(users.login("alice", WRONG, ELSEWHERE)).isInstanceOf(Users.Login.Locked.class);

    users.setDisabled("alice", false, "root");
    assertThat(users.login("alice", PW, HOME)).isInstanceOf(Users.Login.Ok.class);
    assertThat(sessions.find(t1)).as("ended sessions stay ended").isEmpty();
    assertThrows(NotFound.class, () -> users.setDisabled("nobody", true, "root"));
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void aPasswordChangeEndsSessionsAndUnlocks(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    User alice = users.add("alice", PW, Role.CURATOR, "root");
    String token = sessions.start(alice);
    for (int i = 0; i < Users.MAX_FAILURES; i++) {
      users.login("alice", WRONG, HOME);
    }
    assertThat(users.login("alice", PW, HOME)).isInstanceOf(Users.Login.Locked.class);

    String newPw = "a brand new passphrase";
    users.passwd("alice", newPw, "root");
    assertThat(sessions.find(token)).isEmpty();
    assertThat(users.login("alice", PW, HOME)).isInstanceOf(Users.Login.Denied.class);
    assertThat(users.login("alice", newPw, HOME)).isInstanceOf(Users.Login.Ok.class);

    assertThrows(BadInput.class, () -> users.passwd("alice", "short", "root"));
    assertThrows(NotFound.class, () -> users.passwd("nobody", newPw, "root"));
    assertThat(users.login("alice", newPw, HOME)).isInstanceOf(Users.Login.Ok.class);
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void onlyTheTokensOfLiveSessionsAreFound(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    User alice = users.add("alice", PW, Role.CURATOR, "root");
    String token = sessions.start(alice);
    String other = sessions.start(alice);
    assertThat(token).isNotEqualTo(other).hasSizeGreaterThanOrEqualTo(43);

    Sessions.Session s = sessions.find(token).orElseThrow();
    assertThat(s.user()).isEqualTo(alice);
    assertThat(s.csrf()).isNotBlank().isNotEqualTo(token);
    assertThat(sessions.find(other).orElseThrow().csrf())
        .as("CSRF token per session")
        .isNotEqualTo(s.csrf());

    char last = token.charAt(token.length() - 1);
    List<String> garbage =
        new ArrayList<>(
            List.of(
                "",
                "x",
                "short-token",
                "a".repeat(19),
                "a".repeat(20),
                "a".repeat(101),
                token + "x",
                token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'),
                token.substring(1),
                "' OR '1'='1' -- padding padding padding",
                Sessions.randomToken(),
                token.toUpperCase(),
                "%" + token.substring(1)));
    garbage.add(null);
    for (String g : garbage) {
      assertThat(sessions.find(g)).as("token %s", g).isEmpty();
    }

    // Only hashes are kept: the table never holds a token as issued.
    List<String> hashes =
        db.tx(
            c -> {
              List<String> out = new ArrayList<>();
              try (PreparedStatement ps = c.prepareStatement("SELECT token_hash FROM sessions");
                  ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  out.add(rs.getString(1));
                }
              }
              return out;
            });
    assertThat(hashes)
        .hasSize(2)
        .doesNotContain(token, other)
        .allSatisfy(h -> assertThat(h).matches("[0-9a-f]{64}"));

    sessions.end(token);
    assertThat(sessions.find(token)).isEmpty();
    assertThat(sessions.find(other)).isPresent();
    sessions.end(null);
    sessions.end("not a token");
    assertThat(sessions.find(other)).isPresent();
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void aSessionExpiresAfterEightHours(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    User alice = users.add("alice", PW, Role.CURATOR, "root");
    String token = sessions.start(alice);
    clock.advance(Sessions.LIFETIME.minusSeconds(1));
    assertThat(sessions.find(token)).isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(sessions.find(token)).isEmpty();
    clock.advance(Duration.ofDays(3));
    assertThat(sessions.find(token)).isEmpty();

    // A new session starts fine and clears away the expired one.
    String fresh = sessions.start(alice);
    assertThat(sessions.find(fresh)).isPresent();
    assertThat(sessions.find(token)).isEmpty();
    int rows =
        db.tx(
            c -> {
              try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM sessions");
                  ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
              }
            });
    assertThat(rows).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void theAuditLogRecordsAccountChangesWithTheirActor(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    users.add("alice", PW, Role.CURATOR, "root");
    for (int i = 0; i < Users.MAX_FAILURES; i++) {
      users.login("alice", WRONG, HOME);
    }
    users.setDisabled("alice", true, "chief");
    users.setDisabled("alice", false, "chief");
    users.passwd("alice", "a brand new passphrase", "deputy");

    List<AuditLog.Entry> entries = audit.recent(50);
    assertThat(entries)
        .extracting(AuditLog.Entry::action, AuditLog.Entry::actor, AuditLog.Entry::target)
        .containsExactly(
            tuple("user.passwd", "deputy", "user:alice"),
            tuple("user.enable", "chief", "user:alice"),
            tuple("user.disable", "chief", "user:alice"),
            tuple("user.lock", "system", "user:alice"),
            tuple("user.add", "root", "user:alice"));
    assertThat(entries).allSatisfy(e -> assertThat(e.at()).isEqualTo("2026-11-22T09:00:00Z"));
    assertThat(entries.get(4).detail()).contains("curator");
    assertThat(entries).allSatisfy(e -> assertThat(e.detail()).doesNotContain(PW));
    assertThat(audit.recent(2)).hasSize(2);
  }
}
