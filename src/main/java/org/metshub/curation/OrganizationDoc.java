package org.metshub.curation;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.metshub.text.LanguageGuess;

/**
 * The KB file an approved suggestion becomes: an {@code organization} document for the
 * directory, link-only (the resource's own words are not ours to quote), due for review in a
 * year, with the suggestion's description as its summary and first section. Text from the form
 * is quoted in YAML and escaped in Markdown, so it can only ever be text.
 */
final class OrganizationDoc {
  private OrganizationDoc() {}

  static String write(Submission s, String id, String status, LocalDate today, String curator) {
    String language = LanguageGuess.of(s.name() + ". " + s.description());
    if (!language.equals("es")) {
      language = "en";
    }
    StringBuilder y = new StringBuilder("---\n");
    y.append("id: ").append(id).append('\n');
    y.append("title: ").append(FrontMatterEdit.quote(s.name())).append('\n');
    y.append("docType: organization\n");
    y.append("language: ").append(language).append('\n');
    y.append("audienceLevel: general\n");
    y.append("cancerTypes:\n");
    for (String t : s.cancerTypes()) {
      y.append("- ").append(FrontMatterEdit.quote(t)).append('\n');
    }
    y.append("summary: ").append(FrontMatterEdit.quote(firstSentences(s.description())))
        .append('\n');
    y.append("source: ").append(FrontMatterEdit.quote(s.name())).append('\n');
    y.append("sourceType: 05_patient_organization\n");
    y.append("citation: ").append(FrontMatterEdit.quote("Suggested by a reader ("
        + s.reference() + "); checked by " + curator + " on " + today)).append('\n');
    y.append("url: ").append(FrontMatterEdit.quote(s.url())).append('\n');
    y.append("license: link_only\n");
    y.append("status: ").append(status).append('\n');
    y.append("lastReviewed: '").append(today).append("'\n");
    y.append("reviewFrequency: annual\n");
    y.append("reviewedBy: ").append(FrontMatterEdit.quote(curator)).append('\n');
    y.append("version: v1\n");
    y.append("countries: [").append(s.countries().stream().map(FrontMatterEdit::quote)
        .collect(Collectors.joining(", "))).append("]\n");
    y.append("tags:\n- suggested by a reader\n");
    y.append("---\n\n");
    y.append("# ").append(markdown(s.name())).append("\n\n");
    y.append("## What they offer\n\n").append(markdown(s.description())).append("\n\n");
    y.append("## Sources\n\n- ").append(markdown(s.name())).append(" website. ")
        .append('<').append(s.url().replace(">", "%3E").replace(" ", "%20")).append(">\n");
    return y.toString();
  }

  /** The first one or two sentences, at most about 300 characters, for the summary. */
  static String firstSentences(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    if (flat.length() <= 300) {
      return flat;
    }
    int cut = flat.lastIndexOf(". ", 300);
    return cut > 60 ? flat.substring(0, cut + 1) : flat.substring(0, 297) + "…";
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
