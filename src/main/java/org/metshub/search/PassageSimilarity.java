package org.metshub.search;

/**
 * How close one passage is to a question: the cosine of their vectors.
 *
 * @param docId the passage's document
 * @param heading the passage's heading path ("Title › Section")
 * @param similarity the cosine, -1 to 1
 */
public record PassageSimilarity(String docId, String heading, double similarity) {}
