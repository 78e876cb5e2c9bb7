package org.metshub.answer;

import java.util.Optional;

/**
 * The safety policy as the answer engine sees it: runs before any retrieval and, when the
 * message needs it, returns the urgent or refused answer to give instead.
 */
public interface SafetyScreen {
  Optional<Answer> screen(String message, String language, Optional<String> country,
      String conversationId, String disclaimer);

  /** A screen that lets everything through (for tests of retrieval alone). */
  SafetyScreen NONE = (m, l, c, id, d) -> Optional.empty();
}
