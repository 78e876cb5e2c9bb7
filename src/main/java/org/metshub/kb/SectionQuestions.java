package org.metshub.kb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The questions each section answers, as its curators wrote them in the front matter: a mapping
 * from a {@code ## } heading of the document to the questions, in the words readers type, that the
 * section under it answers.
 *
 * <pre>
 * questions:
 *   'Symptoms':
 *   - 'what symptoms do liver mets cause'
 *   - 'signs cancer has spread to the liver'
 * </pre>
 *
 * <p>They are never shown: the answer path compares a reader's question with them to tell which
 * section answers it. A key that names no heading, a value that is not a list of questions, and a
 * question of more than {@link #MAX_LENGTH} characters are errors; the field is kept in the front
 * matter as written, so tools that rewrite front matter keep it. Stateless.
 */
public final class SectionQuestions {
  /** The front-matter field. */
  public static final String FIELD = "questions";

  /** The longest question, in characters: a question, not a paragraph. */
  public static final int MAX_LENGTH = 200;

  private SectionQuestions() {}

  /** The sections with their questions, and the problems found. */
  public record Attached(List<Section> sections, List<Problem> problems) {
    public Attached {
      sections = List.copyOf(sections);
      problems = List.copyOf(problems);
    }
  }

  /** Reads the field of {@code raw} and gives each section of {@code sections} its questions. */
  public static Attached attach(String path, RawFrontMatter raw, List<Section> sections) {
    Optional<JsonNode> field = raw.field(FIELD);
    if (field.isEmpty() || field.get().isNull()) {
      return new Attached(sections, List.of());
    }
    int line = raw.line(FIELD);
    List<Problem> problems = new ArrayList<>();
    JsonNode node = field.get();
    if (!node.isObject()) {
      problems.add(
          Problem.error(
              path,
              line,
              FIELD,
              "must map each section heading to the questions it answers",
              node.toString()));
      return new Attached(sections, problems);
    }
    Map<String, List<String>> byHeading = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String heading = e.getKey().strip();
      String where = FIELD + "." + heading;
      if (sections.stream().noneMatch(s -> s.title().equals(heading))) {
        problems.add(
            Problem.error(path, line, where, "must name a heading of this document", e.getKey()));
        continue;
      }
      JsonNode v = e.getValue();
      List<String> asked = new ArrayList<>();
      if (v.isTextual()) {
        asked.add(v.asText().strip());
      } else if (v.isArray()) {
        v.forEach(q -> asked.add(q.isValueNode() ? q.asText().strip() : ""));
      }
      if (asked.isEmpty() || asked.stream().anyMatch(String::isEmpty)) {
        problems.add(Problem.error(path, line, where, "must be a list of questions", v.toString()));
        continue;
      }
      List<String> tooLong = asked.stream().filter(q -> q.length() > MAX_LENGTH).toList();
      if (!tooLong.isEmpty()) {
        problems.add(
            Problem.error(
                path,
                line,
                where,
                "each question must be at most " + MAX_LENGTH + " characters",
                tooLong.getFirst()));
        continue;
      }
      byHeading.merge(
          heading,
          asked,
          (a, b) -> {
            List<String> both = new ArrayList<>(a);
            both.addAll(b);
            return both;
          });
    }
    List<Section> out = new ArrayList<>(sections.size());
    for (Section s : sections) {
      List<String> asked = byHeading.get(s.title());
      out.add(asked == null ? s : s.withQuestions(asked));
    }
    return new Attached(out, problems);
  }
}
