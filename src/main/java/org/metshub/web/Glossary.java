package org.metshub.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;
import org.metshub.kb.KbDocument;
import org.metshub.kb.Section;

/**
 * The terms of one language's glossary page, and the "glossifier" that links a document's words to
 * them, after the NCI's: the first occurrence of each term in a document links to the term's
 * definition, never inside a heading, a link or the Sources list. A term is each second-level
 * heading of the glossary ("SBRT or SABR" and "Tomografía computarizada (TAC)" give two forms); a
 * form with a capital after its first letter (an abbreviation such as "CT scan" or "HER2") must
 * match its case, others match in any case. British "tumour" and "-ise" also match US spellings.
 * Immutable and thread-safe.
 */
final class Glossary {
  /**
   * One way a term is written, its pattern, and its text folded to lower case: a form whose folded
   * text a passage does not contain cannot match there, so its pattern is not run (a document page
   * tries some 300 forms on every text node).
   */
  record Form(String text, Pattern pattern, String anchor, String folded) {
    Form(String text, Pattern pattern, String anchor) {
      this(text, pattern, anchor, text.toLowerCase(java.util.Locale.ROOT));
    }

    /** The first match in {@code text} (folded as {@code folded}), or null when there is none. */
    @Nullable Matcher find(String text, String folded) {
      if (!folded.contains(this.folded)) {
        return null;
      }
      Matcher m = pattern.matcher(text);
      return m.find() ? m : null;
    }
  }

  private static final Set<String> SOURCES =
      Set.of("sources", "fuentes", "references", "referencias");

  private final String href;
  private final List<Form> forms;

  private Glossary(String href, List<Form> forms) {
    this.href = href;
    // Longer forms first, so that "liquid biopsy" is linked before "biopsy".
    this.forms =
        forms.stream().sorted(Comparator.comparingInt((Form f) -> -f.text().length())).toList();
  }

  /** The terms of a glossary document. */
  static Glossary of(KbDocument glossary) {
    List<Form> forms = new ArrayList<>();
    for (Section s : glossary.sections()) {
      if (s.headingPath().size() != 2
          || SOURCES.contains(s.title().toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      String anchor = Section.slug(s.title());
      for (String form : forms(s.title())) {
        forms.add(new Form(form, pattern(form), anchor));
      }
    }
    return new Glossary(Cards.docHref(glossary.id()), forms);
  }

  /** "SBRT or SABR" gives both; "Radiocirugía estereotáctica (SRS)" gives the name and SRS. */
  static List<String> forms(String heading) {
    List<String> out = new ArrayList<>();
    Matcher paren = Pattern.compile("^(.+?)\\s*\\(([^)]+)\\)$").matcher(heading);
    List<String> parts =
        paren.matches()
            ? List.of(paren.group(1), paren.group(2))
            : List.of(heading.split("\\s+(?:or|o)\\s+"));
    for (String p : parts) {
      String form = p.strip();
      if (form.length() < 2) {
        continue;
      }
      out.add(form);
      String us =
          form.replace("tumour", "tumor").replace("Tumour", "Tumor").replaceAll("ised$", "ized");
      if (!us.equals(form)) {
        out.add(us);
      }
    }
    return out;
  }

  private static Pattern pattern(String form) {
    boolean abbreviation = form.codePoints().skip(1).anyMatch(Character::isUpperCase);
    String body = "(?<![\\p{L}\\p{N}-])" + Pattern.quote(form) + "(?:s|es)?(?![\\p{L}\\p{N}])";
    return abbreviation
        ? Pattern.compile(body)
        : Pattern.compile(body, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  List<Form> forms() {
    return forms;
  }

  /**
   * Links the first occurrence of each term in {@code body} (a rendered document) to its
   * definition. Terms in {@code title} are left alone: the page is about them.
   */
  void link(Element body, String title) {
    Set<String> done = new HashSet<>();
    String foldedTitle = title.toLowerCase(java.util.Locale.ROOT);
    for (Form f : forms) {
      if (f.find(title, foldedTitle) != null) {
        done.add(f.anchor());
      }
    }
    walk(body, done);
  }

  /** Walks in document order; returns false once the Sources heading is reached. */
  private boolean walk(Element parent, Set<String> done) {
    for (Node child : new ArrayList<>(parent.childNodes())) {
      if (child instanceof Element e) {
        String tag = e.normalName();
        if (tag.matches("h[1-6]")) {
          if (SOURCES.contains(e.text().strip().toLowerCase(java.util.Locale.ROOT))) {
            return false;
          }
          continue;
        }
        if (tag.equals("a") || tag.equals("code") || tag.equals("pre")) {
          continue;
        }
        if (!walk(e, done)) {
          return false;
        }
      } else if (child instanceof TextNode t) {
        link(t, done);
      }
    }
    return true;
  }

  /** Links the earliest term in a text node not yet linked, then goes on after it. */
  private void link(TextNode node, Set<String> done) {
    String text = node.getWholeText();
    String folded = text.toLowerCase(java.util.Locale.ROOT);
    Form best = null;
    int start = Integer.MAX_VALUE;
    int end = 0;
    for (Form f : forms) {
      if (done.contains(f.anchor())) {
        continue;
      }
      Matcher m = f.find(text, folded);
      if (m != null && m.start() < start) {
        best = f;
        start = m.start();
        end = m.end();
      }
    }
    if (best == null) {
      return;
    }
    done.add(best.anchor());
    TextNode before = new TextNode(text.substring(0, start));
    TextNode rest = new TextNode(text.substring(end));
    Element a =
        new Element("a")
            .attr("href", href + "#" + best.anchor())
            .addClass("glossary-term")
            .text(text.substring(start, end));
    node.before(before);
    node.before(a);
    node.before(rest);
    node.remove();
    link(rest, done);
  }
}
