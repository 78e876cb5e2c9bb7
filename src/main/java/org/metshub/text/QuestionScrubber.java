package org.metshub.text;

import java.util.regex.Pattern;

/**
 * Removes personal data from a question before it is stored for curators: e-mail addresses, phone
 * numbers and other long numbers, web addresses, dates, and names introduced as such ("my name is
 * …", "me llamo …"). What is left says what was asked, not who asked.
 */
public final class QuestionScrubber {
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
  private static final Pattern URL = Pattern.compile("(?i)\\b(https?://|www\\.)\\S+");
  private static final Pattern DATE = Pattern.compile("\\b\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}\\b");
  private static final Pattern NUMBER = Pattern.compile("\\+?\\d[\\d ().-]{5,}\\d");
  private static final Pattern NAME =
      Pattern.compile(
          "(?iu)\\b(my name is|i am called|i'm called|me llamo|mi nombre es)\\s+[\\p{L}'-]+"
              + "(\\s+[\\p{Lu}][\\p{L}'-]+)?");

  /** The stand-ins {@link #scrub} leaves where it removed something. */
  private static final Pattern STAND_IN = Pattern.compile("\\[(email|link|date|number|name)\\]");

  private QuestionScrubber() {}

  /**
   * A scrubbed question without the stand-ins {@link #scrub} left ("since [number], is it…" →
   * "since, is it…"): spaces collapsed, none left before punctuation.
   */
  public static String withoutStandIns(String scrubbed) {
    return STAND_IN
        .matcher(scrubbed)
        .replaceAll(" ")
        .replaceAll("\\s+", " ")
        .replaceAll(" ([,.;:?!])", "$1")
        .strip();
  }

  public static String scrub(String question) {
    String s = EMAIL.matcher(question).replaceAll("[email]");
    s = URL.matcher(s).replaceAll("[link]");
    s = DATE.matcher(s).replaceAll("[date]");
    s = NUMBER.matcher(s).replaceAll("[number]");
    s = NAME.matcher(s).replaceAll("$1 [name]");
    s = s.strip();
    return s.length() > 300 ? s.substring(0, 300) : s;
  }
}
