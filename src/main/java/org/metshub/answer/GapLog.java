package org.metshub.answer;

import java.util.List;
import org.metshub.text.QuestionScrubber;

/**
 * Where abstained questions go, for curators to see what the KB lacks. Implementations store only
 * the scrubbed question (see {@link QuestionScrubber}), never who asked.
 */
public interface GapLog {
  /**
   * Records an abstained question.
   *
   * @param reason why it was not answered
   * @param followUp the question was asked as a follow-up, so its words lean on the turn before
   * @param sections the closest sections the reader was offered ({@code <doc id>#<heading>}), which
   *     a curator may teach the question to
   */
  void record(
      String scrubbedQuestion,
      String language,
      Reason reason,
      boolean followUp,
      List<String> sections);

  /** Records an abstained question whose reason is a text only. */
  default void record(
      String scrubbedQuestion,
      String language,
      String reason,
      boolean followUp,
      List<String> sections) {
    record(scrubbedQuestion, language, Reason.text(reason), followUp, sections);
  }

  /** Grouped questions with counts, most frequent first. */
  List<Gap> gaps(int limit);

  /** One group of similar abstained questions. */
  record Gap(String question, String language, int count) {}

  /** Lower case, punctuation dropped, spaces collapsed: how similar questions are grouped. */
  static String normalise(String q) {
    return q.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
