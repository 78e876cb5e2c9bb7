package org.metshub.search;

/**
 * How close one passage is to a question: the cosine of their vectors.
 *
 * @param docId the passage's document
 * @param heading the passage's heading path ("Title › Section")
 * @param similarity the cosine of the question with the passage's vector, -1 to 1
 * @param asked the best cosine of the question with the questions the passage's section answers
 *     ({@link Passage#questions}), or {@link Double#NaN} when the section has none
 */
public record PassageSimilarity(String docId, String heading, double similarity, double asked) {
  /** A passage whose section has no questions. */
  public PassageSimilarity(String docId, String heading, double similarity) {
    this(docId, heading, similarity, Double.NaN);
  }
}
