package org.metshub.answer;

import java.util.List;
import java.util.Optional;
import org.metshub.safety.ReaderContext;
import org.metshub.safety.SafetyPolicy;

/**
 * The safety policy as the answer engine sees it: runs before any retrieval and either stops (with
 * the urgent or refused answer to give instead) or lets the question through, possibly with notes
 * to show beside the answer ("if this is happening now, call …").
 */
public interface SafetyScreen {
  /** The outcome of screening one message. */
  record Result(Optional<Answer> stop, List<String> notes) {
    public Result {
      notes = List.copyOf(notes);
    }

    static final Result PROCEED = new Result(Optional.empty(), List.of());
  }

  /**
   * Screens one message from a reader; an urgent or refused answer carries its own footer, in the
   * reply language the policy chose.
   */
  Result screen(String message, ReaderContext reader, String conversationId);

  /** A screen that lets everything through (for tests of retrieval alone). */
  SafetyScreen NONE = (m, r, id) -> Result.PROCEED;

  /** The bundled safety policy ({@link SafetyPolicy}) as a screen. */
  static SafetyScreen policy(SafetyPolicy policy) {
    return new PolicyScreen(policy);
  }
}
