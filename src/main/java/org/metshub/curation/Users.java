package org.metshub.curation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.Conflict;
import org.metshub.error.MetsHubException.NotFound;
import org.metshub.store.Columns;
import org.metshub.store.Database;
import org.metshub.store.Times;

/**
 * Console accounts: add, change password, disable, and log in with a lockout. Every change is
 * written to the audit log. Thread-safe.
 *
 * <p>The lockout is per user name and client address, with exponential backoff: after {@link
 * #MAX_FAILURES} wrong passwords in a row from one address, that address must wait {@link
 * #FIRST_LOCK} before it may try that name again, twice as long after each further miss, at most
 * {@link #MAX_LOCK}; a right password from the address resets its count. So a stranger's guesses
 * never lock the account's owner out from another address. A name that is no account (or a disabled
 * one) goes through the same steps, the same password hashing and the same counting, and gets the
 * same answers, so the answers do not reveal which accounts exist. The counts live in SQL (table
 * {@code login_failures}), where the limit lived before, so that every node behind a load balancer
 * sees them and concurrent failures all count.
 */
public final class Users {
  public static final int MAX_FAILURES = 5;

  /** The wait after the {@link #MAX_FAILURES}th failure: long enough to stop a script. */
  public static final Duration FIRST_LOCK = Duration.ofMinutes(1);

  /** The longest wait: 1, 2, 4 … 32 minutes, then an hour for every further miss. */
  public static final Duration MAX_LOCK = Duration.ofHours(1);

  /** A pair's count is forgotten a day after its last failure (longer than any wait). */
  static final Duration FORGET = Duration.ofDays(1);

  /** Longest client address kept (an IPv6 address with a zone fits). */
  private static final int CLIENT_MAX = 100;

  static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");

  private final Database db;
  private final Clock clock;
  private final AuditLog audit;

  public Users(Database db, Clock clock, AuditLog audit) {
    this.db = db;
    this.clock = clock;
    this.audit = audit;
  }

  /** The outcome of a login attempt. */
  public sealed interface Login {
    record Ok(User user) implements Login {}

    /** Unknown user, wrong password or disabled account: the same answer for all three. */
    record Denied() implements Login {}

    record Locked(Instant until) implements Login {}
  }

  static String checkUsername(@Nullable String username) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new BadInput(
          "a user name is 2 to 40 lower-case letters, digits, "
              + "'.', '_' or '-', starting with a letter or digit; got '"
              + (username == null ? "" : Columns.clip(username, 40))
              + "'");
    }
    return username;
  }

  static void checkPassword(@Nullable String password) {
    String p = Passwords.problem(password);
    if (p != null) {
      throw new BadInput(p);
    }
  }

  /** Adds an account; {@code actor} is who did it (for the audit log). */
  public User add(String username, String password, Role role, String actor) {
    checkUsername(username);
    checkPassword(password);
    String hash = Passwords.hash(password);
    String now = Times.now(clock);
    return db.tx(
        c -> {
          if (find(c, username).isPresent()) {
            throw new Conflict("user '" + username + "' already exists");
          }
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO users (username, "
                      + "password_hash, role, disabled, failed_logins, created_at, updated_at) "
                      + "VALUES (?, ?, ?, 0, 0, ?, ?) RETURNING id")) {
            ps.setString(1, username);
            ps.setString(2, hash);
            ps.setString(3, role.id());
            ps.setString(4, now);
            ps.setString(5, now);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              id = rs.getLong(1);
            }
          } catch (SQLException e) {
            if (Database.isUniqueViolation(e)) {
              throw new Conflict("user '" + username + "' already exists");
            }
            throw e;
          }
          audit.record(c, actor, "user.add", "user:" + username, null, null, "role " + role.id());
          return new User(id, username, role, false);
        });
  }

  /** Sets a new password, unlocks the account (from every address) and ends its sessions. */
  public void passwd(String username, String password, String actor) {
    checkUsername(username);
    checkPassword(password);
    String hash = Passwords.hash(password);
    db.tx(
        c -> {
          User u = find(c, username).orElseThrow(() -> new NotFound("no user '" + username + "'"));
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE users SET password_hash = ?, "
                      + "failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?")) {
            ps.setString(1, hash);
            ps.setString(2, Times.now(clock));
            ps.setLong(3, u.id());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM login_failures WHERE username = ?")) {
            ps.setString(1, username);
            ps.executeUpdate();
          }
          Sessions.endAll(c, u.id());
          audit.record(c, actor, "user.passwd", "user:" + username, null, null, "password changed");
          return null;
        });
  }

  /** Disables (or enables again) an account; disabling ends its sessions at once. */
  public void setDisabled(String username, boolean disabled, String actor) {
    checkUsername(username);
    db.tx(
        c -> {
          User u = find(c, username).orElseThrow(() -> new NotFound("no user '" + username + "'"));
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?")) {
            ps.setInt(1, disabled ? 1 : 0);
            ps.setString(2, Times.now(clock));
            ps.setLong(3, u.id());
            ps.executeUpdate();
          }
          if (disabled) {
            Sessions.endAll(c, u.id());
          }
          audit.record(
              c,
              actor,
              disabled ? "user.disable" : "user.enable",
              "user:" + username,
              null,
              null,
              disabled ? "account disabled" : "account enabled");
          return null;
        });
  }

  /** The wait after the {@code failures}th failure in a row (none below the limit). */
  public static Duration lockFor(int failures) {
    if (failures < MAX_FAILURES) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - MAX_FAILURES, 20);
    Duration d = FIRST_LOCK.multipliedBy(1L << doublings);
    return d.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : d;
  }

  /**
   * Checks a login from {@code client} (the client's address); counts failures and locks as
   * described above.
   */
  public Login login(
      @Nullable String username, @Nullable String password, @Nullable String client) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      // Not a possible account name, so it reveals nothing; not counted, to keep junk out.
      Passwords.burn(password);
      return new Login.Denied();
    }
    String from = client == null || client.isEmpty() ? "unknown" : Columns.clip(client, CLIENT_MAX);
    Instant now = clock.instant();
    Optional<Instant> locked = db.tx(c -> lockedUntil(c, username, from));
    if (locked.isPresent() && now.isBefore(locked.get())) {
      return new Login.Locked(locked.get());
    }
    Optional<Row> row = db.tx(c -> row(c, username));
    // The same work whether or not the account exists: one Argon2 derivation.
    boolean ok;
    if (row.isPresent()) {
      ok = Passwords.verify(password, row.get().hash) && !row.get().user.disabled();
    } else {
      Passwords.burn(password);
      ok = false;
    }
    return db.tx(
        c -> {
          if (ok) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "DELETE FROM login_failures WHERE username = ? AND client = ?")) {
              ps.setString(1, username);
              ps.setString(2, from);
              ps.executeUpdate();
            }
            return new Login.Ok(row.get().user);
          }
          return failed(c, username, from, now);
        });
  }

  /** Counts a failure of (name, address) in SQL, so concurrent failures all count. */
  private Login failed(Connection c, String username, String client, Instant now)
      throws SQLException {
    try (PreparedStatement sweep =
        c.prepareStatement("DELETE FROM login_failures WHERE updated_at < ?")) {
      sweep.setString(1, Times.text(now.minus(FORGET)));
      sweep.executeUpdate();
    }
    int failures;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO login_failures (username, "
                + "client, failures, locked_until, updated_at) VALUES (?, ?, 1, NULL, ?) "
                + "ON CONFLICT (username, client) DO UPDATE SET failures = "
                + "login_failures.failures + 1, updated_at = excluded.updated_at RETURNING failures")) {
      ps.setString(1, username);
      ps.setString(2, client);
      ps.setString(3, Times.text(now));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        failures = rs.getInt(1);
      }
    }
    if (failures < MAX_FAILURES) {
      return new Login.Denied();
    }
    Instant until = now.plus(lockFor(failures));
    try (PreparedStatement lock =
        c.prepareStatement(
            "UPDATE login_failures SET " + "locked_until = ? WHERE username = ? AND client = ?")) {
      lock.setString(1, Times.text(until));
      lock.setString(2, username);
      lock.setString(3, client);
      lock.executeUpdate();
    }
    audit.record(
        c,
        "system",
        "user.lock",
        "user:" + username,
        null,
        null,
        failures
            + " failed logins in a row from "
            + client
            + "; that address waits until "
            + Times.text(until));
    return new Login.Locked(Times.parse(Times.text(until)));
  }

  private static Optional<Instant> lockedUntil(Connection c, String username, String client)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT locked_until FROM login_failures " + "WHERE username = ? AND client = ?")) {
      ps.setString(1, username);
      ps.setString(2, client);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getString(1) == null) {
          return Optional.empty();
        }
        return Optional.of(Times.parse(rs.getString(1)));
      }
    }
  }

  public Optional<User> find(String username) {
    return db.tx(c -> find(c, username));
  }

  public List<User> all() {
    return db.tx(
        c -> {
          List<User> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT id, username, role, disabled FROM users ORDER BY username");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(user(rs));
            }
          }
          return out;
        });
  }

  public int count() {
    return db.rowCount("users");
  }

  static Optional<User> find(Connection c, String username) throws SQLException {
    return row(c, username).map(r -> r.user);
  }

  private record Row(User user, String hash) {}

  private static Optional<Row> row(Connection c, String username) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, username, role, disabled, "
                + "password_hash FROM users WHERE username = ?")) {
      ps.setString(1, username);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Row(user(rs), rs.getString("password_hash")));
      }
    }
  }

  static User user(ResultSet rs) throws SQLException {
    return new User(
        rs.getLong("id"),
        rs.getString("username"),
        Role.parse(rs.getString("role")),
        rs.getInt("disabled") != 0);
  }
}
