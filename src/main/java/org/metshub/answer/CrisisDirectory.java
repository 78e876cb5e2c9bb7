package org.metshub.answer;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.metshub.kb.KbException;

/**
 * Crisis lines and emergency numbers by country, read from {@code safety/crisis-lines.yaml}, with
 * a default for countries it does not list. Every line names the page its number was checked on
 * ({@code source}), so that curators can re-check it. Immutable and thread-safe.
 */
final class CrisisDirectory {
  private static final Pattern CODE = Pattern.compile("[A-Z]{2}");

  /** One country: the names that detect it in a message, its emergency number and its lines. */
  record Country(
      String code, List<String> names, Map<String, String> emergency, List<Line> lines) {
    Country {
      names = List.copyOf(names);
      emergency = Map.copyOf(emergency);
      lines = List.copyOf(lines);
    }
  }

  /** A crisis line with its contact text in each language and where it was checked. */
  record Line(String name, Map<String, String> contact, String url, String source) {
    Line {
      contact = Map.copyOf(contact);
    }
  }

  private final Map<String, String> defaultEmergency;
  private final List<Line> defaultLines;
  private final Map<String, Country> countries;

  private CrisisDirectory(
      Map<String, String> defaultEmergency, List<Line> defaultLines, Map<String, Country> map) {
    this.defaultEmergency = Map.copyOf(defaultEmergency);
    this.defaultLines = List.copyOf(defaultLines);
    this.countries = Map.copyOf(map);
  }

  /** Reads the bundled {@code /safety/crisis-lines.yaml}, requiring texts in {@code languages}. */
  static CrisisDirectory bundled(Set<String> languages) {
    return read("safety/crisis-lines.yaml", SafetyYaml.resource("/safety/crisis-lines.yaml"),
        languages);
  }

  /** Reads a crisis-lines file; {@code source} names it in messages. */
  static CrisisDirectory read(String source, String text, Set<String> languages) {
    SafetyYaml yaml = new SafetyYaml(source);
    JsonNode root = yaml.parse(text);
    yaml.onlyKeys(root, "file", Set.of("default", "countries"));
    JsonNode def = yaml.map(root, "default", "");
    yaml.onlyKeys(def, "default", Set.of("emergency", "lines"));
    Map<String, String> emergency = localized(yaml, def, "emergency", "default", languages);
    List<Line> lines = lines(yaml, def, "default", languages);
    if (lines.isEmpty()) {
      throw yaml.error("default.lines", "needs at least one line for countries not listed", null);
    }
    JsonNode node = yaml.map(root, "countries", "");
    Map<String, Country> countries = new LinkedHashMap<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String code = it.next();
      String at = "countries." + code;
      if (!CODE.matcher(code).matches()) {
        throw yaml.error("countries", "keys must be ISO 3166-1 alpha-2 codes such as GB", code);
      }
      JsonNode c = node.get(code);
      if (!c.isObject()) {
        throw yaml.error(at, "must be a mapping with names, emergency and lines", c);
      }
      yaml.onlyKeys(c, at, Set.of("names", "emergency", "lines"));
      List<String> names = yaml.texts(c, "names", at, /* required= */ true);
      for (int i = 0; i < names.size(); i++) {
        try {
          PhrasePattern.compile(names.get(i), Map.of());
        } catch (IllegalArgumentException e) {
          throw yaml.error(at + ".names[" + i + "]", "name does not compile: " + e.getMessage(),
              names.get(i));
        }
      }
      countries.put(code, new Country(code, names,
          localized(yaml, c, "emergency", at, languages), lines(yaml, c, at, languages)));
    }
    return new CrisisDirectory(emergency, lines, countries);
  }

  private static List<Line> lines(
      SafetyYaml yaml, JsonNode parent, String where, Set<String> languages) {
    JsonNode node = parent.get("lines");
    List<Line> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (!node.isArray()) {
      throw yaml.error(where + ".lines", "must be a list of crisis lines", node);
    }
    for (int i = 0; i < node.size(); i++) {
      String at = where + ".lines[" + i + "]";
      JsonNode l = node.get(i);
      if (!l.isObject()) {
        throw yaml.error(at, "must be a mapping with name, contact, url and source", l);
      }
      yaml.onlyKeys(l, at, Set.of("name", "contact", "url", "source"));
      out.add(new Line(yaml.text(l, "name", at), localized(yaml, l, "contact", at, languages),
          url(yaml, l, "url", at), url(yaml, l, "source", at)));
    }
    return out;
  }

  /** A text given once for every language, or as a mapping with one text per language. */
  private static Map<String, String> localized(
      SafetyYaml yaml, JsonNode parent, String key, String where, Set<String> languages) {
    JsonNode n = parent.get(key);
    Map<String, String> out = new LinkedHashMap<>();
    if (n != null && n.isValueNode() && !n.isNull()) {
      String text = yaml.text(parent, key, where);
      languages.forEach(l -> out.put(l, text));
      return out;
    }
    JsonNode map = yaml.map(parent, key, where);
    yaml.onlyKeys(map, where + "." + key, languages);
    for (String l : languages) {
      out.put(l, yaml.text(map, l, where + "." + key));
    }
    return out;
  }

  private static String url(SafetyYaml yaml, JsonNode parent, String key, String where) {
    String value = yaml.text(parent, key, where);
    try {
      URI uri = new URI(value);
      if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
        return value;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw yaml.error(where + "." + key, "must be an https:// address", value);
  }

  /**
   * The country code for what a caller passed: an ISO code in any case ("gb"), or a name from
   * the file ("UK", "México"). A well-formed code the file does not list is kept (its lines are
   * the default ones); anything else is empty.
   */
  Optional<String> resolve(String raw) {
    String s = raw.strip();
    if (s.length() == 2 && s.chars().allMatch(Character::isLetter)) {
      String code = s.toUpperCase(Locale.ROOT);
      if (countries.containsKey(code)) {
        return Optional.of(code);
      }
    }
    String key = NormalisedText.of(s).text();
    for (Country c : countries.values()) {
      if (c.names().stream().anyMatch(n -> NormalisedText.of(n).text().equals(key))) {
        return Optional.of(c.code());
      }
    }
    return CODE.matcher(s.toUpperCase(Locale.ROOT)).matches()
        ? Optional.of(s.toUpperCase(Locale.ROOT))
        : Optional.empty();
  }

  /** The crisis lines to show in {@code country} (the default lines when not listed or empty). */
  List<CrisisLine> lines(Optional<String> country, String language) {
    List<Line> lines = country.map(countries::get).map(Country::lines)
        .filter(l -> !l.isEmpty()).orElse(defaultLines);
    List<CrisisLine> out = new ArrayList<>();
    for (Line l : lines) {
      out.add(new CrisisLine(l.name(), l.contact().get(language), l.url()));
    }
    if (lines != defaultLines) {
      // Always end with the worldwide finder: the person may be travelling.
      for (Line l : defaultLines) {
        out.add(new CrisisLine(l.name(), l.contact().get(language), l.url()));
      }
    }
    return out;
  }

  /** How to say the emergency number in {@code language}, e.g. "911" or a generic phrase. */
  String emergency(Optional<String> country, String language) {
    return country.map(countries::get).map(c -> c.emergency().get(language))
        .orElse(defaultEmergency.get(language));
  }

  /** Every listed country, in file order. */
  List<Country> countries() {
    return List.copyOf(countries.values());
  }
}
