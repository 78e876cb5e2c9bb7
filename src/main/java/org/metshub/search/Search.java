package org.metshub.search;

import java.util.List;

/**
 * Passage search over the KB. The one implementation today is Lucene in process; the interface is
 * where a search cluster would plug in for a corpus too large for one machine.
 */
public interface Search {
  SearchResponse search(SearchRequest request);

  /**
   * The language, {@code en} or {@code es}, a reader's short text is written in: the words only one
   * language uses ("the", "de", "¿"), else which language's passages of this KB use its words
   * ("liver" is only ever English here, "huesos" only Spanish), else a general detector, else
   * {@code fallback} (the language of the page the reader typed on, or of the conversation).
   */
  default String languageOf(String text, String fallback) {
    return org.metshub.text.LanguageGuess.of(text, fallback);
  }

  /** In how many passages of the given language an analysed body term occurs. */
  long passagesContaining(String analyzedTerm, String language);

  /**
   * The terms the body of a passage in {@code language} would be indexed under for {@code text}
   * (stemmed, folded, stop words gone): what the answer path compares questions and sentences by,
   * without knowing the engine's analysis.
   */
  java.util.Set<String> terms(String text, String language);

  /**
   * The terms a query makes of a text: as {@link #terms} plus what the patient vocabulary widens it
   * to ("mets" also searches "metastasis").
   */
  default java.util.Set<String> queryTerms(String text, String language) {
    return terms(text, language);
  }

  /**
   * Whether {@code typed} is an ordinary word of {@code language}, spelled right, that means
   * something else than the spelling correction search offered for it: then the correction is
   * another word, not a fix ("cried" is not "cured", "boda" is not "boca"). False when unsure.
   */
  default boolean otherWord(String typed, String correction, String language) {
    return false;
  }

  /**
   * The text the embedding model reads for a text in {@code language}: as typed, or, for Spanish,
   * glossed word by word into English. The answer path uses it to tell a Spanish word whose meaning
   * the pages speak of ("preguntamos": "we ask") from one they never do.
   */
  default String forModel(String text, String language) {
    return text;
  }

  /**
   * How close a question is in meaning to every passage of some documents (the cosine of their
   * vectors), so that a caller can weigh sections retrieval did not return: one entry for each
   * section a passage is made of, with that section's own lead and questions weighed too (see
   * {@link PassageSimilarity}). Empty when the index has no vectors.
   *
   * @param docIds the documents whose passages to compare
   */
  default List<PassageSimilarity> passageSimilarities(
      String text, String language, java.util.Collection<String> docIds) {
    return List.of();
  }
}
