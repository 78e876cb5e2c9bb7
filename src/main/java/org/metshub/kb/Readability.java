package org.metshub.kb;

import java.util.List;

/**
 * How hard a text is to read: its counts of words, sentences and syllables, and the formulas built
 * on them. English uses the Flesch–Kincaid grade level. Spanish uses Fernández-Huerta's reading
 * ease (with Law's 2011 correction: the sentence term is words per sentence), turned into a school
 * grade with Fernández-Huerta's own table; Szigriszt-Pazos perspicuity is offered beside it. {@link
 * #grade()} is the figure curators see and the bundled KB is held to (patient documents at grade 8
 * or below). Immutable.
 *
 * <p>Sentences end at {@code . ! ?} followed by a space or the end of a line, and at every line
 * end, since list items, table rows and headings end sentences without punctuation. Words are runs
 * of letters (digits alone are not words).
 *
 * @param language {@code en}, {@code es} or another tag (treated as English)
 * @param words words counted
 * @param sentences sentences counted (at least 1 when there are words)
 * @param syllables syllables counted
 */
public record Readability(String language, int words, int sentences, int syllables) {
  public static final String FLESCH_KINCAID = "flesch-kincaid";
  public static final String FERNANDEZ_HUERTA = "fernandez-huerta";

  /**
   * Fernández-Huerta's table: reading ease (higher is easier) to school grade, as the midpoints of
   * its bands (90–100 grade 4 ... 60–70 grades 7–8, 50–60 pre-university, 30–50 selective courses,
   * 0–30 university).
   */
  private static final double[][] EASE_TO_GRADE = {
    {95, 4}, {85, 5}, {75, 6}, {65, 7.5}, {55, 10.5}, {40, 13.5}, {15, 16.5}
  };

  public Readability {
    if (words < 0 || sentences < 0 || syllables < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  /** Measures plain text (Markdown already reduced to text) in the given language. */
  public static Readability of(String text, String language) {
    String lang = language == null ? "en" : language.toLowerCase(java.util.Locale.ROOT);
    String primary = lang.contains("-") ? lang.substring(0, lang.indexOf('-')) : lang;
    int words = 0;
    int sentences = 0;
    int syllables = 0;
    boolean open = false; // the current sentence has words
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        int start = i;
        i++;
        while (i < n
            && (Character.isLetter(text.charAt(i))
                || Character.getType(text.charAt(i)) == Character.NON_SPACING_MARK
                || (isJoiner(text.charAt(i))
                    && i + 1 < n
                    && Character.isLetter(text.charAt(i + 1))))) {
          i++;
        }
        words++;
        syllables += Syllables.count(text.substring(start, i), primary);
        open = true;
        continue;
      }
      boolean stop = (c == '.' || c == '!' || c == '?') && endsSentence(text, i + 1);
      if (open && (c == '\n' || stop)) {
        sentences++;
        open = false;
      }
      i++;
    }
    if (open) {
      sentences++;
    }
    return new Readability(primary, words, sentences, syllables);
  }

  private static boolean isJoiner(char c) {
    return c == '\'' || c == '’' || c == '-';
  }

  /** True when what follows a full stop ends a sentence: white space, or closing marks first. */
  private static boolean endsSentence(String text, int from) {
    for (int j = from; j < text.length(); j++) {
      char c = text.charAt(j);
      if (Character.isWhitespace(c)) {
        return true;
      }
      if ("\"'”’)]*_".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Measures the sections of a document (headings left out: they are not sentences). */
  public static Readability of(List<Section> sections, String language) {
    StringBuilder sb = new StringBuilder();
    for (Section s : sections) {
      sb.append(s.text()).append('\n');
    }
    return of(sb.toString(), language);
  }

  /** The formula {@link #grade()} comes from. */
  public String formula() {
    return "es".equals(language) ? FERNANDEZ_HUERTA : FLESCH_KINCAID;
  }

  /** The US school grade needed to read the text, by the language's formula; 0 for no words. */
  public double grade() {
    if (words == 0) {
      return 0;
    }
    double g = "es".equals(language) ? gradeFromEase(fernandezHuerta()) : fleschKincaidGrade();
    return round1(Math.max(0, g));
  }

  /** Flesch–Kincaid grade level: 0.39 words/sentence + 11.8 syllables/word − 15.59. */
  public double fleschKincaidGrade() {
    return words == 0 ? 0 : 0.39 * wordsPerSentence() + 11.8 * syllablesPerWord() - 15.59;
  }

  /** Fernández-Huerta reading ease: 206.84 − 60 syllables/word − 1.02 words/sentence. */
  public double fernandezHuerta() {
    return words == 0 ? 0 : 206.84 - 60 * syllablesPerWord() - 1.02 * wordsPerSentence();
  }

  /** Szigriszt-Pazos perspicuity: 206.835 − 62.3 syllables/word − words/sentence. */
  public double szigrisztPazos() {
    return words == 0 ? 0 : 206.835 - 62.3 * syllablesPerWord() - wordsPerSentence();
  }

  public double wordsPerSentence() {
    return sentences == 0 ? 0 : (double) words / sentences;
  }

  public double syllablesPerWord() {
    return words == 0 ? 0 : (double) syllables / words;
  }

  /** A reading-ease score turned into a school grade by Fernández-Huerta's table. */
  static double gradeFromEase(double ease) {
    double[][] t = EASE_TO_GRADE;
    if (ease >= t[0][0]) {
      return Math.max(1, t[0][1] - (ease - t[0][0]) / 10);
    }
    for (int i = 1; i < t.length; i++) {
      if (ease >= t[i][0]) {
        double f = (t[i - 1][0] - ease) / (t[i - 1][0] - t[i][0]);
        return t[i - 1][1] + f * (t[i][1] - t[i - 1][1]);
      }
    }
    double last = t[t.length - 1][1] + (t[t.length - 1][0] - ease) / 15;
    return Math.min(18, last);
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
