package org.metshub.text;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces a word where it stands as a whole word: not inside a longer word or next to a digit
 * ("livr" in "livr pain" but not in "livrs"), in any case, in any script. Used to put a spelling
 * correction into the text it came from. Stateless.
 */
public final class WholeWords {
  private WholeWords() {}

  /**
   * {@code text} with every whole-word {@code word} (any case) replaced by {@code replacement},
   * taken literally; nothing for null text.
   *
   * @throws IllegalArgumentException when {@code word} is empty
   */
  public static String replace(String text, String word, String replacement) {
    Objects.requireNonNull(word, "word");
    Objects.requireNonNull(replacement, "replacement");
    if (word.isEmpty()) {
      throw new IllegalArgumentException("the word to replace must not be empty");
    }
    if (text == null) {
      return "";
    }
    return Pattern.compile(
            "(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
        .matcher(text)
        .replaceAll(Matcher.quoteReplacement(replacement));
  }
}
