package org.metshub.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import org.metshub.text.Cleaning;
import org.metshub.text.Sentences;

/**
 * Cuts the excerpt an answer shows from one section. The section is read as blocks (paragraphs and
 * list items) of sentences. A section of at most {@value #MAX_WORDS} words is shown whole. A longer
 * one is shown as the run of consecutive sentences and items, of {@value #MIN_WORDS}–{@value
 * #MAX_WORDS} words, that holds the most question terms, with three rules that keep it readable on
 * its own:
 *
 * <ul>
 *   <li>a list never appears without the sentence that leads into it ("Symptoms may include:");
 *   <li>the excerpt never opens, and never resumes, with a sentence that points back at text not
 *       shown ("These…", "This…", "It…", "Estos…"): it starts earlier instead;
 *   <li>a list that starts is shown to its end when that keeps it within {@value #MAX_LIST_WORDS}
 *       words.
 * </ul>
 *
 * <p>The sentences with the most question terms are marked. Captions, reference numbers and
 * navigation lines are removed first ({@link Cleaning}). Stateless and thread-safe.
 */
final class ExcerptBuilder {
  static final int MIN_WORDS = 40;
  static final int MAX_WORDS = 150;

  /** A list already begun may run a little past MAX_WORDS rather than stop mid-way. */
  static final int MAX_LIST_WORDS = 190;

  /** Openings that point back at something said before. */
  static final Pattern DANGLING = WordLists.bundled().danglingOpening();

  /**
   * True when a sentence points back at text not shown ("These…", "Este recorrido…"). A lead-in
   * that ends with a colon points forward, at the list it introduces ("Estos son los tratamientos
   * principales:"), and does not dangle.
   */
  static boolean dangling(String sentence) {
    return DANGLING.matcher(sentence).find() && !sentence.strip().endsWith(":");
  }

  /**
   * True when the section's first sentence points back at the section before it and can be left
   * out: the next unit is a sentence of its own, not a list that needs it as its lead-in.
   */
  private static boolean openingPointsBack(List<Unit> units) {
    return units.size() > 1
        && dangling(units.get(0).text())
        && units.get(1).kind() == Excerpt.Kind.PARAGRAPH;
  }

  /** One sentence or list item of the section, with where it sits. */
  private record Unit(
      int block, Excerpt.Kind kind, boolean itemStart, String text, int words, int relevance) {}

  private ExcerptBuilder() {}

  /**
   * The excerpt of {@code sectionText} for a question whose terms {@code relevance} counts in a
   * sentence; empty when the section has no text left once cleaned.
   */
  static java.util.Optional<Excerpt> build(
      String docId,
      String heading,
      String href,
      int citation,
      String sectionText,
      ToIntFunction<String> relevance) {
    List<Unit> units = units(Cleaning.clean(sectionText), relevance);
    if (units.isEmpty()) {
      return java.util.Optional.empty();
    }
    int total = units.stream().mapToInt(Unit::words).sum();
    int from = 0;
    int to = units.size();
    if (total > MAX_WORDS) {
      int[] w = bestWindow(units);
      from = w[0];
      to = w[1];
    } else if (openingPointsBack(units)) {
      from = 1;
    }
    return java.util.Optional.of(excerpt(docId, heading, href, citation, units, from, to));
  }

  private static List<Unit> units(String text, ToIntFunction<String> relevance) {
    List<Unit> out = new ArrayList<>();
    String[] blocks = text.split("\n\n");
    for (int b = 0; b < blocks.length; b++) {
      String block = blocks[b].strip();
      if (block.isEmpty()) {
        continue;
      }
      if (block.startsWith("- ")) {
        // Items start at "- " lines; indented lines continue the item above.
        List<String> items = new ArrayList<>();
        for (String line : block.split("\n")) {
          if (line.startsWith("- ") || items.isEmpty()) {
            items.add(line.replaceFirst("^-\\s+", "").strip());
          } else {
            items.set(
                items.size() - 1, items.getLast() + " " + line.strip().replaceFirst("^-\\s+", ""));
          }
        }
        for (String item : items) {
          List<String> sentences = Sentences.split(item);
          for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i);
            out.add(
                new Unit(
                    b,
                    Excerpt.Kind.LIST_ITEM,
                    i == 0,
                    s,
                    Sentences.wordCount(s),
                    relevance.applyAsInt(s)));
          }
        }
      } else {
        for (String s : Sentences.split(block.replace('\n', ' '))) {
          out.add(
              new Unit(
                  b,
                  Excerpt.Kind.PARAGRAPH,
                  true,
                  s,
                  Sentences.wordCount(s),
                  relevance.applyAsInt(s)));
        }
      }
    }
    return out;
  }

  /** The window [from, to) with the most relevance that obeys the rules; earliest on a tie. */
  private static int[] bestWindow(List<Unit> units) {
    int[] best = {0, 0};
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int start = 0; start < units.size(); start++) {
      int from = startOf(units, start);
      if (from != start) {
        continue; // the same window is tried from its real start
      }
      if (from == 0 && openingPointsBack(units)) {
        continue; // the section opens by pointing back at the one before: start after it
      }
      int to = endOf(units, from);
      double score = 0;
      for (int i = from; i < to; i++) {
        score += units.get(i).relevance();
      }
      // A small preference for the section's own opening, which usually says what it is about.
      score += from == 0 ? 0.5 : 0;
      if (score > bestScore + 1e-9) {
        bestScore = score;
        best = new int[] {from, to};
      }
    }
    return best;
  }

  /**
   * Where a window meant to start at {@code i} must really start: not inside an item, not at a list
   * without its lead-in, not at a sentence that points back.
   */
  private static int startOf(List<Unit> units, int i) {
    int from = i;
    boolean moved = true;
    while (moved && from > 0) {
      moved = false;
      Unit u = units.get(from);
      Unit prev = units.get(from - 1);
      if (u.kind() == Excerpt.Kind.LIST_ITEM && !u.itemStart()) {
        from--; // the rest of an item belongs with its start
        moved = true;
      } else if (u.kind() == Excerpt.Kind.LIST_ITEM) {
        // The first unit of the list's block, then its lead-in (the sentence before the list).
        int first = from;
        while (first > 0 && units.get(first - 1).block() == u.block()) {
          first--;
        }
        from = first > 0 ? first - 1 : first;
        moved = from != i;
      } else if (dangling(u.text()) && prev.block() <= u.block()) {
        from--;
        moved = true;
      }
    }
    return from;
  }

  /** Where a window starting at {@code from} ends: at least MIN_WORDS, at most MAX_WORDS. */
  private static int endOf(List<Unit> units, int from) {
    int words = 0;
    int to = from;
    while (to < units.size()) {
      Unit u = units.get(to);
      boolean inList = u.kind() == Excerpt.Kind.LIST_ITEM && to > from;
      int limit = inList ? MAX_LIST_WORDS : MAX_WORDS;
      if (words >= MIN_WORDS && words + u.words() > limit) {
        break;
      }
      if (words + u.words() > MAX_LIST_WORDS && words > 0) {
        break;
      }
      words += u.words();
      to++;
    }
    // Never end on a lead-in whose list is cut off, nor in the middle of an item.
    while (to - 1 > from && to < units.size()) {
      Unit last = units.get(to - 1);
      Unit next = units.get(to);
      boolean leadIn =
          last.kind() == Excerpt.Kind.PARAGRAPH
              && next.kind() == Excerpt.Kind.LIST_ITEM
              && last.text().endsWith(":");
      boolean midItem = next.kind() == Excerpt.Kind.LIST_ITEM && !next.itemStart();
      if (!leadIn && !midItem) {
        break;
      }
      to--;
    }
    return Math.max(to, from + 1);
  }

  private static Excerpt excerpt(
      String docId, String heading, String href, int citation, List<Unit> units, int from, int to) {
    int best = 0;
    for (int i = from; i < to; i++) {
      best = Math.max(best, units.get(i).relevance());
    }
    List<Excerpt.Block> blocks = new ArrayList<>();
    List<Excerpt.Sentence> current = new ArrayList<>();
    Excerpt.Kind kind = null;
    int block = -1;
    for (int i = from; i < to; i++) {
      Unit u = units.get(i);
      boolean newBlock =
          u.block() != block
              || u.kind() != kind
              || (u.kind() == Excerpt.Kind.LIST_ITEM && u.itemStart());
      if (newBlock && !current.isEmpty()) {
        blocks.add(new Excerpt.Block(Objects.requireNonNull(kind), current));
        current = new ArrayList<>();
      }
      block = u.block();
      kind = u.kind();
      current.add(new Excerpt.Sentence(u.text(), best > 0 && u.relevance() == best));
    }
    blocks.add(new Excerpt.Block(Objects.requireNonNull(kind), current));
    return new Excerpt(docId, heading, href, citation, blocks, from > 0, to < units.size());
  }
}
