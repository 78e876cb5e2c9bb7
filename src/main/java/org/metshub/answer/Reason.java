package org.metshub.answer;

import java.util.List;
import java.util.Objects;

/**
 * Why the answer path abstained: its kind, the values it names (a heading, a page, words, figures)
 * and its English text. The text is what the API, the CLI and the logs show; the kind and the
 * values let the curator console say it in the curator's language. Kinds: {@code noSection}, {@code
 * notClose} (similarity, threshold), {@code otherCancer} (the question's cancers, the page's),
 * {@code unknownWords} (words), {@code aspect} (aspect id, heading, page), {@code notSpoken}
 * (heading, page, terms), {@code tooWeak} (heading, page, confidence, threshold), {@code
 * placeOfCare} (place) and {@code noText}; an empty kind has its text only.
 *
 * @param kind what kind of reason it is, or empty
 * @param args the values the reason names, in the order its kind lists them
 * @param text the reason in English
 */
public record Reason(String kind, List<String> args, String text) {
  public Reason {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    args = List.copyOf(args);
  }

  /** A reason given by its text only. */
  public static Reason text(String text) {
    return new Reason("", List.of(), text);
  }
}
