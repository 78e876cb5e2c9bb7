package org.metshub.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns the unified highlighter's best passages of a field into a {@link Snippet}: the passages'
 * text joined by {@link #ELLIPSIS} where they are not contiguous, and each match as a highlight.
 * Matches that overlap become one highlight (a stem and its synonym can cover the same word);
 * matches that only touch stay two, as Lucene's own HTML formatter would mark them. A match that
 * runs past its passage is cut at the passage's end. The text is put on one line, a list item's "-
 * " shown as "• " ({@link #flatten}). A passage that starts on the punctuation ending the sentence
 * before it starts at its first word. Stateless and thread-safe.
 */
final class SnippetFormatter extends PassageFormatter {
  /** Stands for the text left out between two passages that do not touch. */
  static final String ELLIPSIS = " … ";

  /** What a passage never opens with: the end of the sentence before it, and white space. */
  private static final String LEADING = ".,;:!? \n\t";

  @Override
  public Snippet format(Passage[] passages, String content) {
    StringBuilder text = new StringBuilder();
    List<Snippet.Highlight> highlights = new ArrayList<>();
    int pos = 0;
    for (Passage p : passages) {
      if (p.getStartOffset() > pos && pos > 0) {
        text.append(ELLIPSIS);
      }
      pos = p.getStartOffset();
      // A passage the break iterator started at the end of the sentence before (". - Tell your
      // team…") opens at its first word instead.
      while (pos < p.getEndOffset() && LEADING.indexOf(content.charAt(pos)) >= 0) {
        pos++;
      }
      int[] starts = p.getMatchStarts();
      int[] ends = p.getMatchEnds();
      for (int i = 0; i < p.getNumMatches(); i++) {
        int start = Math.max(starts[i], pos);
        int end = ends[i];
        while (i + 1 < p.getNumMatches() && starts[i + 1] < end) {
          end = Math.max(end, ends[++i]);
        }
        end = Math.min(end, p.getEndOffset());
        if (end <= start) {
          continue;
        }
        text.append(content, pos, start);
        int at = text.length();
        text.append(content, start, end);
        highlights.add(new Snippet.Highlight(at, text.length()));
        pos = end;
      }
      if (p.getEndOffset() > pos) {
        text.append(content, pos, p.getEndOffset());
        pos = p.getEndOffset();
      }
    }
    return new Snippet(flatten(text), highlights);
  }

  /**
   * The snippet on one line: a list item's "- " marker becomes a bullet, and line breaks become
   * spaces, each replacement as long as what it replaces so the highlights stay where they are.
   */
  static String flatten(CharSequence text) {
    char[] out = text.toString().toCharArray();
    for (int i = 0; i < out.length; i++) {
      // A line's start, or a passage's start after the ellipsis.
      boolean lineStart =
          i == 0
              || text.charAt(i - 1) == '\n'
              || i >= 2 && text.charAt(i - 1) == ' ' && text.charAt(i - 2) == '…';
      if (lineStart && out[i] == '-' && i + 1 < out.length && out[i + 1] == ' ') {
        out[i] = '•';
      }
    }
    for (int i = 0; i < out.length; i++) {
      if (out[i] == '\n') {
        out[i] = ' ';
      }
    }
    return new String(out);
  }
}
