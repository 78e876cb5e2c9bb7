package org.metshub.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits English or Spanish prose into sentences. A sentence ends at {@code .}, {@code !}, {@code
 * ?} (or a line break that ends a list item) followed by white space and a capital, digit, opening
 * quote or bracket, or Spanish {@code ¿}/{@code ¡}; common abbreviations ("Dr.", "e.g.", "U.S.",
 * "approx.") and decimals do not end a sentence. Stateless and thread-safe.
 */
public final class Sentences {
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "dr", "mr", "mrs", "ms", "prof", "sr", "sra", "dra", "st", "vs", "etc", "e.g", "i.e",
          "u.s", "u.k", "no", "fig", "approx", "inc", "ltd", "jr", "p.ej", "aprox", "ee.uu", "núm",
          "vol", "al", "et al", "ca", "min", "max", "mg", "ml", "dept", "univ");

  private Sentences() {}

  /** The sentences of {@code text}, trimmed, in order; list items are sentences of their own. */
  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    for (String block : text.split("\n")) {
      String line = block.strip();
      if (line.startsWith("- ")) {
        line = line.substring(2).strip();
      }
      if (!line.isEmpty()) {
        splitLine(line, out);
      }
    }
    return out;
  }

  private static void splitLine(String s, List<String> out) {
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '.' && c != '!' && c != '?') {
        continue;
      }
      int end = i + 1;
      while (end < s.length() && ".!?\"'”’)]".indexOf(s.charAt(end)) >= 0) {
        end++;
      }
      if (end >= s.length()) {
        break;
      }
      if (!Character.isWhitespace(s.charAt(end))) {
        continue;
      }
      int next = end;
      while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
        next++;
      }
      if (next >= s.length()) {
        break;
      }
      char n = s.charAt(next);
      boolean opensSentence =
          Character.isUpperCase(n) || Character.isDigit(n) || "\"'“‘([¿¡".indexOf(n) >= 0;
      if (!opensSentence || (c == '.' && isAbbreviation(s, start, i))) {
        continue;
      }
      add(out, s.substring(start, end));
      start = next;
      i = next - 1;
    }
    add(out, s.substring(start));
  }

  private static boolean isAbbreviation(String s, int sentenceStart, int dot) {
    int w = dot;
    while (w > sentenceStart && !Character.isWhitespace(s.charAt(w - 1))) {
      w--;
    }
    String word =
        s.substring(w, dot).toLowerCase(java.util.Locale.ROOT).replaceAll("^[(\"'“]+", "");
    if (word.isEmpty()) {
      return false;
    }
    // Single letters ("J. Smith", "A. Example") are initials, not sentence ends.
    return ABBREVIATIONS.contains(word)
        || (word.length() == 1 && Character.isLetter(word.charAt(0)));
  }

  private static void add(List<String> out, String sentence) {
    String t = sentence.strip();
    if (!t.isEmpty()) {
      out.add(t);
    }
  }

  /** Number of words (runs of letters or digits) in {@code text}. */
  public static int wordCount(String text) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < text.length(); i++) {
      boolean w = Character.isLetterOrDigit(text.charAt(i));
      if (w && !in) {
        n++;
      }
      in = w;
    }
    return n;
  }
}
