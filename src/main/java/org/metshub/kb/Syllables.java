package org.metshub.kb;

import java.util.Locale;

/**
 * Counts the syllables of one word, in English or Spanish, by rule rather than by dictionary.
 *
 * <p>English: groups of vowels ({@code y} included) less a silent final {@code e}, and less the
 * {@code -es}/{@code -ed} endings that do not make a syllable; it is right for most words and off
 * by one on some (radiation), which is the usual accuracy of Flesch–Kincaid tools. Spanish: vowel
 * nuclei, where a weak vowel ({@code i u ü}, and {@code y} at the end of a word) next to another
 * vowel forms a diphthong, two strong vowels ({@code a e o}) form a hiatus, and a written accent on
 * a weak vowel ({@code í ú}) breaks the diphthong. Thread-safe.
 */
final class Syllables {
  private Syllables() {}

  /** Syllables in {@code word} for the language ({@code es}, or English for anything else). */
  public static int count(String word, String language) {
    String w = letters(word);
    if (w.isEmpty()) {
      return 0;
    }
    return "es".equals(language) ? spanish(w) : english(w);
  }

  private static String letters(String word) {
    StringBuilder sb = new StringBuilder(word.length());
    String lower = word.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (Character.isLetter(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  static int english(String w) {
    if (w.length() <= 3) {
      return 1;
    }
    String s = w;
    if (s.endsWith("es") && !endsWithSibilant(s.substring(0, s.length() - 2))) {
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("ed") && !s.endsWith("ted") && !s.endsWith("ded")) {
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("e") && !s.endsWith("le") && !s.endsWith("ee")) {
      s = s.substring(0, s.length() - 1);
    }
    int groups = 0;
    boolean inVowel = false;
    for (int i = 0; i < s.length(); i++) {
      boolean vowel = "aeiouy".indexOf(s.charAt(i)) >= 0;
      if (vowel && !inVowel) {
        groups++;
      }
      inVowel = vowel;
    }
    return Math.max(1, groups);
  }

  private static boolean endsWithSibilant(String stem) {
    return stem.endsWith("s")
        || stem.endsWith("x")
        || stem.endsWith("z")
        || stem.endsWith("ch")
        || stem.endsWith("sh")
        || stem.endsWith("c")
        || stem.endsWith("g");
  }

  static int spanish(String w) {
    int syllables = 0;
    char previous = 0;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      boolean isVowel =
          isSpanishVowel(c)
              || (c == 'y' && i == w.length() - 1 && i > 0 && isSpanishVowel(w.charAt(i - 1)));
      if (!isVowel) {
        previous = 0;
        continue;
      }
      if (previous == 0 || !joins(previous, c)) {
        syllables++;
      }
      previous = c;
    }
    return Math.max(1, syllables);
  }

  private static boolean isSpanishVowel(char c) {
    return "aeiouáéíóúü".indexOf(c) >= 0;
  }

  /** Whether two adjacent vowels share a syllable (a diphthong rather than a hiatus). */
  private static boolean joins(char a, char b) {
    if (a == 'í' || a == 'ú' || b == 'í' || b == 'ú') {
      return false;
    }
    return isWeak(a) || isWeak(b);
  }

  private static boolean isWeak(char c) {
    return c == 'i' || c == 'u' || c == 'ü' || c == 'y';
  }
}
