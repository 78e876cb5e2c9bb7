package org.metshub.answer;

import java.util.List;
import java.util.Objects;

/**
 * A coherent excerpt of one KB section, the unit an answer quotes: the section's heading as a
 * label, then whole paragraphs and list items in their order, cut only at sentence or item
 * boundaries. Every word is the KB's own.
 *
 * @param docId the document
 * @param heading the section's heading (a glossary entry's term)
 * @param href the whole section on the site, e.g. {@code /docs/liver-metastases#how-it-is-treated}
 * @param citation the number of the citation that covers it
 * @param blocks paragraphs and list items, in reading order
 * @param cutBefore text of the section before the excerpt was left out
 * @param cutAfter text of the section after the excerpt was left out
 */
public record Excerpt(
    String docId,
    String heading,
    String href,
    int citation,
    List<Block> blocks,
    boolean cutBefore,
    boolean cutAfter) {
  public Excerpt {
    Objects.requireNonNull(docId, "docId");
    Objects.requireNonNull(heading, "heading");
    Objects.requireNonNull(href, "href");
    blocks = List.copyOf(blocks);
    if (blocks.isEmpty()) {
      throw new IllegalArgumentException("an excerpt needs at least one block");
    }
  }

  /** A paragraph or one list item, as its sentences. */
  public record Block(Kind kind, List<Sentence> sentences) {
    public Block {
      Objects.requireNonNull(kind, "kind");
      sentences = List.copyOf(sentences);
    }
  }

  /** Whether a block is running text or an item of a list. */
  public enum Kind {
    PARAGRAPH,
    LIST_ITEM;

    public String id() {
      return this == PARAGRAPH ? "paragraph" : "listItem";
    }
  }

  /**
   * One sentence, verbatim.
   *
   * @param marked among the sentences most relevant to the question
   */
  public record Sentence(String text, boolean marked) {
    public Sentence {
      Objects.requireNonNull(text, "text");
    }
  }

  /** Every sentence, in order. */
  public List<Sentence> sentences() {
    return blocks.stream().flatMap(b -> b.sentences().stream()).toList();
  }

  /** The number of words shown. */
  public int words() {
    return sentences().stream().mapToInt(s -> org.metshub.text.Sentences.wordCount(s.text())).sum();
  }
}
