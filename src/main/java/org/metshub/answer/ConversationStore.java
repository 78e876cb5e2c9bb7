package org.metshub.answer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Where the anonymous context of a conversation is kept between turns ({@link Conversation}: cancer
 * types, sites, topic words and language; never the question). Ids are unguessable; a context
 * expires {@link #TTL} after its last turn. Implementations are thread-safe.
 */
public interface ConversationStore {
  /** How long a conversation is remembered after its last turn. */
  Duration TTL = Duration.ofMinutes(30);

  /** A fresh id (22 URL-safe characters, 128 random bits). */
  String newId();

  /** The live context of an id, if it exists and has not expired. */
  Optional<Conversation> get(String id);

  /** Stores the context after a turn, replacing the previous one of the same id. */
  void put(Conversation c);

  /** The clock that dates turns and expiries. */
  Clock clock();

  /** 128 random bits as 22 URL-safe characters. */
  static String randomId(SecureRandom random) {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
