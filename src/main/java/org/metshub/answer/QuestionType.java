package org.metshub.answer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a question asks for, in English or Spanish; the evidence gate sets its threshold by type.
 * The patterns of each type are data ({@code answer/question-types.yaml}), read once. Checked in
 * declaration order, so "what is the treatment" is a treatment question.
 */
enum QuestionType {
  SUPPORT,
  RESEARCH,
  PROGNOSIS,
  SYMPTOMS,
  TREATMENT,
  DEFINITION,
  GENERAL;

  private static final class Bundled {
    static final Map<QuestionType, Pattern> PATTERNS =
        read("answer/question-types.yaml", AnswerYaml.resource("/answer/question-types.yaml"));
  }

  static QuestionType of(String question) {
    String q = question.strip().toLowerCase(Locale.ROOT).replaceFirst("^[¿¡]+", "");
    for (QuestionType t : values()) {
      if (t != GENERAL && Objects.requireNonNull(Bundled.PATTERNS.get(t)).matcher(q).find()) {
        return t;
      }
    }
    return GENERAL;
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads and checks the patterns of every type but GENERAL, which matches what no other does;
   * {@code source} names the file in messages.
   */
  static Map<QuestionType, Pattern> read(String source, String text) {
    AnswerYaml yaml = new AnswerYaml(source);
    JsonNode root = yaml.parse(text);
    yaml.onlyKeys(root, "", List.of("types"), "key");
    JsonNode types = root.get("types");
    if (types == null || !types.isObject()) {
      throw yaml.error("types", "is required and must be a mapping of types to patterns", types);
    }
    List<String> labels =
        Arrays.stream(values()).filter(t -> t != GENERAL).map(QuestionType::label).toList();
    yaml.onlyKeys(types, "types", labels, "question type");
    Map<QuestionType, Pattern> out = new EnumMap<>(QuestionType.class);
    for (QuestionType t : values()) {
      if (t != GENERAL) {
        out.put(t, yaml.pattern(types, t.label(), "types", "", ""));
      }
    }
    return java.util.Collections.unmodifiableMap(out);
  }
}
