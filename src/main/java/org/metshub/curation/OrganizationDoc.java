package org.metshub.curation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metshub.kb.FrontMatter;
import org.metshub.kb.FrontMatterWriter;
import org.metshub.text.Clip;
import org.metshub.text.LanguageGuess;

/**
 * The KB file an approved suggestion becomes: an {@code organization} document for the directory,
 * link-only (the resource's own words are not ours to quote), due for review in a year, with the
 * suggestion's description as its summary and first section. The front matter is written by {@link
 * FrontMatterWriter}, like every other front matter MetsHub writes, so text from the form is a YAML
 * string whatever it holds; in the body it is escaped as Markdown. Either way it can only ever be
 * text.
 */
final class OrganizationDoc {
  private static final FrontMatterWriter WRITER = new FrontMatterWriter();

  private OrganizationDoc() {}

  static String write(Submission s, String id, String status, LocalDate today, String curator) {
    String language = LanguageGuess.of(s.name() + ". " + s.description());
    if (!language.equals("es")) {
      language = "en";
    }
    FrontMatter fm =
        new FrontMatter(
            id,
            s.name(),
            s.url(),
            "Suggested by a reader (" + s.reference() + "); checked by " + curator + " on " + today,
            s.name(),
            "05_patient_organization",
            language,
            "general",
            s.cancerTypes(),
            List.of(),
            Optional.of(today),
            "annual",
            status,
            "link_only",
            "v1",
            List.of("suggested by a reader"),
            "organization",
            curator,
            Optional.empty(),
            s.countries(),
            firstSentences(s.description()),
            Map.of());
    String body =
        "\n# "
            + markdown(s.name())
            + "\n\n"
            + "## What they offer\n\n"
            + markdown(s.description())
            + "\n\n"
            + "## Sources\n\n- "
            + markdown(s.name())
            + " website. <"
            + s.url().replace(">", "%3E").replace(" ", "%20")
            + ">\n";
    return WRITER.write(fm, body);
  }

  /** The first one or two sentences, at most about 300 characters, for the summary. */
  static String firstSentences(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    if (flat.length() <= 300) {
      return flat;
    }
    int cut = flat.lastIndexOf(". ", 300);
    return cut > 60 ? flat.substring(0, cut + 1) : Clip.of(flat, 297);
  }

  /** Text made inert in Markdown: markup characters escaped, line-leading list marks too. */
  static String markdown(String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : List.of(text.split("\n", -1))) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      String l = line.replaceAll("([\\\\`*_\\[\\]<>#|!~])", "\\\\$1");
      l = l.replaceFirst("^(\\s*)([-+=])", "$1\\\\$2");
      l = l.replaceFirst("^(\\s*\\d+)([.)])", "$1\\\\$2");
      sb.append(l);
    }
    return sb.toString();
  }
}
