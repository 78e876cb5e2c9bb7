package org.metshub.kb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A KB file split into its front-matter fields (as YAML trees, in file order, each with its 1-based
 * line in the file) and its Markdown body. Nothing is interpreted yet.
 *
 * @param fields the top-level fields in file order
 * @param lines the file line of each field
 * @param body the Markdown after the closing {@code ---}, line endings normalised to LF
 * @param bodyLine the file line on which the body starts
 */
public record RawFrontMatter(
    Map<String, JsonNode> fields, Map<String, Integer> lines, String body, int bodyLine) {

  public RawFrontMatter {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    lines = Map.copyOf(lines);
  }

  public Optional<JsonNode> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** The line of a field, or 1 when the field is absent (problems about it concern the file). */
  public int line(String name) {
    return lines.getOrDefault(name, 1);
  }
}
