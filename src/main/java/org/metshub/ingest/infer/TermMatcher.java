package org.metshub.ingest.infer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.metshub.kb.Term;
import org.metshub.kb.Vocabulary;

/**
 * Finds the words of a vocabulary's terms (and its synonyms of several words) in a token stream,
 * longest match first and without overlaps, in one pass: terms are indexed by their first token, so
 * a text is scanned once whatever the size of the vocabulary. Matching follows {@link
 * Vocabulary#mentions}: whole words, any case, {@code -} or space between the words of a term.
 * Immutable and thread-safe.
 */
final class TermMatcher {
  /** One occurrence of a term word: the term id, the word as listed, and its token span. */
  public record Mention(String termId, String word, int start, int end) {}

  private record Entry(String termId, String word, List<String> tokens) {}

  private final Map<String, List<Entry>> byFirstToken;

  public TermMatcher(Vocabulary vocabulary) {
    Map<String, List<Entry>> index = new HashMap<>();
    for (Term t : vocabulary.terms()) {
      if (t.terms().isEmpty()) {
        continue; // a term with no words to look for (general) is never mentioned
      }
      List<String> words = new ArrayList<>(t.terms());
      // Synonyms of two or more words are names too, and longer than the words inside them:
      // "Ewing sarcoma" is bone cancer, though "sarcoma" alone is soft tissue sarcoma.
      // One-word synonyms are left out: "all" is a leukemia, and also a common word.
      for (String syn : t.synonyms()) {
        if (syn.strip().contains(" ")) {
          words.add(syn);
        }
      }
      for (String word : words) {
        List<String> toks =
            Tokens.of(word).list().stream()
                .filter(x -> !x.equals(Tokens.SENTENCE) && !x.equals(Tokens.CLAUSE))
                .toList();
        if (!toks.isEmpty()) {
          index
              .computeIfAbsent(toks.get(0), k -> new ArrayList<>())
              .add(new Entry(t.id(), word.toLowerCase(java.util.Locale.ROOT), toks));
        }
      }
    }
    // Longest entries first so the first match found at a position is the longest one.
    index.values().forEach(l -> l.sort(Comparator.comparingInt(e -> -e.tokens().size())));
    this.byFirstToken = Map.copyOf(index);
  }

  /** Every mention in the tokens, in text order. */
  public List<Mention> find(Tokens tokens) {
    List<Mention> out = new ArrayList<>();
    List<String> t = tokens.list();
    int i = 0;
    while (i < t.size()) {
      List<Entry> candidates = byFirstToken.get(t.get(i));
      Entry hit = null;
      if (candidates != null) {
        for (Entry e : candidates) {
          if (matchesAt(t, i, e.tokens())) {
            hit = e;
            break;
          }
        }
      }
      if (hit == null) {
        i++;
      } else {
        out.add(new Mention(hit.termId(), hit.word(), i, i + hit.tokens().size()));
        i += hit.tokens().size();
      }
    }
    return out;
  }

  private static boolean matchesAt(List<String> t, int at, List<String> words) {
    if (at + words.size() > t.size()) {
      return false;
    }
    for (int k = 1; k < words.size(); k++) {
      if (!t.get(at + k).equals(words.get(k))) {
        return false;
      }
    }
    return true;
  }
}
