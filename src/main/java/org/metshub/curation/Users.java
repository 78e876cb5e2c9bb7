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
import org.metshub.store.Database;

/**
 * Console accounts: add, change password, disable, and log in with a lockout. After
 * {@link #MAX_FAILURES} wrong passwords in a row an account is locked for {@link #LOCKOUT};
 * a right password resets the count. Every change is written to the audit log. Thread-safe.
 */
public final class Users {
  public static final int MAX_FAILURES = 5;
  public static final Duration LOCKOUT = Duration.ofMinutes(15);
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

  static String checkUsername(String username) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw CurationException.invalid("a user name is 2 to 40 lower-case letters, digits, "
          + "'.', '_' or '-', starting with a letter or digit; got '"
          + (username == null ? "" : Text.clip(username, 40)) + "'");
    }
    return username;
  }

  static void checkPassword(String password) {
    String p = Passwords.problem(password);
    if (p != null) {
      throw CurationException.invalid(p);
    }
  }

  /** Adds an account; {@code actor} is who did it (for the audit log). */
  public User add(String username, String password, Role role, String actor) {
    checkUsername(username);
    checkPassword(password);
    String hash = Passwords.hash(password);
    String now = Times.now(clock);
    return db.tx(c -> {
      if (find(c, username).isPresent()) {
        throw CurationException.conflict("user '" + username + "' already exists");
      }
      long id;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (username, "
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
          throw CurationException.conflict("user '" + username + "' already exists");
        }
        throw e;
      }
      audit.record(c, actor, "user.add", "user:" + username, null, null, "role " + role.id());
      return new User(id, username, role, false);
    });
  }

  /** Sets a new password, unlocks the account and ends its sessions. */
  public void passwd(String username, String password, String actor) {
    checkUsername(username);
    checkPassword(password);
    String hash = Passwords.hash(password);
    db.tx(c -> {
      User u = find(c, username).orElseThrow(
          () -> CurationException.notFound("no user '" + username + "'"));
      try (PreparedStatement ps = c.prepareStatement("UPDATE users SET password_hash = ?, "
          + "failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?")) {
        ps.setString(1, hash);
        ps.setString(2, Times.now(clock));
        ps.setLong(3, u.id());
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
    db.tx(c -> {
      User u = find(c, username).orElseThrow(
          () -> CurationException.notFound("no user '" + username + "'"));
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?")) {
        ps.setInt(1, disabled ? 1 : 0);
        ps.setString(2, Times.now(clock));
        ps.setLong(3, u.id());
        ps.executeUpdate();
      }
      if (disabled) {
        Sessions.endAll(c, u.id());
      }
      audit.record(c, actor, disabled ? "user.disable" : "user.enable", "user:" + username,
          null, null, disabled ? "account disabled" : "account enabled");
      return null;
    });
  }

  /** Checks a login; counts failures and locks as described above. */
  public Login login(String username, String password) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      Passwords.burn(password);
      return new Login.Denied();
    }
    Instant now = clock.instant();
    Optional<Row> row = db.tx(c -> row(c, username));
    if (row.isEmpty()) {
      Passwords.burn(password);
      return new Login.Denied();
    }
    Row r = row.get();
    if (r.lockedUntil != null && now.isBefore(r.lockedUntil)) {
      return new Login.Locked(r.lockedUntil);
    }
    boolean ok = Passwords.verify(password, r.hash);
    return db.tx(c -> {
      if (ok && !r.user.disabled()) {
        try (PreparedStatement ps = c.prepareStatement(
            "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?")) {
          ps.setLong(1, r.user.id());
          ps.executeUpdate();
        }
        return new Login.Ok(r.user);
      }
      if (r.user.disabled()) {
        return new Login.Denied();
      }
      // Counted in SQL so that concurrent failures all count.
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ? "
              + "RETURNING failed_logins")) {
        ps.setLong(1, r.user.id());
        int failures;
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          failures = rs.getInt(1);
        }
        if (failures >= MAX_FAILURES) {
          Instant until = now.plus(LOCKOUT);
          try (PreparedStatement lock = c.prepareStatement(
              "UPDATE users SET failed_logins = 0, locked_until = ? WHERE id = ?")) {
            lock.setString(1, Times.text(until));
            lock.setLong(2, r.user.id());
            lock.executeUpdate();
          }
          audit.record(c, "system", "user.lock", "user:" + username, null, null,
              failures + " failed logins; locked until " + Times.text(until));
          return new Login.Locked(until);
        }
      }
      return new Login.Denied();
    });
  }

  public Optional<User> find(String username) {
    return db.tx(c -> find(c, username));
  }

  public List<User> all() {
    return db.tx(c -> {
      List<User> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
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

  private record Row(User user, String hash, Instant lockedUntil) {}

  private static Optional<Row> row(Connection c, String username) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id, username, role, disabled, "
        + "password_hash, locked_until FROM users WHERE username = ?")) {
      ps.setString(1, username);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String locked = rs.getString("locked_until");
        return Optional.of(new Row(user(rs), rs.getString("password_hash"),
            locked == null ? null : Times.parse(locked)));
      }
    }
  }

  static User user(ResultSet rs) throws SQLException {
    return new User(rs.getLong("id"), rs.getString("username"),
        Role.parse(rs.getString("role")), rs.getInt("disabled") != 0);
  }
}
