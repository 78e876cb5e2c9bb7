package org.metshub.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.metshub.search.Analyzers;
import org.metshub.search.Search;

/**
 * Which words of a question the KB has never seen. A question whose key words are unknown to
 * the KB ("how do I tell my kids", "best pizza in town") cannot be answered from it, however
 * close the nearest passage looks to the embedding model. A word counts as known when it, or
 * one of its patient-vocabulary synonyms, occurs in at least one passage of the language.
 */
final class Coverage {
  private final Analyzers analyzers;
  private final Search search;
  private final Set<String> medicalWords;

  Coverage(Analyzers analyzers, Search search, org.metshub.kb.Vocabularies vocab) {
    this.analyzers = analyzers;
    this.search = search;
    Set<String> words = new java.util.HashSet<>(Analyzers.synonymWords("/search/synonyms-en.txt"));
    words.addAll(Analyzers.synonymWords("/search/synonyms-es.txt"));
    for (var v : List.of(vocab.cancerTypes(), vocab.metastaticSites())) {
      for (var t : v.terms()) {
        String all = t.id() + " " + String.join(" ", t.terms()) + " "
            + String.join(" ", t.synonyms()) + " " + t.label() + " " + t.labelEs();
        for (String w : all.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
          if (!w.isEmpty()) {
            words.add(w);
          }
        }
      }
    }
    this.medicalWords = Set.copyOf(words);
  }

  /** The question's content words (stop and generic words left out) that the KB never uses. */
  List<String> unknownWords(String question, String language, Set<String> generic) {
    List<String> unknown = new ArrayList<>();
    for (String word : question.split("[^\\p{L}\\p{N}'-]+")) {
      if (word.isBlank()) {
        continue;
      }
      Set<String> own = SentenceSelector.terms(analyzers.textAnalyzer(language), word);
      own.removeAll(generic);
      if (own.isEmpty()) {
        continue; // a stop word or a word every page shares
      }
      Set<String> expansions = SentenceSelector.terms(analyzers.queryAnalyzer(language), word);
      expansions.addAll(own);
      if (expansions.stream().noneMatch(t -> search.passagesContaining(t, language) > 0)) {
        unknown.add(word);
      }
    }
    return unknown;
  }

  /**
   * The analysed forms (with synonyms) of the question's rarest known medical word (a word of
   * the patient vocabulary or the cancer and site vocabularies): the word an answer must speak
   * about. Empty when the question has none, so everyday words ("usually", "day") never decide.
   */
  Set<String> keyTerms(String question, String language, Set<String> generic) {
    Set<String> best = Set.of();
    long bestDf = Long.MAX_VALUE;
    for (String word : question.split("[^\\p{L}\\p{N}'-]+")) {
      if (!medicalWords.contains(word.toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      Set<String> own = SentenceSelector.terms(analyzers.textAnalyzer(language), word);
      own.removeAll(generic);
      if (own.isEmpty()) {
        continue;
      }
      Set<String> forms = SentenceSelector.terms(analyzers.queryAnalyzer(language), word);
      forms.addAll(own);
      forms.removeAll(generic);
      long df = forms.stream().mapToLong(t -> search.passagesContaining(t, language))
          .filter(x -> x > 0).min().orElse(0);
      if (df > 0 && df < bestDf) {
        bestDf = df;
        best = forms;
      }
    }
    return best;
  }

  /**
   * Whether a spelling correction can be believed when judging what the KB knows: one edit
   * away, or two edits away onto a word of the medical vocabulary ("metastsis" → "metastasis").
   */
  boolean trustworthy(String typo, String correction) {
    int d = distance(typo.toLowerCase(java.util.Locale.ROOT),
        correction.toLowerCase(java.util.Locale.ROOT));
    return d <= 1 || (d == 2 && medicalWords.contains(correction.toLowerCase(java.util.Locale.ROOT)));
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] cur = new int[b.length() + 1];
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      prev = cur;
    }
    return prev[b.length()];
  }

  /** Content words of the question, for the share of unknown ones. */
  int contentWords(String question, String language, Set<String> generic) {
    int n = 0;
    for (String word : question.split("[^\\p{L}\\p{N}'-]+")) {
      Set<String> own = SentenceSelector.terms(analyzers.textAnalyzer(language), word);
      own.removeAll(generic);
      if (!own.isEmpty()) {
        n++;
      }
    }
    return n;
  }
}
