package org.metshub.answer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place that decides whether the KB answers a question: {@link Sufficient} with the
 * section to quote, or {@link Insufficient} with a reason a curator can read on the content-gaps
 * page. It abstains when:
 *
 * <ul>
 *   <li>no quotable passage is similar enough to the question (the threshold of its type, from
 *       {@link Thresholds});
 *   <li>more than a third of the question's words never occur in the KB: it asks about
 *       something the KB does not cover ("deduct", "hospital rankings");
 *   <li>the best section never speaks about the question's own subject: none of its rarest
 *       terms, and fewer than 60% of its terms;
 *   <li>the question names a cancer, and the best section is on a page about another one.
 * </ul>
 *
 * Stateless and thread-safe.
 */
final class EvidenceGate {
  /** Share of the question's terms a section must use when it lacks the rarest ones. */
  static final double MOSTLY = 0.6;

  /** The gate's decision. */
  sealed interface Decision permits Sufficient, Insufficient {}

  /** Quote this section. */
  record Sufficient(SectionChoice.Candidate section) implements Decision {}

  /** Abstain, for this reason. */
  record Insufficient(String reason) implements Decision {}

  /**
   * Decides.
   *
   * @param strongPassages how many quotable passages reached the threshold
   * @param bestSimilarity the best similarity among quotable passages
   * @param threshold the threshold for the question's type
   * @param unknown the question's words that no passage uses
   * @param contentWords how many content words the question has
   * @param ranked the candidate sections, best first
   */
  Decision decide(QuestionAnalysis qa, int strongPassages, int minPassages,
      double bestSimilarity, double threshold, List<String> unknown, int contentWords,
      List<SectionChoice.Candidate> ranked) {
    if (strongPassages < minPassages) {
      return new Insufficient(String.format(Locale.ROOT,
          "no page is close enough: best similarity %.3f below %.2f for %s", bestSimilarity,
          threshold, qa.type().label()));
    }
    if (!unknown.isEmpty() && unknown.size() * 3 > contentWords) {
      return new Insufficient("the KB never uses the words " + unknown);
    }
    Optional<SectionChoice.Candidate> best = ranked.stream().findFirst();
    if (best.isEmpty()) {
      return new Insufficient("no section to quote");
    }
    SectionChoice.Candidate c = best.get();
    if (!c.keyTermUsed() && c.coverage() < MOSTLY) {
      return new Insufficient("the closest section ('" + c.heading() + "' of " + c.hit().docId()
          + ") does not speak about " + qa.keyTerms());
    }
    if (SectionChoice.entity(qa.cancerTypes(), c.hit().cancerTypes()) < 0) {
      return new Insufficient("the question is about " + qa.cancerTypes()
          + ", the closest section is on a page about " + c.hit().cancerTypes());
    }
    return new Sufficient(c);
  }
}
