package org.metshub.search;

import java.util.ArrayList;
import java.util.List;
import org.metshub.kb.KbDocument;
import org.metshub.kb.Section;
import org.metshub.text.Cleaning;
import org.metshub.text.Sentences;

/**
 * Cuts documents into passages by section. A section of up to {@link #MAX_WORDS} words is one
 * passage; a longer one is split between sentences into near-equal parts of at most that size,
 * never mid-sentence (a single longer sentence stays whole). A section shorter than {@link
 * #MIN_WORDS} words is joined to the next section under the same top heading when the two fit
 * together, keeping the first heading path and the second heading as a line of text. Thread-safe.
 */
public final class Passages {
  /** Target size; 350 words of English is about 450 bge tokens, inside its 512-token window. */
  public static final int MAX_WORDS = 350;

  /** Sections shorter than this are merged forward when possible. */
  public static final int MIN_WORDS = 100;

  private Passages() {}

  /** The passages of a document, in reading order. */
  public static List<Passage> of(KbDocument doc, String docHash) {
    List<Section> content = new ArrayList<>();
    for (Section s : doc.sections()) {
      if (isReferenceList(s)) {
        continue; // source lists are for citations, not content to retrieve
      }
      List<String> path = s.headingPath();
      if (!path.isEmpty() && path.get(0).equalsIgnoreCase(doc.frontMatter().title().strip())) {
        path = path.subList(1, path.size()); // the H1 repeats the title
      }
      // Captions, reference numbers and navigation lines are never content: cleaned here, so
      // snippets and answers alike never show them.
      String text = Cleaning.clean(s.text());
      if (text.isBlank() && !s.text().isBlank()) {
        continue;
      }
      content.add(new Section(path, text, s.links(), s.line(), s.questions()));
    }
    List<Passage> out = new ArrayList<>();
    for (Merged m : mergeShort(content)) {
      Section s = m.section();
      String lead = lead(s.text());
      for (String chunk : split(s.text())) {
        int n = out.size();
        out.add(
            new Passage(
                doc.id() + "#" + n,
                n,
                s.headingPath(),
                chunk,
                lead,
                doc.frontMatter(),
                doc.path(),
                docHash,
                s.questions(),
                m.parts()));
      }
    }
    return out;
  }

  /** A section, perhaps made of several short ones, with the parts it was made of. */
  private record Merged(Section section, List<Passage.Part> parts) {
    static Merged of(Section s) {
      return new Merged(
          s, List.of(new Passage.Part(s.headingPath(), lead(s.text()), s.questions())));
    }
  }

  private static List<Merged> mergeShort(List<Section> sections) {
    List<Merged> out = new ArrayList<>();
    Merged pending = null;
    for (Section s : sections) {
      if (pending == null) {
        pending = Merged.of(s);
        continue;
      }
      Section p = pending.section();
      int words = Sentences.wordCount(p.text());
      int next = Sentences.wordCount(s.text());
      boolean sameTop = top(p).equals(top(s));
      if (words < MIN_WORDS && sameTop && words + next <= MAX_WORDS) {
        String heading =
            s.headingPath().isEmpty() ? "" : s.headingPath().get(s.headingPath().size() - 1);
        String text =
            p.text()
                + "\n\n"
                + (heading.isEmpty() || p.headingPath().equals(s.headingPath())
                    ? ""
                    : heading + "\n")
                + s.text();
        List<org.metshub.kb.Link> links = new ArrayList<>(p.links());
        links.addAll(s.links());
        List<String> questions = new ArrayList<>(p.questions());
        questions.addAll(s.questions());
        List<Passage.Part> parts = new ArrayList<>(pending.parts());
        parts.add(Merged.of(s).parts().get(0));
        pending = new Merged(new Section(p.headingPath(), text, links, p.line(), questions), parts);
      } else {
        out.add(pending);
        pending = Merged.of(s);
      }
    }
    if (pending != null) {
      out.add(pending);
    }
    return out;
  }

  /** Headings of source and reference lists, in English and Spanish. */
  private static final java.util.regex.Pattern REFERENCES =
      java.util.regex.Pattern.compile(
          "(?i)^(sources?|references?|fuentes?|referencias?|bibliograf[ií]a|further reading)$");

  static boolean isReferenceList(Section s) {
    return !s.headingPath().isEmpty()
        && REFERENCES.matcher(s.headingPath().get(s.headingPath().size() - 1).strip()).matches();
  }

  private static String top(Section s) {
    return s.headingPath().isEmpty() ? "" : s.headingPath().get(0);
  }

  /** Sentences in a section lead. */
  static final int LEAD_SENTENCES = 2;

  /** The first sentences of a section ("Key Points" lines left out), at most 80 words. */
  static String lead(String text) {
    List<String> sentences = Sentences.split(text);
    StringBuilder sb = new StringBuilder();
    int taken = 0;
    for (String s : sentences) {
      if (s.equalsIgnoreCase("key points") || Sentences.wordCount(s) < 3) {
        continue;
      }
      if (taken > 0 && Sentences.wordCount(sb + " " + s) > 80) {
        break;
      }
      sb.append(taken == 0 ? "" : " ").append(s);
      if (++taken == LEAD_SENTENCES) {
        break;
      }
    }
    return sb.toString();
  }

  /** Splits text into parts of at most MAX_WORDS words, at sentence boundaries. */
  static List<String> split(String text) {
    int total = Sentences.wordCount(text);
    if (total <= MAX_WORDS) {
      return text.isBlank() ? List.of() : List.of(text.strip());
    }
    int parts = (total + MAX_WORDS - 1) / MAX_WORDS;
    int target = (total + parts - 1) / parts;
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int curWords = 0;
    for (String paragraph : text.split("\n\n")) {
      for (String sentence : Sentences.split(paragraph)) {
        int w = Sentences.wordCount(sentence);
        if (curWords > 0 && (curWords + w > MAX_WORDS || curWords >= target)) {
          out.add(cur.toString().strip());
          cur = new StringBuilder();
          curWords = 0;
        }
        if (cur.length() > 0) {
          cur.append(' ');
        }
        cur.append(sentence);
        curWords += w;
      }
      if (cur.length() > 0) {
        cur.append('\n');
      }
    }
    if (curWords > 0) {
      out.add(cur.toString().strip());
    }
    return out;
  }
}
