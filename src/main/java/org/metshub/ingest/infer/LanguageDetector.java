package org.metshub.ingest.infer;

import java.util.Set;

/**
 * Tells English from Spanish by their most frequent function words, the only two languages
 * MetsHub serves. Each language has words the other never uses ("the", "and" / "el", "los",
 * "que"); the language with more hits wins, and a text with too few hits is undecided. Letters
 * only Spanish uses (ñ, ¿, ¡, accented vowels) add to Spanish. Thread-safe.
 */
public final class LanguageDetector {
  /** Hits needed before the detector decides at all. */
  static final int MIN_HITS = 3;

  private static final Set<String> ENGLISH = Set.of(
      "the", "and", "of", "to", "is", "that", "for", "it", "with", "as", "was", "on", "be",
      "by", "are", "this", "or", "from", "at", "an", "which", "have", "has", "not", "can",
      "may", "you", "your", "will", "in", "their", "they", "more", "about", "what", "how", "who",
      "been", "were", "these", "other", "than", "into", "also", "if", "when", "some", "such");

  private static final Set<String> SPANISH = Set.of(
      "el", "la", "los", "las", "del", "de", "en", "que", "y", "por", "para", "una", "uno", "con",
      "es",
      "son", "su", "sus", "al", "lo", "como", "más", "pero", "sin", "sobre", "este", "esta",
      "entre", "cuando", "también", "muy", "hasta", "desde", "está", "porque", "qué", "puede",
      "pueden", "hay", "cada", "otros", "otras", "usted", "ser", "según", "cáncer", "tiene");

  /** The language decided, and how sure: hits for it over all hits (0.5 when undecided). */
  public record Guess(String language, double confidence, int englishHits, int spanishHits) {
    /** True when the text had enough words of either language to decide. */
    public boolean decided() {
      return englishHits + spanishHits >= MIN_HITS;
    }
  }

  /** Guesses the language of {@code text}; {@code en} when undecided. */
  public Guess detect(String text) {
    return detect(Tokens.of(text));
  }

  public Guess detect(Tokens tokens) {
    int en = 0;
    int es = 0;
    for (String t : tokens.list()) {
      if (ENGLISH.contains(t)) {
        en++;
      } else if (SPANISH.contains(t)) {
        es++;
      }
      if (t.indexOf('ñ') >= 0 || t.indexOf('á') >= 0 || t.indexOf('é') >= 0
          || t.indexOf('í') >= 0 || t.indexOf('ó') >= 0 || t.indexOf('ú') >= 0) {
        es++;
      }
    }
    int total = en + es;
    if (total < MIN_HITS) {
      return new Guess("en", 0.5, en, es);
    }
    String lang = es > en ? "es" : "en";
    return new Guess(lang, (double) Math.max(en, es) / total, en, es);
  }
}
