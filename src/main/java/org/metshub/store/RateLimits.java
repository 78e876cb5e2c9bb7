package org.metshub.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A per-client limit of at most {@code max} events in a sliding {@code window}, kept in the
 * database so that every node behind a load balancer counts the same events.
 *
 * <p>The window slides by the usual two-counter estimate: the events of the current fixed window
 * plus those of the previous one weighted by how much of it still lies inside the sliding window.
 * An event is counted and refused in one transaction; the row update takes the client's row lock,
 * so two nodes counting the same client at once are serialised (on PostgreSQL by the row lock, on
 * SQLite by its single writer). Clients are kept as the SHA-256 of their address. Thread-safe.
 */
public final class RateLimits {
  private final Database db;
  private final Clock clock;
  private final String bucket;
  private final int max;
  private final long windowSeconds;

  /** The outcome of one event: allowed, or refused with the seconds to wait. */
  public record Decision(boolean allowed, long retryAfterSeconds) {}

  /**
   * @param bucket which limit this is ("suggest", "login", "feedback")
   * @param max events allowed per window, at least 1
   * @param window the window, at least one second
   */
  public RateLimits(Database db, Clock clock, String bucket, int max, Duration window) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    if (max < 1) {
      throw new IllegalArgumentException("a rate limit needs at least 1 event, got " + max);
    }
    if (window.toSeconds() < 1) {
      throw new IllegalArgumentException("a rate limit window is at least 1 s, got " + window);
    }
    this.max = max;
    this.windowSeconds = window.toSeconds();
  }

  public int max() {
    return max;
  }

  /** Counts one event for {@code client}: allowed, or refused (and then not counted). */
  public Decision hit(String client) {
    long now = clock.instant().getEpochSecond();
    long number = Math.floorDiv(now, windowSeconds);
    double inside = 1 - (double) (now - number * windowSeconds) / windowSeconds;
    String who = sha256(client);
    return db.tx(
        c -> {
          try (PreparedStatement sweep =
              c.prepareStatement(
                  "DELETE FROM rate_limit_hits WHERE bucket = ? AND window_number < ?")) {
            sweep.setString(1, bucket);
            sweep.setLong(2, number - 1);
            sweep.executeUpdate();
          }
          int current;
          try (PreparedStatement up =
              c.prepareStatement(
                  "INSERT INTO rate_limit_hits (bucket, "
                      + "client, window_number, hits) VALUES (?, ?, ?, 1) ON CONFLICT (bucket, client, "
                      + "window_number) DO UPDATE SET hits = rate_limit_hits.hits + 1 RETURNING hits")) {
            up.setString(1, bucket);
            up.setString(2, who);
            up.setLong(3, number);
            try (ResultSet rs = up.executeQuery()) {
              rs.next();
              current = rs.getInt(1);
            }
          }
          int previous = 0;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT hits FROM rate_limit_hits WHERE "
                      + "bucket = ? AND client = ? AND window_number = ?")) {
            ps.setString(1, bucket);
            ps.setString(2, who);
            ps.setLong(3, number - 1);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                previous = rs.getInt(1);
              }
            }
          }
          if (previous * inside + current <= max) {
            return new Decision(true, 0);
          }
          try (PreparedStatement down =
              c.prepareStatement(
                  "UPDATE rate_limit_hits SET hits = "
                      + "hits - 1 WHERE bucket = ? AND client = ? AND window_number = ?")) {
            down.setString(1, bucket);
            down.setString(2, who);
            down.setLong(3, number);
            down.executeUpdate();
          }
          return new Decision(false, retryAfter(now, number, previous, current - 1));
        });
  }

  /**
   * Seconds until one more event would be allowed: while the previous window's weight fades, or,
   * when the current window alone is full, until it becomes the previous one and fades enough.
   */
  private long retryAfter(long now, long number, int previous, int current) {
    long end = (number + 1) * windowSeconds;
    if (current + 1 <= max && previous > 0) {
      // previous * (1 - t / W) + current + 1 <= max  <=>  t >= W * (1 - (max - current - 1) /
      // previous)
      double t = windowSeconds * (1 - (double) (max - current - 1) / previous);
      long at = number * windowSeconds + (long) Math.ceil(t);
      return Math.max(1, at - now);
    }
    // Next window: current becomes previous; current * (1 - t / W) + 1 <= max.
    double t = current == 0 ? 0 : windowSeconds * (1 - (double) (max - 1) / current);
    return Math.max(1, end + (long) Math.ceil(Math.max(0, t)) - now);
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
