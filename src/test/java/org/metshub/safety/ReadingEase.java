package org.metshub.safety;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readability formulas for tests of the texts the safety policy shows: Flesch-Kincaid grade for
 * English and the Szigriszt-Pazos perspicuity index (INFLESZ scale) for Spanish. Syllables are
 * counted by rule, so figures are estimates good to about half a grade: enough to catch a text
 * that drifted into long sentences or long words.
 */
final class ReadingEase {
  private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(\\s|$)");
  private static final Pattern EN_VOWELS = Pattern.compile("[aeiouy]+");
  private static final Pattern ES_VOWELS = Pattern.compile("[aeiouáéíóúü]+");

  private ReadingEase() {}

  /** Flesch-Kincaid grade: 0.39 words/sentence + 11.8 syllables/word - 15.59. */
  static double fleschKincaidGrade(String text) {
    String[] words = words(text);
    int syllables = Arrays.stream(words).mapToInt(ReadingEase::englishSyllables).sum();
    return 0.39 * words.length / sentences(text) + 11.8 * syllables / words.length - 15.59;
  }

  /**
   * Szigriszt-Pazos perspicuity: 206.835 - 62.3 syllables/word - words/sentence. On the INFLESZ
   * scale 55-65 is "normal" (general press, about 13-15 years), 65-80 "fairly easy".
   */
  static double szigrisztPazos(String text) {
    String[] words = words(text);
    int syllables = Arrays.stream(words).mapToInt(ReadingEase::spanishSyllables).sum();
    return 206.835 - 62.3 * syllables / words.length - (double) words.length / sentences(text);
  }

  private static String[] words(String text) {
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    return m.results().map(r -> r.group().replace("'", "")).toArray(String[]::new);
  }

  private static int sentences(String text) {
    return Math.max(1, (int) SENTENCE_END.matcher(text.strip()).results().count());
  }

  static int englishSyllables(String word) {
    String w = word.endsWith("e") && !word.endsWith("le") && word.length() > 2
        ? word.substring(0, word.length() - 1) : word;
    return Math.max(1, (int) EN_VOWELS.matcher(w).results().count());
  }

  /**
   * Spanish syllables: one per vowel group, plus one for each hiatus inside a group (two strong
   * vowels a, e, o side by side, or an accented í or ú next to a vowel).
   */
  static int spanishSyllables(String word) {
    int count = 0;
    Matcher m = ES_VOWELS.matcher(word);
    while (m.find()) {
      String g = m.group();
      count++;
      for (int i = 1; i < g.length(); i++) {
        char a = plain(g.charAt(i - 1));
        char b = plain(g.charAt(i));
        boolean hiatus = (strong(a) && strong(b))
            || "íú".indexOf(g.charAt(i)) >= 0 || "íú".indexOf(g.charAt(i - 1)) >= 0;
        count += hiatus ? 1 : 0;
      }
    }
    return Math.max(1, count);
  }

  private static boolean strong(char c) {
    return c == 'a' || c == 'e' || c == 'o';
  }

  private static char plain(char c) {
    return Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0);
  }
}
