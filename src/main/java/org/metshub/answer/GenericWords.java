package org.metshub.answer;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.metshub.search.Search;

/**
 * Words nearly every KB sentence shares, or that say how something is asked rather than what: they
 * count only when a question has nothing more specific, so "what is X" is matched on X. Kept as
 * analysed terms per language. Thread-safe.
 */
final class GenericWords {
  static final String WORDS = String.join(" ", WordLists.bundled().genericWords());

  private final Search search;
  private final Map<String, Set<String>> byLanguage = new ConcurrentHashMap<>();

  GenericWords(Search search) {
    this.search = search;
  }

  /** The generic words as analysed terms of {@code language}. */
  Set<String> terms(String language) {
    return byLanguage.computeIfAbsent(language, l -> Set.copyOf(search.terms(WORDS, l)));
  }
}
