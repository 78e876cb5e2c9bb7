package org.metshub.curation;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.metshub.error.MetsHubException.Internal;
import org.metshub.store.Database;
import org.metshub.store.Times;

/**
 * The queue of suggested resources. A suggestion whose URL (by {@link UrlKey}) is already in the
 * KB, or already waiting or approved in the queue, is refused with a message saying which; a unique
 * index backs the queue check so that two people suggesting the same site at once still make one
 * entry. Each suggestion gets a reference such as {@code MH-7K3Q-9XPD}. Thread-safe.
 */
public final class Submissions {
  /** What a reference looks like (Crockford base32, no I, L, O or U). */
  public static final Pattern REFERENCE =
      Pattern.compile("MH-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");

  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();
  static final String COLUMNS =
      "id, reference, name, url, description, cancer_types, "
          + "countries, contact, status, created_at, decided_by, decided_at, reason, publish_status, "
          + "doc_id, doc_path";

  private final Database db;
  private final Clock clock;
  private final KbLive kb;

  public Submissions(Database db, Clock clock, KbLive kb) {
    this.db = db;
    this.clock = clock;
    this.kb = kb;
  }

  /** Adds a checked suggestion to the queue; refuses a duplicate with a message. */
  public Submission submit(Suggestion s) {
    String key = UrlKey.of(s.url());
    Optional<String> known = kb.titleOfUrl(key);
    if (known.isPresent()) {
      throw DuplicateSuggestion.listed(known.get());
    }
    String now = Times.now(clock);
    for (int attempt = 0; ; attempt++) {
      String ref = newReference();
      try {
        return db.tx(
            c -> {
              if (openWithUrl(c, key)) {
                throw DuplicateSuggestion.queued();
              }
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO submissions (reference, "
                          + "name, url, url_key, description, cancer_types, countries, contact, status, "
                          + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?) RETURNING id")) {
                ps.setString(1, ref);
                ps.setString(2, s.name());
                ps.setString(3, s.url());
                ps.setString(4, key);
                ps.setString(5, s.description());
                ps.setString(6, String.join("|", s.cancerTypes()));
                ps.setString(7, String.join("|", s.countries()));
                ps.setString(8, s.contact().isEmpty() ? null : s.contact());
                ps.setString(9, now);
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  return get(c, rs.getLong(1)).orElseThrow();
                }
              }
            });
      } catch (Internal e) {
        if (e.getCause() instanceof SQLException sql && Database.isUniqueViolation(sql)) {
          if (attempt < 3 && String.valueOf(sql.getMessage()).contains("reference")) {
            continue; // a reference drawn twice: draw again
          }
          throw DuplicateSuggestion.queued();
        }
        throw e;
      }
    }
  }

  private static boolean openWithUrl(Connection c, String key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM submissions WHERE url_key = ? AND status <> 'rejected'")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Submissions in a state ({@code pending}, {@code approved}, ...), oldest first. */
  public List<Submission> list(String status, int limit) {
    return db.tx(
        c -> {
          List<Submission> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM submissions WHERE status = ? ORDER BY created_at, id LIMIT ?")) {
            ps.setString(1, status);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(read(rs));
              }
            }
          }
          return out;
        });
  }

  public int count(String status) {
    return db.tx(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT count(*) FROM submissions WHERE status = ?")) {
            ps.setString(1, status);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }

  public Optional<Submission> get(long id) {
    return db.tx(c -> get(c, id));
  }

  static Optional<Submission> get(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM submissions WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  static Submission read(ResultSet rs) throws SQLException {
    return new Submission(
        rs.getLong("id"),
        rs.getString("reference"),
        rs.getString("name"),
        rs.getString("url"),
        rs.getString("description"),
        split(rs.getString("cancer_types")),
        split(rs.getString("countries")),
        rs.getString("contact"),
        rs.getString("status"),
        rs.getString("created_at"),
        rs.getString("decided_by"),
        rs.getString("decided_at"),
        rs.getString("reason"),
        rs.getString("publish_status"),
        rs.getString("doc_id"),
        rs.getString("doc_path"));
  }

  private static List<String> split(String s) {
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\\|"));
  }

  static String newReference() {
    StringBuilder sb = new StringBuilder("MH-");
    for (int i = 0; i < 8; i++) {
      if (i == 4) {
        sb.append('-');
      }
      sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return sb.toString();
  }
}
