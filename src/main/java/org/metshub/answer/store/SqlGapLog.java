package org.metshub.answer.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.metshub.answer.GapLog;
import org.metshub.answer.Reason;
import org.metshub.store.Columns;
import org.metshub.store.Database;

/**
 * Content gaps in the database: abstained questions, already scrubbed, grouped by their normalised
 * text and language, with a count and the first and last day seen. No time of day, no client data.
 * One upsert per question, so concurrent recording never loses a count.
 */
public final class SqlGapLog implements GapLog {
  private final Database db;
  private final Clock clock;

  public SqlGapLog(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public void record(
      String scrubbedQuestion,
      String language,
      Reason reason,
      boolean followUp,
      List<String> sections) {
    String day = LocalDate.now(clock).toString();
    String q = Columns.clip(scrubbedQuestion, 1000);
    // A question ever asked as a follow-up stays one: its words may lean on a turn before.
    db.tx(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO gaps (group_key, language, question, reason, count, first_day, "
                      + "last_day, follow_up, sections, reason_kind, reason_args) "
                      + "VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?) "
                      + "ON CONFLICT (group_key, language) DO UPDATE SET count = gaps.count + 1, "
                      + "last_day = excluded.last_day, reason = excluded.reason, "
                      + "reason_kind = excluded.reason_kind, reason_args = excluded.reason_args, "
                      + "sections = excluded.sections, "
                      + "follow_up = CASE WHEN excluded.follow_up = 1 THEN 1 ELSE gaps.follow_up END")) {
            ps.setString(1, Columns.clip(GapLog.normalise(q), 1000));
            ps.setString(2, language);
            ps.setString(3, q);
            ps.setString(4, Columns.clip(reason.text(), 2000));
            ps.setString(5, day);
            ps.setString(6, day);
            ps.setInt(7, followUp ? 1 : 0);
            ps.setString(8, String.join("\n", sections));
            ps.setString(9, reason.kind());
            // The values are headings, page ids, words and figures: never a line break.
            ps.setString(
                10,
                String.join("\n", reason.args().stream().map(x -> x.replace('\n', ' ')).toList()));
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public List<Gap> gaps(int limit) {
    return details(limit).stream()
        .map(g -> new Gap(g.question(), g.language(), g.count()))
        .toList();
  }

  /** How many groups there are. */
  public int count() {
    return db.rowCount("gaps");
  }

  /** A group of abstained questions with its reason and days. */
  public record Detail(
      String key,
      String question,
      String language,
      int count,
      String reason,
      String firstDay,
      String lastDay,
      boolean followUp,
      List<String> sections,
      Reason why) {
    public Detail {
      sections = List.copyOf(sections);
    }
  }

  /** The groups, most frequent first. */
  public List<Detail> details(int limit) {
    return db.tx(
        c -> {
          List<Detail> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT group_key, question, language, count, reason, first_day, last_day, "
                      + "follow_up, sections, reason_kind, reason_args FROM gaps "
                      + "ORDER BY count DESC, last_day DESC, "
                      + "question LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String sections = rs.getString(9);
                String args = rs.getString(11);
                out.add(
                    new Detail(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getInt(8) != 0,
                        sections.isEmpty() ? List.of() : List.of(sections.split("\n")),
                        new Reason(
                            rs.getString(10),
                            args.isEmpty() ? List.of() : List.of(args.split("\n", -1)),
                            rs.getString(5))));
              }
            }
          }
          return out;
        });
  }
}
