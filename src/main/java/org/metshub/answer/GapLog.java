package org.metshub.answer;

import java.util.List;
import org.metshub.text.QuestionScrubber;

/**
 * Where abstained questions go, for curators to see what the KB lacks. Implementations store only
 * the scrubbed question (see {@link QuestionScrubber}), never who asked.
 */
public interface GapLog {
  void record(String scrubbedQuestion, String language, String reason);

  /** Grouped questions with counts, most frequent first. */
  List<Gap> gaps(int limit);

  /** One group of similar abstained questions. */
  record Gap(String question, String language, int count) {}

  /** Lower case, punctuation dropped, spaces collapsed: how similar questions are grouped. */
  static String normalise(String q) {
    return q.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
