package org.metshub.safety;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phrase from a rules file, compiled to a regular expression over {@link NormalisedText}. Phrases
 * are written in a small syntax that curators can read:
 *
 * <ul>
 *   <li>{@code chest pain}: these words, in this order, as whole words;
 *   <li>{@code breath*}: a word starting with {@code breath};
 *   <li>{@code (can't|cannot|unable to) breathe}: one of the alternatives;
 *   <li>{@code (really)?}: an optional group (or word: {@code really?});
 *   <li>{@code fever ... chemo}: up to {@value #GAP} words in between (never across a clause
 *       break);
 *   <li>{@code #}: a number; {@code {drug}}: any phrase of the named list in the file's {@code
 *       terms}.
 * </ul>
 *
 * Words go through the same normalisation as messages, so case, accents and apostrophes do not
 * matter. A match never starts or ends inside a word. Immutable and thread-safe.
 */
final class PhrasePattern {
  /** Most words a {@code ...} gap skips: enough for "fever of 38 5 and on", not a paragraph. */
  static final int GAP = 4;

  private static final String WORD = "[\\p{L}\\p{N}]";
  private static final Pattern TOKEN =
      Pattern.compile("\\.\\.\\.|[()|?#]|\\{[^}]*}|[\\p{L}\\p{N}]+\\*?|\\S");

  private static final Pattern GLUED = Pattern.compile("[\\p{L}\\p{N}]\\(|\\)[\\p{L}\\p{N}*]");

  private final String source;
  private final Pattern regex;

  private PhrasePattern(String source, Pattern regex) {
    this.source = source;
    this.regex = regex;
  }

  /**
   * Compiles {@code phrase}; {@code {name}} refers to a list in {@code terms}.
   *
   * @throws IllegalArgumentException saying what is wrong with the phrase
   */
  static PhrasePattern compile(String phrase, Map<String, List<String>> terms) {
    String body = new Parser(phrase, terms, /* allowTerms= */ true).parseWhole();
    return new PhrasePattern(phrase, Pattern.compile(body + "(?!" + WORD + ")"));
  }

  /** The phrase as written in the rules file. */
  String source() {
    return source;
  }

  /** Every non-overlapping match, in order. */
  List<Span> find(NormalisedText text) {
    List<Span> out = new ArrayList<>();
    // One leading space, so that the match of the first word starts at a space like the others.
    Matcher m = regex.matcher(" " + text.text());
    while (m.find()) {
      // m.start() is the space before the first word: in text() that word starts at m.start().
      out.add(text.span(m.start(), m.end() - 1));
    }
    return out;
  }

  @Override
  public String toString() {
    return source;
  }

  /** Recursive descent over: alt := seq ('|' seq)* ; seq := item+ ; item := atom '?'? */
  private static final class Parser {
    private final String phrase;
    private final Map<String, List<String>> terms;
    private final boolean allowTerms;
    private final List<String> tokens = new ArrayList<>();
    private int pos;

    Parser(String phrase, Map<String, List<String>> terms, boolean allowTerms) {
      Matcher glued = GLUED.matcher(phrase);
      if (glued.find()) {
        // "cuant(o|os)" would silently mean "cuant o": groups hold whole words only.
        throw new IllegalArgumentException(
            "a group must stand apart from the words around it"
                + " (groups hold whole words), near '"
                + glued.group()
                + "'");
      }
      this.phrase = phrase;
      this.terms = terms;
      this.allowTerms = allowTerms;
      // Hyphens separate words in messages too ("x-ray" is "x ray").
      Matcher m = TOKEN.matcher(NormalisedText.letters(phrase).replace('-', ' '));
      while (m.find()) {
        tokens.add(m.group());
      }
    }

    String parseWhole() {
      if (tokens.isEmpty()) {
        throw new IllegalArgumentException("the phrase is empty");
      }
      String r = alternatives();
      if (pos < tokens.size()) {
        throw new IllegalArgumentException("unexpected '" + tokens.get(pos) + "'");
      }
      return r;
    }

    private String alternatives() {
      List<String> alts = new ArrayList<>();
      alts.add(sequence());
      while (peek("|")) {
        pos++;
        alts.add(sequence());
      }
      return alts.size() == 1 ? alts.get(0) : "(?:" + String.join("|", alts) + ")";
    }

    // Every atom's regex starts with the space before its first word, so optional and
    // alternative parts compose without double or missing spaces; the text searched is the
    // normalised message with one space in front.
    private String sequence() {
      StringBuilder sb = new StringBuilder();
      int items = 0;
      boolean required = false;
      while (pos < tokens.size() && !peek("|") && !peek(")")) {
        if (peek("...")) {
          if (items == 0) {
            throw new IllegalArgumentException("a '...' gap cannot start a phrase or group");
          }
          pos++;
          sb.append("(?: ").append(WORD).append("+){0,").append(GAP).append('}');
          continue;
        }
        String atom = atom();
        boolean optional = peek("?");
        if (optional) {
          pos++;
        }
        required |= !optional;
        sb.append(optional ? "(?:" + atom + ")?" : atom);
        items++;
      }
      if (!required) {
        throw new IllegalArgumentException("every phrase and alternative needs a required word");
      }
      if (tokens.get(pos - 1).equals("...")) {
        throw new IllegalArgumentException("a '...' gap cannot end a phrase or group");
      }
      return sb.toString();
    }

    private String atom() {
      String t = tokens.get(pos++);
      if (t.equals("(")) {
        String inner = alternatives();
        if (!peek(")")) {
          throw new IllegalArgumentException("'(' is never closed");
        }
        pos++;
        return "(?:" + inner + ")";
      }
      if (t.equals("#")) {
        return " \\p{N}+";
      }
      if (t.startsWith("{")) {
        return termList(t.substring(1, t.length() - 1).strip());
      }
      if (t.endsWith("*")) {
        return " " + t.substring(0, t.length() - 1) + WORD + "*";
      }
      if (t.codePoints().allMatch(Character::isLetterOrDigit)) {
        return " " + t;
      }
      throw new IllegalArgumentException("unexpected '" + t + "'");
    }

    private String termList(String name) {
      if (!allowTerms) {
        throw new IllegalArgumentException("a term cannot refer to another list: {" + name + "}");
      }
      List<String> list = terms.get(name);
      if (list == null) {
        throw new IllegalArgumentException(
            "unknown term list {" + name + "}; known: " + terms.keySet());
      }
      // Longest first, so that "zoledronic acid" wins over "zoledronic".
      List<String> sorted =
          list.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
      List<String> alts = new ArrayList<>();
      for (String term : sorted) {
        try {
          alts.add(new Parser(term, Map.of(), /* allowTerms= */ false).parseWhole());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "term '" + term + "' of {" + name + "}: " + e.getMessage(), e);
        }
      }
      return "(?:" + String.join("|", alts) + ")";
    }

    private boolean peek(String s) {
      return pos < tokens.size() && tokens.get(pos).equals(s);
    }

    @Override
    public String toString() {
      return phrase;
    }
  }
}
