package org.metshub.safety;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A message reduced to the form the safety rules match against: lower case, accents stripped,
 * apostrophes dropped ({@code don't} and {@code dont} both become {@code dont}), every other
 * character that is not a letter or digit turned into a space, and sentence punctuation kept as a
 * single {@value #BREAK} token so that rules can tell clauses apart. Words are separated by exactly
 * one space. Immutable.
 */
final class NormalisedText {
  /** The token that stands for a clause break (. , ; : ! ? and the like). */
  static final String BREAK = ".";

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019\u02bc`\u00b4]");
  private static final Pattern DECIMAL = Pattern.compile("(\\p{N})[.,](\\p{N})");
  private static final Pattern CLAUSE_PUNCTUATION =
      Pattern.compile("[.,;:!?\u00bf\u00a1()\\[\\]{}\"\u201c\u201d\u00ab\u00bb\u2026\\n\\r]+");
  private static final Pattern OTHER = Pattern.compile("[^\\p{L}\\p{N}.\\s]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final String text;
  private final List<String> tokens;
  private final int[] tokenStarts;
  private final int[] clauses;

  private NormalisedText(List<String> tokens) {
    this.tokens = List.copyOf(tokens);
    this.tokenStarts = new int[tokens.size()];
    this.clauses = new int[tokens.size()];
    StringBuilder sb = new StringBuilder();
    int clause = 0;
    for (int i = 0; i < tokens.size(); i++) {
      if (i > 0) {
        sb.append(' ');
      }
      tokenStarts[i] = sb.length();
      sb.append(tokens.get(i));
      if (tokens.get(i).equals(BREAK)) {
        clause++;
      }
      clauses[i] = clause;
    }
    this.text = sb.toString();
  }

  /** Normalises a user's message. */
  static NormalisedText of(String raw) {
    String s = letters(raw);
    s = DECIMAL.matcher(s).replaceAll("$1 $2");
    s = CLAUSE_PUNCTUATION.matcher(s).replaceAll(" . ");
    s = OTHER.matcher(s).replaceAll(" ");
    List<String> tokens = new ArrayList<>();
    for (String t : SPACES.split(s.strip())) {
      boolean isBreak = t.equals(BREAK);
      if (t.isEmpty() || (isBreak && (tokens.isEmpty() || tokens.getLast().equals(BREAK)))) {
        continue;
      }
      tokens.add(t);
    }
    while (!tokens.isEmpty() && tokens.getLast().equals(BREAK)) {
      tokens.removeLast();
    }
    return new NormalisedText(tokens);
  }

  /**
   * Lower-cases, strips accents and drops apostrophes: the part of normalisation that rules files'
   * phrases go through too, so that a phrase written {@code can't} matches {@code cant}.
   */
  static String letters(String raw) {
    String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
    s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    s = s.toLowerCase(Locale.ROOT);
    return APOSTROPHES.matcher(s).replaceAll("");
  }

  /** The normalised words, separated by single spaces. */
  String text() {
    return text;
  }

  int size() {
    return tokens.size();
  }

  String token(int i) {
    return tokens.get(i);
  }

  /** The clause (0-based, counted by breaks) that token {@code i} is in. */
  int clause(int i) {
    return clauses[i];
  }

  /** The tokens covered by characters {@code [from, to)} of {@link #text()}. */
  Span span(int from, int to) {
    int start = tokenIndex(from);
    int end = tokenIndex(to - 1) + 1;
    return new Span(start, end, String.join(" ", tokens.subList(start, end)));
  }

  private int tokenIndex(int offset) {
    int lo = 0;
    int hi = tokenStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (tokenStarts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  @Override
  public String toString() {
    return text;
  }
}
