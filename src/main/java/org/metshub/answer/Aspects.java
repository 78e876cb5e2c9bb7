package org.metshub.answer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a question may ask for that only a section speaking about it can answer: its cost, which of
 * two things is better, a number. Read from {@code answer/aspects.yaml}; the evidence gate abstains
 * when the question asks for one and the chosen section never speaks about it ({@link
 * EvidenceGate}). Immutable and thread-safe.
 */
final class Aspects {
  /**
   * One aspect.
   *
   * @param id its key in the file
   * @param label how the content-gaps page names it
   * @param asks matches a question that asks for it
   * @param speaks matches a section's heading or text that speaks about it
   */
  record Aspect(String id, String label, Pattern asks, Pattern speaks) {}

  private static final List<String> KEYS = List.of("label", "asks", "speaks");

  private final List<Aspect> aspects;

  private Aspects(List<Aspect> aspects) {
    this.aspects = List.copyOf(aspects);
  }

  private static final class Bundled {
    static final Aspects ASPECTS =
        read("answer/aspects.yaml", AnswerYaml.resource("/answer/aspects.yaml"));
  }

  /** The aspects shipped in the jar (read once). */
  static Aspects bundled() {
    return Bundled.ASPECTS;
  }

  /** Reads and checks the aspects of {@code text}; {@code source} names the file in messages. */
  static Aspects read(String source, String text) {
    AnswerYaml yaml = new AnswerYaml(source);
    JsonNode root = yaml.parse(text);
    yaml.onlyKeys(root, "", List.of("aspects"), "key");
    JsonNode all = yaml.map(root, "aspects", "", "aspects");
    List<Aspect> out = new ArrayList<>();
    for (Iterator<String> it = all.fieldNames(); it.hasNext(); ) {
      String id = it.next();
      String where = "aspects." + id;
      JsonNode node = all.get(id);
      if (!node.isObject()) {
        throw yaml.error(where, "must be a mapping with " + KEYS, node);
      }
      yaml.onlyKeys(node, where, KEYS, "key");
      JsonNode label = node.get("label");
      if (label == null || !label.isTextual() || label.asText().isBlank()) {
        throw yaml.error(where + ".label", "is required and must be a text", label);
      }
      out.add(
          new Aspect(
              id,
              label.asText().strip(),
              yaml.pattern(node, "asks", where, "(?:", ")"),
              yaml.pattern(node, "speaks", where, "(?:", ")")));
    }
    return new Aspects(out);
  }

  /** The aspects a question asks for, in file order. */
  List<Aspect> askedBy(String question) {
    return aspects.stream().filter(a -> a.asks().matcher(question).find()).toList();
  }

  /**
   * The first of {@code asked} that a section with this heading and text never speaks about, if
   * any.
   */
  static Optional<Aspect> unspoken(List<Aspect> asked, String heading, String text) {
    String section = heading + "\n" + text;
    return asked.stream().filter(a -> !a.speaks().matcher(section).find()).findFirst();
  }
}
