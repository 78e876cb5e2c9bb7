package org.metshub.curation;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.metshub.store.Columns;
import org.metshub.store.Database;
import org.metshub.store.Times;
import org.metshub.text.QuestionScrubber;

/**
 * Reader feedback on answers (helpful or not, and an optional comment), for the curators' inbox.
 * The question and comment are stored scrubbed of numbers, e-mail addresses and names, as content
 * gaps are; nothing identifies the reader. Thread-safe.
 */
public final class Feedback {
  public static final int MAX_COMMENT = 1000;

  private final Database db;
  private final Clock clock;

  public Feedback(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** One piece of feedback. */
  public record Entry(
      long id,
      String at,
      String question,
      String conversationId,
      String outcome,
      boolean helpful,
      String comment) {}

  public void record(
      String question,
      @Nullable String conversationId,
      @Nullable String outcome,
      boolean helpful,
      @Nullable String comment) {
    db.tx(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO feedback (at, question, "
                      + "conversation_id, outcome, helpful, comment) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, Times.now(clock));
            ps.setString(2, Columns.clip(QuestionScrubber.scrub(question), 2000));
            ps.setString(3, conversationId == null ? "" : conversationId);
            ps.setString(4, outcome == null ? "" : outcome);
            ps.setInt(5, helpful ? 1 : 0);
            ps.setString(
                6,
                Columns.clip(QuestionScrubber.scrub(comment == null ? "" : comment), MAX_COMMENT));
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** The newest {@code limit} entries, newest first. */
  public List<Entry> recent(int limit) {
    return db.tx(
        c -> {
          List<Entry> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, at, question, "
                      + "conversation_id, outcome, helpful, comment FROM feedback ORDER BY id DESC LIMIT ?")) {
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
                        rs.getInt(6) != 0,
                        rs.getString(7)));
              }
            }
          }
          return out;
        });
  }

  public int count() {
    return db.rowCount("feedback");
  }
}
