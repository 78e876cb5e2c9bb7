package org.metshub.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The part of a passage shown with a result: plain text (the best sentences, joined by " … " where
 * the passage skips some), and the spans of it that matched the query. Offsets count UTF-16 code
 * units, as {@link String#substring} and JavaScript's {@code slice} do. The edges decide how a
 * highlight looks (a {@code <mark>} on the site, {@code *stars*} in a terminal); nothing here is
 * escaped. Immutable.
 *
 * @param text the snippet text, as written in the KB
 * @param highlights the matched spans, in order, none overlapping another (two may touch)
 */
public record Snippet(String text, List<Highlight> highlights) {

  /** One matched span of {@link Snippet#text}: {@code start} inclusive, {@code end} exclusive. */
  public record Highlight(int start, int end) {
    public Highlight {
      if (start < 0 || end <= start) {
        throw new IllegalArgumentException(
            "a highlight needs 0 <= start < end, got [" + start + ", " + end + ")");
      }
    }
  }

  /** A run of the text that is highlighted as a whole or not at all. */
  public record Part(String text, boolean highlighted) {}

  public Snippet {
    Objects.requireNonNull(text, "text");
    highlights = List.copyOf(highlights);
    int end = 0;
    for (Highlight h : highlights) {
      if (h.start() < end || h.end() > text.length()) {
        throw new IllegalArgumentException(
            "highlights must be in order, apart and inside the "
                + text.length()
                + " characters of the text, got "
                + highlights);
      }
      end = h.end();
    }
  }

  /** A snippet without highlights. */
  public static Snippet plain(String text) {
    return new Snippet(text, List.of());
  }

  /** The text cut at the highlights' edges, in order; empty parts are left out. */
  public List<Part> parts() {
    List<Part> out = new ArrayList<>();
    int pos = 0;
    for (Highlight h : highlights) {
      if (h.start() > pos) {
        out.add(new Part(text.substring(pos, h.start()), false));
      }
      out.add(new Part(text.substring(h.start(), h.end()), true));
      pos = h.end();
    }
    if (pos < text.length()) {
      out.add(new Part(text.substring(pos), false));
    }
    return out;
  }
}
