package org.metshub.text;

import java.util.Locale;
import java.util.Set;

/**
 * Tells English from Spanish in short texts such as search queries: Spanish-only letters and
 * punctuation (ñ, ¿, ¡, accented vowels), counts of common function words of each language
 * (and Spanish questions typed without accents), and Spanish plural endings ("paliativos").
 * Defaults to English on a tie. Stateless and thread-safe.
 */
public final class LanguageGuess {
  private static final Set<String> SPANISH = Set.copyOf(java.util.Arrays.asList(
      "el", "la", "los", "las", "de", "del", "que", "qué", "y", "en", "un", "una", "es", "por",
      "para", "con", "se", "su", "sus", "mi", "mis", "como", "cómo", "cuál", "cuáles", "cuando",
      "cuándo", "dónde", "puedo", "tengo", "tiene", "son", "está", "están", "hay", "sobre",
      "cáncer", "cancer", "pero", "muy", "más", "qu", "q", "ya", "al", "lo", "le", "sin",
      // questions typed without their accents
      "cuanto", "cuanta", "cuantos", "cuantas", "donde", "cual", "cuales", "porque", "significa"));
  private static final Set<String> ENGLISH = Set.copyOf(java.util.Arrays.asList(
      "the", "a", "an", "of", "and", "in", "is", "are", "what", "how", "to", "for", "with",
      "my", "i", "can", "does", "do", "it", "on", "when", "where", "which", "should", "be",
      "there", "about", "after", "from", "this", "that", "cancer", "will", "have", "has", "at",
      "be", "you", "your", "was", "were", "had", "not", "by", "or", "but", "if", "so", "all",
      "any", "some", "why", "who", "could", "would", "get", "best", "i'm", "it's", "am", "mom",
      "dad", "help", "need", "want", "please", "know", "tell", "much", "many", "long", "still"));

  /**
   * Word endings only Spanish uses in this domain ("cuidados paliativos", "tratamientos
   * combinados", "estudios clínicos activos"): past participles and adjectives in the plural.
   */
  private static final java.util.regex.Pattern SPANISH_ENDING =
      java.util.regex.Pattern.compile("\\p{L}{3,}(?:ados|idos|ivos|ivas|adas|idas)");

  private LanguageGuess() {}

  /** {@code es} or {@code en}; English on a tie. */
  public static String of(String text) {
    return of(text, "en");
  }

  /**
   * {@code es} or {@code en}; {@code fallback} when nothing tells them apart ("metastasis",
   * "quimio"), such as the language the reader chose for the site.
   */
  public static String of(String text, String fallback) {
    String t = text.toLowerCase(Locale.ROOT);
    int es = 0;
    int en = 0;
    for (int i = 0; i < t.length(); i++) {
      if ("ñ¿¡áéíóú".indexOf(t.charAt(i)) >= 0) {
        es += 2;
      }
    }
    for (String w : t.split("[^\\p{L}]+")) {
      if (SPANISH.contains(w) || SPANISH_ENDING.matcher(w).matches()) {
        es++;
      }
      if (ENGLISH.contains(w)) {
        en++;
      }
    }
    return es > en ? "es" : en > es ? "en" : fallback;
  }
}
