package org.metshub.answer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.Internal;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads one word-list file of the answer path ({@code answer/words.yaml}, {@code
 * answer/question-types.yaml}) as plain YAML data and checks its lists. Every problem is a {@link
 * BadInput} that names the file, the place in it (such as {@code followUpFiller[28]}), the rule
 * broken and the bad value, in the phrasing of the safety data files. Tags never instantiate types;
 * anchors, aliases and duplicate keys are refused. Holds only the file's name.
 */
final class AnswerYaml {
  private static final ObjectMapper MAPPER;

  static {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(0);
    options.setAllowDuplicateKeys(false);
    MAPPER = new ObjectMapper(YAMLFactory.builder().loaderOptions(options).build());
  }

  private final String source;

  AnswerYaml(String source) {
    this.source = source;
  }

  /** Reads a file bundled on the class path, e.g. {@code /answer/words.yaml}. */
  static String resource(String path) {
    try (InputStream in = AnswerYaml.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new Internal(path + ": answer data file is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new Internal("cannot read answer data file " + path + ": " + e.getMessage(), e);
    }
  }

  /** Parses the whole file, which must be a YAML mapping. */
  JsonNode parse(String text) {
    JsonNode root;
    try {
      refuseAnchorsAndAliases(text);
      root = MAPPER.readTree(text);
    } catch (IOException e) {
      String m = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
      String line =
          e instanceof JacksonException j && j.getLocation() != null
              ? "line " + j.getLocation().getLineNr() + ": "
              : "";
      throw new BadInput(
          source
              + ": "
              + line
              + "is not valid YAML: "
              + (m == null ? "" : m.lines().findFirst().orElse("")),
          e);
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

  /** Fails when {@code map} has a key outside {@code allowed} (catches typos such as "filer"). */
  void onlyKeys(JsonNode map, String where, Collection<String> allowed, String what) {
    for (Iterator<String> it = map.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw error(
            where.isEmpty() ? key : where + "." + key,
            "unknown " + what + "; expected one of " + List.copyOf(allowed),
            null);
      }
    }
  }

  /** The required, non-empty mapping {@code key} of {@code parent}. */
  JsonNode map(JsonNode parent, String key, String where, String what) {
    JsonNode n = parent.get(key);
    if (n == null || !n.isObject() || n.isEmpty()) {
      throw error(
          where.isEmpty() ? key : where + "." + key,
          "is required and must be a non-empty mapping of " + what,
          n);
    }
    return n;
  }

  /**
   * The required, non-empty list {@code key} of {@code parent}: texts, each listed once. {@code
   * where} is the place of {@code parent} ("" for the top of the file).
   */
  List<String> entries(JsonNode parent, String key, String where) {
    String at = where.isEmpty() ? key : where + "." + key;
    JsonNode n = parent.get(key);
    if (n == null || !n.isArray() || n.isEmpty()) {
      throw error(at, "is required and must be a non-empty list", n);
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      JsonNode item = n.get(i);
      if (item.isBoolean()) {
        // The "Norway problem": unquoted y, no, on, off may be booleans in YAML 1.1.
        throw error(
            at + "[" + i + "]",
            "is read by YAML as true/false; put the word in quotes, e.g. 'on'",
            item);
      }
      if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
        throw error(at + "[" + i + "]", "must be a non-empty text", item);
      }
      String entry = item.asText().strip();
      int first = out.indexOf(entry);
      if (first >= 0) {
        throw error(at + "[" + i + "]", "is listed twice (also at [" + first + "])", entry);
      }
      out.add(entry);
    }
    return List.copyOf(out);
  }

  /** As {@link #entries}, each a lower-case word, or a phrase when {@code phrases}. */
  List<String> words(JsonNode parent, String key, String where, boolean phrases) {
    List<String> words = entries(parent, key, where);
    String at = where.isEmpty() ? key : where + "." + key;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (!w.equals(w.toLowerCase(Locale.ROOT))) {
        // The code lowers the text it compares, so a capital letter would never match.
        throw error(at + "[" + i + "]", "must be lower case", w);
      }
      if (!phrases && w.chars().anyMatch(Character::isWhitespace)) {
        throw error(at + "[" + i + "]", "must be one word", w);
      }
    }
    return words;
  }

  /**
   * The alternatives of list {@code key} as one pattern, {@code (?iu)} + {@code before} + the
   * alternatives joined by {@code |} + {@code after}. Each alternative must compile on its own and
   * must not match an empty text (it would then match every text).
   */
  Pattern pattern(JsonNode parent, String key, String where, String before, String after) {
    List<String> alternatives = entries(parent, key, where);
    String at = where.isEmpty() ? key : where + "." + key;
    for (int i = 0; i < alternatives.size(); i++) {
      String a = alternatives.get(i);
      Pattern alone;
      try {
        alone = Pattern.compile("(?iu)" + a);
      } catch (PatternSyntaxException e) {
        throw error(
            at + "[" + i + "]",
            "is not a valid regular expression ("
                + e.getDescription()
                + " near index "
                + e.getIndex()
                + ")",
            a);
      }
      if (alone.matcher("").find()) {
        throw error(at + "[" + i + "]", "matches an empty text, so it would match everything", a);
      }
    }
    String regex = "(?iu)" + before + String.join("|", alternatives) + after;
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      // Each alternative compiles alone, so only a group opened in one and closed in another
      // gets here.
      throw error(
          at,
          "the alternatives do not make one regular expression (" + e.getDescription() + ")",
          regex);
    }
  }
}
