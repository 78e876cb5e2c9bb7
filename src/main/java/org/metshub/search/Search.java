package org.metshub.search;

/**
 * Passage search over the KB. The one implementation today is Lucene in process; the interface
 * is where a search cluster would plug in for a corpus too large for one machine.
 */
public interface Search {
  SearchResponse search(SearchRequest request);

  /** In how many passages of the given language an analysed body term occurs. */
  long passagesContaining(String analyzedTerm, String language);

  /**
   * The terms the body of a passage in {@code language} would be indexed under for {@code text}
   * (stemmed, folded, stop words gone): what the answer path compares questions and sentences by,
   * without knowing the engine's analysis.
   */
  java.util.Set<String> terms(String text, String language);
}
