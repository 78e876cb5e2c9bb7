package org.metshub.search;

import java.util.List;
import java.util.Objects;
import org.metshub.kb.FrontMatter;

/**
 * A passage: the unit MetsHub indexes, retrieves and cites. It is a run of whole sentences from one
 * section of one document (about 100–350 words), with the section's heading path and the document's
 * metadata. Immutable.
 *
 * @param id {@code docId#ordinal}
 * @param ordinal position in the document, from 0
 * @param headingPath headings above the text, outermost first
 * @param text the passage text, whole sentences
 * @param lead the first sentences of the passage's section, which say what it is about
 * @param document the front matter of the document it comes from
 * @param path the KB file
 * @param docHash hash of the KB file's bytes
 * @param asks the questions its section answers, as the KB's curators wrote them (never shown;
 *     searched, see {@link Fields#ASKS})
 * @param parts the sections the passage is made of, in order: one, or several when short sections
 *     were joined ({@link Passages#MIN_WORDS}); each keeps its own heading, lead and questions, so
 *     that each can be weighed in meaning on its own (see {@link Fields#PARTS})
 */
public record Passage(
    String id,
    int ordinal,
    List<String> headingPath,
    String text,
    String lead,
    FrontMatter document,
    String path,
    String docHash,
    List<String> asks,
    List<Part> parts) {

  /**
   * One section inside a passage.
   *
   * @param headingPath its headings, outermost first
   * @param lead its first sentences
   * @param asks the questions its curators say it answers
   */
  public record Part(List<String> headingPath, String lead, List<String> asks) {
    public Part {
      headingPath = List.copyOf(headingPath);
      Objects.requireNonNull(lead, "lead");
      asks = List.copyOf(asks);
    }

    /** Its headings joined as {@link Passage#heading} joins them. */
    public String heading() {
      return String.join(" › ", headingPath);
    }

    /** Its curated questions, and its own heading when that is a question. */
    public List<String> questions() {
      return Passage.questions(headingPath, asks);
    }
  }

  public Passage {
    asks = List.copyOf(asks);
    parts = List.copyOf(parts);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a passage is made of at least one section: " + id);
    }
    Objects.requireNonNull(id, "id");
    headingPath = List.copyOf(headingPath);
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(document, "document");
  }

  public String docId() {
    return document.id();
  }

  public String heading() {
    return String.join(" › ", headingPath);
  }

  /**
   * The questions its section answers: the curated ones, and its own heading when that is a
   * question ("What is metastatic cancer?", as many pages from other sources are written).
   */
  public List<String> questions() {
    return questions(headingPath, asks);
  }

  private static List<String> questions(List<String> headingPath, List<String> asks) {
    String h = headingPath.isEmpty() ? "" : headingPath.get(headingPath.size() - 1);
    if (!h.endsWith("?") || asks.contains(h)) {
      return asks;
    }
    List<String> out = new java.util.ArrayList<>(asks);
    out.add(h);
    return List.copyOf(out);
  }

  /** What the embedding model reads: title, heading and text (or just the text). */
  public String embeddingText(boolean withTitle) {
    return context(withTitle).append(text).toString();
  }

  /**
   * What the lead vector is made of: title, heading, the questions the section answers (as its
   * curators wrote them) and the section's first sentences. Health writing states a section's
   * subject up front ("Certain factors affect prognosis…"), so this short text says what the
   * passage is about better than the whole passage does; the questions say it in the words readers
   * ask with, so a question close to one of them is close to the section (on the answer eval's dev
   * split, fit 55.9% → 59.8% at the same 3.8% of wrong answers, ranker and gate trained again;
   * lay-query search MRR@10 0.809 → 0.874).
   */
  public String leadText(boolean withTitle) {
    return leadText(withTitle, heading(), asks, lead);
  }

  /**
   * The lead text of one of its parts, made as {@link #leadText} makes the passage's: for a passage
   * of one section, the same text.
   */
  public String leadText(boolean withTitle, Part part) {
    return leadText(withTitle, part.heading(), part.asks(), part.lead());
  }

  private String leadText(boolean withTitle, String heading, List<String> asks, String lead) {
    StringBuilder sb = context(withTitle, heading);
    for (String q : asks) {
      sb.append(q).append(q.endsWith("?") ? " " : "? ");
    }
    return sb.append(lead).toString();
  }

  private StringBuilder context(boolean withTitle) {
    return context(withTitle, heading());
  }

  private StringBuilder context(boolean withTitle, String heading) {
    StringBuilder sb = new StringBuilder();
    if (withTitle && !document.title().isEmpty()) {
      sb.append(document.title()).append(". ");
    }
    if (!heading.isEmpty() && !heading.equals(document.title())) {
      sb.append(heading).append(". ");
    }
    return sb;
  }
}
