package org.metshub.ingest.infer;

import java.util.ArrayList;
import java.util.List;

/**
 * A text cut into lower-case words and break marks, the common input of every inference. Words are
 * runs of letters and digits (apostrophes inside a word are kept, a trailing {@code 's} is dropped,
 * {@code -} splits words as the vocabularies expect); a sentence end ({@code . ! ?}, a blank line,
 * a list item or heading) becomes the token {@link #SENTENCE}, and a clause mark ({@code , ; : (
 * )}) becomes {@link #CLAUSE}. Immutable.
 */
public final class Tokens {
  public static final String SENTENCE = ".";
  public static final String CLAUSE = ",";

  private final List<String> tokens;
  private final int words;

  private Tokens(List<String> tokens, int words) {
    this.tokens = List.copyOf(tokens);
    this.words = words;
  }

  /** Tokenises {@code text}. */
  public static Tokens of(String text) {
    List<String> out = new ArrayList<>();
    int words = 0;
    StringBuilder w = new StringBuilder();
    int n = text.length();
    boolean lineStart = true;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '’' || c == '\'') {
        // an apostrophe inside a word (doesn't, women's) stays; anywhere else it is nothing
        if (w.length() > 0 && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
          w.append('\'');
        }
        continue;
      }
      if (Character.isLetterOrDigit(c)
          || (c == '.'
              && w.length() > 0
              && Character.isDigit(w.charAt(w.length() - 1))
              && i + 1 < n
              && Character.isDigit(text.charAt(i + 1)))) {
        w.append(Character.toLowerCase(c));
        lineStart = false;
        continue;
      }
      words += flush(w, out);
      if (c == '.' || c == '!' || c == '?' || c == '¿' || c == '¡') {
        mark(out, SENTENCE);
      } else if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '—' || c == '–'
          || c == '|') {
        mark(out, CLAUSE);
      } else if (c == '\n') {
        // a blank line, or a new list item or heading, ends a sentence; a wrapped line does not
        int j = i + 1;
        while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
          j++;
        }
        if (lineStart
            || j >= n
            || text.charAt(j) == '\n'
            || text.charAt(j) == '-'
            || text.charAt(j) == '*'
            || text.charAt(j) == '#'
            || text.charAt(j) == '•') {
          mark(out, SENTENCE);
        }
        lineStart = true;
      }
    }
    words += flush(w, out);
    return new Tokens(out, words);
  }

  private static int flush(StringBuilder w, List<String> out) {
    if (w.length() == 0) {
      return 0;
    }
    String s = w.toString();
    if (s.endsWith("'s")) {
      s = s.substring(0, s.length() - 2);
    }
    w.setLength(0);
    if (s.isEmpty()) {
      return 0;
    }
    out.add(s);
    return 1;
  }

  private static void mark(List<String> out, String mark) {
    if (out.isEmpty()) {
      return;
    }
    String last = out.get(out.size() - 1);
    if (last.equals(SENTENCE)) {
      return;
    }
    if (last.equals(CLAUSE)) {
      if (mark.equals(SENTENCE)) {
        out.set(out.size() - 1, SENTENCE);
      }
      return;
    }
    out.add(mark);
  }

  /** The tokens, words and marks in text order. */
  public List<String> list() {
    return tokens;
  }

  public int size() {
    return tokens.size();
  }

  public String get(int i) {
    return tokens.get(i);
  }

  /** Number of words (marks not counted). */
  public int words() {
    return words;
  }

  /** True when token {@code i} is a sentence or clause mark. */
  public boolean isMark(int i) {
    String t = tokens.get(i);
    return t.equals(SENTENCE) || t.equals(CLAUSE);
  }
}
