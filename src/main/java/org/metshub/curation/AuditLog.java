package org.metshub.curation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.metshub.store.Database;
import org.metshub.store.Times;

/**
 * Who changed what, when, with the content hashes before and after. Written in the same transaction
 * as the change it describes, so there is never a change without its entry. Rows are only ever
 * inserted.
 */
public final class AuditLog {
  private final Database db;
  private final Clock clock;

  public AuditLog(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** One audit entry. */
  public record Entry(
      long id,
      String at,
      String actor,
      String action,
      String target,
      @Nullable String hashBefore,
      @Nullable String hashAfter,
      String detail) {}

  void record(
      Connection c,
      String actor,
      String action,
      String target,
      @Nullable String hashBefore,
      @Nullable String hashAfter,
      String detail)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_log (at, actor, action, "
                + "target, hash_before, hash_after, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, Times.now(clock));
      ps.setString(2, actor);
      ps.setString(3, action);
      ps.setString(4, target);
      ps.setString(5, hashBefore);
      ps.setString(6, hashAfter);
      ps.setString(7, detail);
      ps.executeUpdate();
    }
  }

  /** The newest {@code limit} entries, newest first. */
  public List<Entry> recent(int limit) {
    return db.tx(
        c -> {
          List<Entry> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, at, actor, action, target, "
                      + "hash_before, hash_after, detail FROM audit_log ORDER BY id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Entry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)));
              }
            }
          }
          return out;
        });
  }
}
