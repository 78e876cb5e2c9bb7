package org.metshub.search;

/**
 * How close one section of a passage is to a question: the cosines of their vectors. A passage made
 * of several short sections ({@link Passage#parts}) gives one of these per section; they share the
 * passage's own cosine and each has its own lead and questions.
 *
 * @param docId the passage's document
 * @param heading the section's heading path ("Title › Section")
 * @param similarity the cosine of the question with the passage's vector, -1 to 1
 * @param asked the best cosine of the question with the questions the section answers ({@link
 *     Passage.Part#questions}), or {@link Double#NaN} when the section has none
 * @param lead the cosine of the question with the section's lead ({@link Passage#leadText(boolean,
 *     Passage.Part)}), or {@link Double#NaN} when the index holds none
 */
public record PassageSimilarity(
    String docId, String heading, double similarity, double asked, double lead) {
  /** A passage whose section has no questions. */
  public PassageSimilarity(String docId, String heading, double similarity) {
    this(docId, heading, similarity, Double.NaN, Double.NaN);
  }

  /** A section whose lead was not weighed. */
  public PassageSimilarity(String docId, String heading, double similarity, double asked) {
    this(docId, heading, similarity, asked, Double.NaN);
  }
}
