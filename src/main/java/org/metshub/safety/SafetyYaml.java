package org.metshub.safety;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.Internal;
import org.metshub.json.Json;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads one safety data file (rules or crisis lines) as plain YAML data and checks its shape. Every
 * problem is a {@link BadInput} that names the file, the place in it (such as {@code
 * rules[3].patterns[1]}), the rule broken and the bad value. Tags never instantiate types; anchors,
 * aliases and duplicate keys are refused, as in KB front matter.
 */
final class SafetyYaml {
  private static final ObjectMapper MAPPER;

  static {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(0);
    options.setAllowDuplicateKeys(false);
    // The shared mapper on a factory of its own: the refusals above belong to the YAML parser.
    MAPPER = Json.with(YAMLFactory.builder().loaderOptions(options).build());
  }

  private final String source;

  SafetyYaml(String source) {
    this.source = source;
  }

  /** Reads a file bundled on the class path, e.g. {@code /safety/rules-en.yaml}. */
  static String resource(String path) {
    try (InputStream in = SafetyYaml.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new Internal(path + ": safety data file is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new Internal("cannot read safety data file " + path + ": " + e.getMessage(), e);
    }
  }

  String source() {
    return source;
  }

  /** Parses the whole file, which must be a YAML mapping. */
  JsonNode parse(String text) {
    JsonNode root;
    try {
      refuseAnchorsAndAliases(text);
      root = MAPPER.readTree(text);
    } catch (IOException e) {
      throw new BadInput(source + ": is not valid YAML: " + firstLine(e), e);
    }
    if (root == null || !root.isObject()) {
      throw error("file", "must be a YAML mapping of keys to values", root);
    }
    return root;
  }

  // Checked on the event stream before building the tree, so that no alias is ever expanded.
  private void refuseAnchorsAndAliases(String text) throws IOException {
    try (YAMLParser p = (YAMLParser) MAPPER.createParser(text)) {
      while (p.nextToken() != null) {
        if (p.isCurrentAlias() || p.getObjectId() != null) {
          throw error(
              "line " + p.currentLocation().getLineNr(),
              "YAML anchors and aliases (&name, *name) are not allowed",
              p.getText());
        }
      }
    }
  }

  BadInput error(String where, String rule, @Nullable Object value) {
    String shown =
        value instanceof JsonNode n
            ? (n.isTextual() ? n.asText() : n.toString())
            : String.valueOf(value);
    return new BadInput(
        source + ": " + where + ": " + rule + (value == null ? "" : ", got '" + shown + "'"));
  }

  /** Fails when {@code map} has a key outside {@code allowed} (catches typos such as "patern"). */
  void onlyKeys(JsonNode map, String where, Set<String> allowed) {
    for (Iterator<String> it = map.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw error(
            where, "unknown key; expected one of " + allowed.stream().sorted().toList(), key);
      }
    }
  }

  JsonNode map(JsonNode parent, String key, String where) {
    JsonNode n = parent.get(key);
    if (n == null || !n.isObject()) {
      throw error(path(where, key), "is required and must be a mapping", n);
    }
    return n;
  }

  String text(JsonNode parent, String key, String where) {
    JsonNode n = parent.get(key);
    if (n == null || !n.isValueNode() || n.isNull() || n.isBoolean() || n.asText().isBlank()) {
      throw error(
          path(where, key),
          "is required and must be a non-empty text"
              + " (quote words such as \"no\" that YAML reads as true/false)",
          n);
    }
    return n.asText().strip();
  }

  boolean flag(JsonNode parent, String key, String where) {
    JsonNode n = parent.get(key);
    if (n == null) {
      return false;
    }
    if (!n.isBoolean()) {
      throw error(path(where, key), "must be true or false", n);
    }
    return n.asBoolean();
  }

  /** A list of non-empty texts; an absent key gives an empty list unless {@code required}. */
  List<String> texts(JsonNode parent, String key, String where, boolean required) {
    JsonNode n = parent.get(key);
    String at = path(where, key);
    if (n == null && !required) {
      return List.of();
    }
    if (n == null || !n.isArray() || n.isEmpty()) {
      throw error(at, "is required and must be a non-empty list", n);
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      JsonNode item = n.get(i);
      if (item.isBoolean()) {
        // The "Norway problem": unquoted no, yes, on, off are booleans in YAML 1.1.
        throw error(
            at + "[" + i + "]",
            "is read by YAML as true/false; put the word in quotes, e.g. \"no\"",
            item);
      }
      if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
        throw error(at + "[" + i + "]", "must be a non-empty text", item);
      }
      out.add(item.asText().strip());
    }
    return out;
  }

  private static String firstLine(IOException e) {
    String m = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
    return m == null ? "" : m.lines().findFirst().orElse("");
  }

  static String path(String where, String key) {
    return where.isEmpty() ? key : where + "." + key;
  }
}
