package org.metshub.curation;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.metshub.kb.AtomicFiles;
import org.metshub.store.Database;
import org.metshub.store.Times;

/**
 * Console sessions, kept in the database so that any node behind a load balancer knows them. The
 * cookie carries a random 256-bit token; the table keeps only its SHA-256, so a leaked database
 * does not leak live sessions. Each session has its own CSRF token. A session lasts {@link
 * #LIFETIME} and ends at logout, on a password change or when the account is disabled.
 */
public final class Sessions {
  public static final Duration LIFETIME = Duration.ofHours(8);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database db;
  private final Clock clock;

  public Sessions(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** A live session: who, and the CSRF token its forms must carry. */
  public record Session(User user, String csrf) {}

  /** A new session for {@code user}; returns the cookie token (shown once, never stored). */
  public String start(User user) {
    String token = randomToken();
    String csrf = randomToken();
    db.tx(
        c -> {
          try (PreparedStatement del =
              c.prepareStatement("DELETE FROM sessions WHERE expires_at < ?")) {
            del.setString(1, Times.now(clock));
            del.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO sessions (token_hash, "
                      + "user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, sha256(token));
            ps.setLong(2, user.id());
            ps.setString(3, csrf);
            ps.setString(4, Times.now(clock));
            ps.setString(5, Times.text(clock.instant().plus(LIFETIME)));
            ps.executeUpdate();
          }
          return null;
        });
    return token;
  }

  /** The live session of a cookie token, if any (expired and disabled ones are not). */
  public Optional<Session> find(@Nullable String token) {
    if (token == null || token.length() < 20 || token.length() > 100) {
      return Optional.empty();
    }
    return db.tx(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT u.id, u.username, u.role, "
                      + "u.disabled, s.csrf, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id "
                      + "WHERE s.token_hash = ?")) {
            ps.setString(1, sha256(token));
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              User u = Users.user(rs);
              if (u.disabled()
                  || !clock.instant().isBefore(Times.parse(rs.getString("expires_at")))) {
                return Optional.empty();
              }
              return Optional.of(new Session(u, rs.getString("csrf")));
            }
          }
        });
  }

  /** Ends the session of a cookie token (logout). */
  public void end(@Nullable String token) {
    if (token == null) {
      return;
    }
    db.tx(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM sessions WHERE token_hash = ?")) {
            ps.setString(1, sha256(token));
            ps.executeUpdate();
          }
          return null;
        });
  }

  static void endAll(Connection c, long userId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE user_id = ?")) {
      ps.setLong(1, userId);
      ps.executeUpdate();
    }
  }

  /** 32 random bytes, URL-safe Base64. */
  public static String randomToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** How tokens (and conversation ids) are kept: their SHA-256 in hex. */
  static String sha256(String s) {
    return AtomicFiles.hash(s);
  }
}
