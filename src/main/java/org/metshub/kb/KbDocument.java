package org.metshub.kb;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A KB document as read from its file: normalised front matter, the raw Markdown body, the body cut
 * into sections, and the problems found while reading it. Immutable.
 *
 * @param path the file as named in reports
 * @param frontMatter the normalised front matter
 * @param body the Markdown body (LF line endings)
 * @param sections the body by heading
 * @param problems problems found while reading (validation adds more)
 * @param fieldLines the file line of each front-matter field
 */
public record KbDocument(
    String path,
    FrontMatter frontMatter,
    String body,
    List<Section> sections,
    List<Problem> problems,
    java.util.Map<String, Integer> fieldLines)
    implements KbFile {

  public KbDocument {
    sections = List.copyOf(sections);
    // Reports read top to bottom: order problems by line (stable, so rule order is kept).
    problems = problems.stream().sorted(java.util.Comparator.comparingInt(Problem::line)).toList();
    fieldLines = java.util.Map.copyOf(fieldLines);
  }

  /** The file line of a front-matter field, or 1 when the file does not have it. */
  public int fieldLine(String field) {
    return fieldLines.getOrDefault(field, 1);
  }

  public String id() {
    return frontMatter.id();
  }

  /** The whole body as plain text, sections separated by blank lines. */
  public String plainText() {
    return sections.stream()
        .map(s -> s.heading().isEmpty() ? s.text() : s.heading() + "\n" + s.text())
        .collect(Collectors.joining("\n\n"));
  }

  /** A copy with more problems appended. */
  public KbDocument withProblems(List<Problem> more) {
    return new KbDocument(
        path,
        frontMatter,
        body,
        sections,
        java.util.stream.Stream.concat(problems.stream(), more.stream()).toList(),
        fieldLines);
  }
}
