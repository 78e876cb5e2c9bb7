package org.metshub.answer.store;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.metshub.answer.Conversation;
import org.metshub.answer.ConversationStore;
import org.metshub.store.Database;
import org.metshub.store.Times;

/**
 * Conversation contexts in the operational database, so a follow-up continues on any node behind a
 * load balancer and across {@code metshub ask --conversation ID} runs. A row holds what {@link
 * Conversation} holds and no more; its key is the SHA-256 of the id, so the table alone cannot be
 * used to continue anyone's conversation. Expired rows are deleted at most once a minute, on a
 * write.
 */
public final class SqlConversations implements ConversationStore {
  /** How often expired rows are swept. */
  static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

  /** Longest section address kept (a document id and a heading's anchor). */
  static final int MAX_SECTION = 400;

  /** Longest topic kept: the topic words of one question. */
  static final int MAX_TOPIC = 500;

  private final Database db;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

  public SqlConversations(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public String newId() {
    return ConversationStore.randomId(random);
  }

  @Override
  public Optional<Conversation> get(String id) {
    if (id == null || id.isBlank() || id.length() > 100) {
      return Optional.empty();
    }
    String oldest = Times.text(clock.instant().minus(TTL));
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT cancer_types, sites, topic, "
                      + "language, last_used, section FROM conversations WHERE id_hash = ? AND last_used >= ?")) {
            ps.setString(1, org.metshub.kb.AtomicFiles.hash(id));
            ps.setString(2, oldest);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.<Conversation>empty();
              }
              return Optional.of(
                  new Conversation(
                      id,
                      split(rs.getString(1)),
                      split(rs.getString(2)),
                      rs.getString(3),
                      rs.getString(4),
                      Times.parse(rs.getString(5)),
                      rs.getString(6)));
            }
          }
        });
  }

  @Override
  public void put(Conversation conv) {
    Instant now = clock.instant();
    boolean sweep = false;
    Instant last = Objects.requireNonNull(lastSweep.get());
    if (!now.isBefore(last.plus(SWEEP_EVERY)) && lastSweep.compareAndSet(last, now)) {
      sweep = true;
    }
    boolean sweepNow = sweep;
    db.tx(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO conversations (id_hash, "
                      + "cancer_types, sites, topic, language, last_used, section) "
                      + "VALUES (?, ?, ?, ?, ?, ?, ?) "
                      + "ON CONFLICT (id_hash) DO UPDATE SET cancer_types = excluded.cancer_types, "
                      + "sites = excluded.sites, topic = excluded.topic, language = excluded.language, "
                      + "last_used = excluded.last_used, section = excluded.section")) {
            ps.setString(1, org.metshub.kb.AtomicFiles.hash(conv.id()));
            ps.setString(2, join(conv.cancerTypes()));
            ps.setString(3, join(conv.sites()));
            ps.setString(4, cut(conv.topic() == null ? "" : conv.topic()));
            ps.setString(5, conv.language());
            ps.setString(6, Times.text(conv.lastUsed()));
            ps.setString(7, conv.section().length() <= MAX_SECTION ? conv.section() : "");
            ps.executeUpdate();
          }
          if (sweepNow) {
            try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM conversations WHERE last_used < ?")) {
              ps.setString(1, Times.text(now.minus(TTL)));
              ps.executeUpdate();
            }
          }
          return null;
        });
  }

  /** Rows in the table, expired or not (for tests and the dashboard). */
  public int size() {
    return db.rowCount("conversations");
  }

  @Override
  public Clock clock() {
    return clock;
  }

  /** The first {@link #MAX_TOPIC} characters, never half a surrogate pair; no ellipsis. */
  private static String cut(String topic) {
    if (topic.length() <= MAX_TOPIC) {
      return topic;
    }
    int end = Character.isHighSurrogate(topic.charAt(MAX_TOPIC - 1)) ? MAX_TOPIC - 1 : MAX_TOPIC;
    return topic.substring(0, end);
  }

  // Vocabulary ids and site names never hold a line break.
  private static String join(List<String> values) {
    return String.join("\n", values);
  }

  private static List<String> split(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
  }
}
