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
    List<String> asks) {

  public Passage {
    asks = List.copyOf(asks);
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
    StringBuilder sb = context(withTitle);
    for (String q : asks) {
      sb.append(q).append(q.endsWith("?") ? " " : "? ");
    }
    return sb.append(lead).toString();
  }

  private StringBuilder context(boolean withTitle) {
    StringBuilder sb = new StringBuilder();
    if (withTitle && !document.title().isEmpty()) {
      sb.append(document.title()).append(". ");
    }
    if (!headingPath.isEmpty()) {
      String h = heading();
      if (!h.equals(document.title())) {
        sb.append(h).append(". ");
      }
    }
    return sb;
  }
}
