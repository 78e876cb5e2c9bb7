package org.metshub.answer;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Anonymous conversation contexts in memory, for tests and tools that need no database. A context
 * expires {@link #TTL} after its last use, and the store holds at most {@link #MAX} of them (the
 * least recently used go first). Thread-safe. The application keeps them in SQL.
 */
public final class MemoryConversations implements ConversationStore {
  static final int MAX = 10_000;

  private final Map<String, Conversation> byId = new ConcurrentHashMap<>();
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public MemoryConversations(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String newId() {
    return ConversationStore.randomId(random);
  }

  @Override
  public Optional<Conversation> get(String id) {
    if (id == null || id.isBlank()) {
      return Optional.empty();
    }
    Conversation c = byId.get(id);
    if (c == null) {
      return Optional.empty();
    }
    if (c.lastUsed().plus(TTL).isBefore(clock.instant())) {
      byId.remove(id);
      return Optional.empty();
    }
    return Optional.of(c);
  }

  @Override
  public void put(Conversation c) {
    byId.put(c.id(), c);
    if (byId.size() > MAX) {
      prune();
    }
  }

  /** Drops expired contexts, then the oldest ones beyond the cap. */
  synchronized void prune() {
    var now = clock.instant();
    byId.values().removeIf(c -> c.lastUsed().plus(TTL).isBefore(now));
    if (byId.size() > MAX) {
      byId.values().stream()
          .sorted(java.util.Comparator.comparing(Conversation::lastUsed))
          .limit(byId.size() - MAX)
          .map(Conversation::id)
          .toList()
          .forEach(byId::remove);
    }
  }

  public int size() {
    return byId.size();
  }

  @Override
  public Clock clock() {
    return clock;
  }
}
