package org.metshub.answer;

import java.util.List;
import java.util.Optional;

/**
 * One answer evaluation case: user turns (the expectations apply to the reply to the last one) and
 * what that reply must show. Immutable.
 */
public record EvalCase(
    String id,
    List<String> turns,
    Optional<String> language,
    Optional<String> country,
    Optional<String> outcome,
    int minCitations,
    List<String> citedCancerTypes,
    List<String> citedDocs,
    List<String> mustContain,
    List<String> mustNotContain,
    boolean disclaimer,
    Optional<String> replyLanguage) {

  public EvalCase {
    turns = List.copyOf(turns);
    citedCancerTypes = List.copyOf(citedCancerTypes);
    citedDocs = List.copyOf(citedDocs);
    mustContain = List.copyOf(mustContain);
    mustNotContain = List.copyOf(mustNotContain);
    if (turns.isEmpty()) {
      throw new IllegalArgumentException("case " + id + " has no user turns");
    }
  }
}
