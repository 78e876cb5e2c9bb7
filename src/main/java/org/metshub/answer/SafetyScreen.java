package org.metshub.answer;

import java.util.List;
import java.util.Optional;

/**
 * The safety policy as the answer engine sees it: runs before any retrieval and either stops
 * (with the urgent or refused answer to give instead) or lets the question through, possibly
 * with notes to show beside the answer ("if this is happening now, call …").
 */
public interface SafetyScreen {
  /** The outcome of screening one message. */
  record Result(Optional<Answer> stop, List<String> notes) {
    public Result {
      notes = List.copyOf(notes);
    }

    static final Result PROCEED = new Result(Optional.empty(), List.of());
  }

  Result screen(String message, String language, Optional<String> country,
      String conversationId, String disclaimer);

  /** A screen that lets everything through (for tests of retrieval alone). */
  SafetyScreen NONE = (m, l, c, id, d) -> Result.PROCEED;

  /** The bundled safety policy ({@link SafetyPolicy}) as a screen. */
  static SafetyScreen policy(SafetyPolicy policy) {
    return new PolicyScreen(policy);
  }
}
