package org.metshub.answer;

import java.util.List;

/** A sentence of an answer, verbatim from a KB passage, with the numbers of its citations. */
public record AnswerSentence(String text, List<Integer> citations) {
  public AnswerSentence {
    citations = List.copyOf(citations);
    if (citations.isEmpty()) {
      throw new IllegalArgumentException("every answer sentence needs a citation: " + text);
    }
  }
}
