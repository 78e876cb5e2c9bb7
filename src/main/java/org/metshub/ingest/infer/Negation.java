package org.metshub.ingest.infer;

import java.util.List;
import java.util.Set;

/**
 * Tells whether a mention is negated or set aside by its sentence: "not lung cancer", "no evidence
 * of liver metastases", "cancers other than melanoma", "sin metástasis", and the ways a text says
 * what it is not about ("This summary does not cover breast cancer", "For information about
 * childhood leukemia, see ..."). A plain negation reaches {@link #WINDOW} words forward and stops
 * at "but" and its kin; a not-about phrase reaches to the end of the sentence, but never more than
 * {@link #REACH} tokens. That bound keeps a check constant-time, so inference is linear in the
 * text: a text without sentence punctuation (one 216 KB line took 11 s) is one endless sentence,
 * and every mention used to walk back to its start. Thread-safe.
 */
final class Negation {
  /** Words a plain negation reaches: "not a type of breast cancer" needs four. */
  static final int WINDOW = 5;

  /**
   * Tokens (words and clause marks) a check looks back over: a long sentence, such as "This summary
   * does not cover" followed by a list of some forty cancers. A mention further from its cue than
   * this is in another sentence in all but name.
   */
  static final int REACH = 100;

  private static final Set<String> CUES =
      Set.of(
          "not",
          "no",
          "without",
          "never",
          "nor",
          "neither",
          "except",
          "excluding",
          "cannot",
          "doesn't",
          "don't",
          "isn't",
          "aren't",
          "wasn't",
          "weren't",
          "won't",
          "didn't",
          "hasn't",
          "haven't",
          "sin",
          "ni",
          "nunca",
          "tampoco",
          "excepto",
          "salvo",
          "ningún",
          "ninguna");

  private static final List<List<String>> PAIR_CUES =
      List.of(
          List.of("other", "than"),
          List.of("rather", "than"),
          List.of("instead", "of"),
          List.of("free", "of"),
          List.of("negative", "for"),
          List.of("ruled", "out"),
          List.of("unrelated", "to"),
          List.of("apart", "from"),
          List.of("aside", "from"),
          List.of("en", "lugar"),
          List.of("distinto", "de"),
          List.of("distintos", "de"));

  /** Phrases after which the rest of the sentence is what the text is not about. */
  private static final List<List<String>> NOT_ABOUT =
      List.of(
          List.of("not", "about"),
          List.of("isn't", "about"),
          List.of("not", "cover"),
          List.of("doesn't", "cover"),
          List.of("not", "covered"),
          List.of("not", "include"),
          List.of("not", "discuss"),
          List.of("not", "discussed"),
          List.of("not", "address"),
          List.of("for", "information", "about"),
          List.of("for", "information", "on"),
          List.of("for", "more", "information", "about"),
          List.of("for", "more", "information", "on"),
          List.of("no", "trata"),
          List.of("no", "aborda"),
          List.of("no", "incluye"),
          List.of("más", "información", "sobre"),
          List.of("obtener", "información", "sobre"));

  /** Words that end the reach of a negation ("no cure, but breast cancer can be treated"). */
  private static final Set<String> STOPS =
      Set.of(
          "but",
          "however",
          "although",
          "though",
          "yet",
          "whereas",
          "while",
          "pero",
          "sino",
          "aunque",
          "mientras");

  private Negation() {}

  /** True when the mention starting at token {@code start} is negated or set aside. */
  public static boolean negated(Tokens tokens, int start) {
    List<String> t = tokens.list();
    int words = 0;
    for (int i = start - 1; i >= 0 && i >= start - REACH; i--) {
      String tok = t.get(i);
      if (tok.equals(Tokens.SENTENCE) || STOPS.contains(tok)) {
        return false;
      }
      if (notAboutEndsAt(t, i)) {
        return true;
      }
      if (tok.equals(Tokens.CLAUSE)) {
        continue;
      }
      words++;
      if (words <= WINDOW) {
        if (CUES.contains(tok)
            && !(i + 1 < t.size() && t.get(i + 1).equals("only"))
            && !(tok.equals("no") && i + 1 < t.size() && t.get(i + 1).equals("longer"))) {
          return true;
        }
        if (pairEndsAt(t, i)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean pairEndsAt(List<String> t, int i) {
    for (List<String> p : PAIR_CUES) {
      if (endsAt(t, i, p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean notAboutEndsAt(List<String> t, int i) {
    for (List<String> p : NOT_ABOUT) {
      if (endsAt(t, i, p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsAt(List<String> t, int i, List<String> phrase) {
    int n = phrase.size();
    if (i - n + 1 < 0 || !t.get(i).equals(phrase.get(n - 1))) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (!t.get(i - n + 1 + k).equals(phrase.get(k))) {
        return false;
      }
    }
    return true;
  }
}
