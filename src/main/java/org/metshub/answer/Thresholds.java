package org.metshub.answer;

import java.util.Map;

/**
 * The evidence gate's thresholds: the cosine similarity (bge-small, question with its retrieval
 * prefix against the passage) that the best quotable passage must reach, per question type, and how
 * many quotable passages must reach it. Definitions are the easiest for a nearest-neighbour match
 * to fake (any page using the word looks similar), so they need the closest match; support and
 * research questions are phrased loosely and are matched by organisation and trial pages whose
 * wording differs more. The numbers come from the eval cases ({@code eval/answers.yaml}):
 * answerable questions on the bundled KB scored at or above them, and the out-of-scope questions
 * below them (see README, "Answers").
 */
record Thresholds(Map<QuestionType, Double> minSimilarity, int minPassages) {
  static final Thresholds DEFAULT =
      new Thresholds(
          Map.of(
              QuestionType.DEFINITION, 0.66,
              QuestionType.SYMPTOMS, 0.62,
              QuestionType.TREATMENT, 0.62,
              QuestionType.PROGNOSIS, 0.64,
              QuestionType.RESEARCH, 0.62,
              QuestionType.SUPPORT, 0.60,
              QuestionType.GENERAL, 0.62),
          1);

  double min(QuestionType t) {
    return minSimilarity.getOrDefault(t, 0.62);
  }
}
