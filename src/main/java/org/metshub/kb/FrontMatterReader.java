package org.metshub.kb;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metshub.json.Json;
import org.metshub.text.Clip;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Splits a KB file's text into YAML front matter and Markdown body, and reads the front matter
 * safely. Accepts a BOM, CRLF or CR line endings, and {@code ...} as the closing line.
 *
 * <p>Safety: the YAML is read as plain data through Jackson's streaming parser, which never
 * instantiates types named by tags; anchors and aliases are refused outright (a KB file has no use
 * for them, and refusing them makes "billion laughs" expansion impossible); the front matter is
 * limited to {@link #MAX_FRONT_MATTER_CHARS} characters and {@link #MAX_DEPTH} levels of nesting.
 * Thread-safe.
 */
public final class FrontMatterReader {
  /** Largest front matter accepted: far above any real one (the NCI corpus peaks near 1 KB). */
  public static final int MAX_FRONT_MATTER_CHARS = 64 * 1024;

  /** Deepest nesting accepted in front matter values. */
  public static final int MAX_DEPTH = 16;

  private final ObjectMapper mapper;

  public FrontMatterReader() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(0);
    options.setAllowDuplicateKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_FRONT_MATTER_CHARS * 2);
    YAMLFactory factory =
        YAMLFactory.builder()
            .loaderOptions(options)
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();
    // The shared mapper on a factory of its own: the limits above belong to the YAML parser.
    this.mapper = Json.with(factory);
  }

  /** Normalises line endings and strips a byte-order mark. */
  public static String normalise(String text) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return s.replace("\r\n", "\n").replace('\r', '\n');
  }

  /**
   * Reads {@code text} (the whole file) into fields and body.
   *
   * @throws FrontMatterException naming the line and rule when the file has no readable front
   *     matter
   */
  public RawFrontMatter read(String text) {
    String s = normalise(text);
    if (!s.startsWith("---\n") && !s.strip().equals("---") && !firstLineIsFence(s)) {
      throw new FrontMatterException(
          1, "file", "must start with a '---' line opening the YAML front matter", firstLine(s));
    }
    int start = s.indexOf('\n') + 1;
    int end = -1;
    int bodyStart = -1;
    int line = 2;
    for (int i = start; i < s.length(); ) {
      int nl = s.indexOf('\n', i);
      String l = nl < 0 ? s.substring(i) : s.substring(i, nl);
      if (l.stripTrailing().equals("---") || l.stripTrailing().equals("...")) {
        end = i;
        bodyStart = nl < 0 ? s.length() : nl + 1;
        break;
      }
      line++;
      i = nl < 0 ? s.length() : nl + 1;
    }
    if (end < 0) {
      throw new FrontMatterException(
          1, "file", "front matter opened on line 1 is never closed by a '---' line", "");
    }
    String yaml = s.substring(start, end);
    if (yaml.length() > MAX_FRONT_MATTER_CHARS) {
      throw new FrontMatterException(
          1,
          "file",
          "front matter must be at most " + MAX_FRONT_MATTER_CHARS + " characters",
          yaml.length() + " characters");
    }
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    Map<String, Integer> lines = new HashMap<>();
    parseYaml(yaml, fields, lines);
    return new RawFrontMatter(fields, lines, s.substring(bodyStart), line + 1);
  }

  private static boolean firstLineIsFence(String s) {
    return firstLine(s).stripTrailing().equals("---");
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private void parseYaml(String yaml, Map<String, JsonNode> fields, Map<String, Integer> lines) {
    if (yaml.isBlank()) {
      throw new FrontMatterException(1, "file", "front matter must not be empty", "");
    }
    if (containsAnchorOrAlias(yaml)) {
      // Checked before parsing so that no expansion is attempted at all.
      int at = lineOf(yaml, anchorOrAliasOffset(yaml)) + 1;
      throw new FrontMatterException(
          at,
          "file",
          "YAML anchors and aliases (&name, *name) are not allowed in front matter",
          "");
    }
    try (JsonParser p = mapper.createParser(yaml)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        throw new FrontMatterException(
            2, "file", "front matter must be a mapping of 'field: value' lines", firstLine(yaml));
      }
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        int fileLine = p.currentTokenLocation().getLineNr() + 1;
        p.nextToken();
        JsonNode value = readValue(p);
        if (fields.containsKey(name)) {
          throw new FrontMatterException(fileLine, name, "field appears twice", name);
        }
        fields.put(name, value);
        lines.put(name, fileLine);
      }
    } catch (FrontMatterException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      int yamlLine = yamlLineOf(e);
      throw new FrontMatterException(
          yamlLine + 1, "file", "front matter is not valid YAML: " + firstSentence(e), "");
    }
  }

  /**
   * Reads the value at the current token. Scalars YAML would resolve to numbers are kept as written
   * when the number would not print back the same: {@code 0000001_1_3} is an id, not the octal
   * number 75, and {@code 1.10} is a version, not 1.1.
   */
  private static JsonNode readValue(JsonParser p) throws IOException {
    var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        var obj = nodes.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          obj.set(name, readValue(p));
        }
        return obj;
      }
      case START_ARRAY -> {
        var arr = nodes.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          arr.add(readValue(p));
        }
        return arr;
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        String raw = p.getText();
        if (t == JsonToken.VALUE_NUMBER_INT && raw.matches("-?(0|[1-9][0-9]{0,17})")) {
          return nodes.numberNode(Long.parseLong(raw));
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT && raw.matches("-?(0|[1-9][0-9]*)\\.[0-9]*[1-9]")) {
          return nodes.numberNode(new java.math.BigDecimal(raw));
        }
        return nodes.textNode(raw);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        String raw = p.getText();
        return raw.equals("true") || raw.equals("false")
            ? nodes.booleanNode(t == JsonToken.VALUE_TRUE)
            : nodes.textNode(raw); // "yes", "on", "No": words people mean as words
      }
      case VALUE_NULL -> {
        return nodes.nullNode();
      }
      default -> {
        return nodes.textNode(p.getText());
      }
    }
  }

  /** True when an unquoted anchor or alias token appears where YAML would read one. */
  static boolean containsAnchorOrAlias(String yaml) {
    return anchorOrAliasOffset(yaml) >= 0;
  }

  private static int anchorOrAliasOffset(String yaml) {
    var m =
        java.util.regex.Pattern.compile("(?m)(?:^|[\\s\\[{,:-])([&*])[^\\s\\[\\]{},]+")
            .matcher(yaml);
    while (m.find()) {
      int at = m.start(1);
      if (!insideQuotes(yaml, at)) {
        return at;
      }
    }
    return -1;
  }

  private static boolean insideQuotes(String yaml, int at) {
    int lineStart = yaml.lastIndexOf('\n', at - 1) + 1;
    String before = yaml.substring(lineStart, at);
    // A '*' or '&' after "key: " is a YAML token; inside quotes or within plain text it is not.
    int colon = before.indexOf(": ");
    String valuePart = colon >= 0 ? before.substring(colon + 2) : before;
    String trimmed = valuePart.strip();
    if (trimmed.isEmpty()
        || trimmed.equals("-")
        || trimmed.endsWith("[")
        || trimmed.endsWith("{")
        || trimmed.endsWith(",")) {
      return count(valuePart, '"') % 2 == 1 || count(valuePart, '\'') % 2 == 1;
    }
    return true;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  private static int lineOf(String s, int offset) {
    int n = 1;
    for (int i = 0; i < offset && i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  private static int yamlLineOf(Throwable e) {
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
        && jpe.getLocation() != null
        && jpe.getLocation().getLineNr() > 0) {
      return jpe.getLocation().getLineNr();
    }
    return 1;
  }

  private static String firstSentence(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    if (root instanceof com.fasterxml.jackson.core.JsonProcessingException jpe) {
      msg = jpe.getOriginalMessage();
    }
    String first = msg.strip().lines().findFirst().orElse(msg);
    return Clip.of(first, 159);
  }
}
