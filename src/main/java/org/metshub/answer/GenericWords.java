package org.metshub.answer;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
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

  /**
   * "mama" typed for the breast ("cáncer de mama"): without the accent of "mamá" and not after
   * "mi", "tu", "su" or "nuestra", where it is the reader's mother ("a mi mama le dijeron…").
   */
  private static final Pattern BREAST =
      Pattern.compile("(?iu)(?<!\\b(?:mi|tu|su|nuestra)\\s{1,3})\\bmamas?(?![\\p{L}\\p{N}])");

  /**
   * The generic words for one question: as {@link #terms(String)}, except that a Spanish question
   * that says "mama" for the breast is about it, so the family word "mamá", whose analysed term is
   * the same, does not make it generic there.
   */
  Set<String> terms(String language, String question) {
    Set<String> all = terms(language);
    if (!"es".equals(language) || !BREAST.matcher(question).find()) {
      return all;
    }
    Set<String> out = new HashSet<>(all);
    out.removeAll(search.terms("mama mamas", language));
    return out;
  }
}
