package org.metshub.safety;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Crisis lines and emergency numbers by country, read from {@code safety/crisis-lines.yaml}. Every
 * line and number names the page it was checked on ({@code source}), so that curators can re-check
 * it.
 *
 * <p>Which lines a reader sees: the lines of their country when it has any; otherwise the lines for
 * their language ({@code byLanguage}: Spanish readers get Spanish-speaking lines); otherwise the
 * default set, which the reader checks never to be empty and to hold callable lines. The
 * international directory ({@code default.lines}) always comes last, since people travel. Immutable
 * and thread-safe.
 */
final class CrisisDirectory {
  private static final Pattern CODE = Pattern.compile("[A-Z]{2}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()\\-]{1,24}");

  /** One country: the names that detect it in a message, its emergency numbers, its lines. */
  record Country(String code, List<String> names, List<String> emergency, List<Line> lines) {
    Country {
      names = List.copyOf(names);
      emergency = List.copyOf(emergency);
      lines = List.copyOf(lines);
    }
  }

  /** A text-message option: a number and, for some services, a keyword to send. */
  record Sms(String number, Optional<String> keyword) {}

  /** A crisis line as the file gives it, with texts in every language. */
  record Line(
      String name,
      Optional<String> phone,
      Optional<Sms> sms,
      Optional<String> chat,
      Map<String, String> hours,
      List<String> languages,
      Map<String, String> note,
      String url,
      String source) {
    Line {
      hours = Map.copyOf(hours);
      languages = List.copyOf(languages);
      note = Map.copyOf(note);
    }
  }

  /** An emergency number for readers whose country is unknown, with where it works. */
  record DefaultNumber(String number, Map<String, String> where) {}

  private final Map<String, String> defaultEmergencyText;
  private final List<DefaultNumber> defaultNumbers;
  private final List<String> defaultCountries;
  private final Map<String, List<String>> byLanguage;
  private final Map<String, Map<String, String>> smsTexts;
  private final List<Line> international;
  private final Map<String, Country> countries;

  private CrisisDirectory(
      Map<String, String> defaultEmergencyText,
      List<DefaultNumber> defaultNumbers,
      List<String> defaultCountries,
      Map<String, List<String>> byLanguage,
      Map<String, Map<String, String>> smsTexts,
      List<Line> international,
      Map<String, Country> countries) {
    this.defaultEmergencyText = Map.copyOf(defaultEmergencyText);
    this.defaultNumbers = List.copyOf(defaultNumbers);
    this.defaultCountries = List.copyOf(defaultCountries);
    this.byLanguage = Map.copyOf(byLanguage);
    this.smsTexts = Map.copyOf(smsTexts);
    this.international = List.copyOf(international);
    this.countries = Map.copyOf(countries);
  }

  /** Reads the bundled {@code /safety/crisis-lines.yaml}, requiring texts in {@code languages}. */
  static CrisisDirectory bundled(Set<String> languages) {
    return read(
        "safety/crisis-lines.yaml", SafetyYaml.resource("/safety/crisis-lines.yaml"), languages);
  }

  /** Reads a crisis-lines file; {@code source} names it in messages. */
  static CrisisDirectory read(String source, String text, Set<String> languages) {
    SafetyYaml yaml = new SafetyYaml(source);
    JsonNode root = yaml.parse(text);
    yaml.onlyKeys(root, "file", Set.of("default", "countries"));

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
      yaml.onlyKeys(c, at, Set.of("names", "emergency", "emergencySource", "lines"));
      List<String> names = yaml.texts(c, "names", at, /* required= */ true);
      for (int i = 0; i < names.size(); i++) {
        try {
          PhrasePattern.compile(names.get(i), Map.of());
        } catch (IllegalArgumentException e) {
          throw yaml.error(
              at + ".names[" + i + "]", "name does not compile: " + e.getMessage(), names.get(i));
        }
      }
      List<String> emergency = yaml.texts(c, "emergency", at, /* required= */ true);
      for (String n : emergency) {
        if (!PHONE.matcher(n).matches()) {
          throw yaml.error(at + ".emergency", "must list numbers as dialled, such as \"999\"", n);
        }
      }
      url(yaml, c, "emergencySource", at);
      countries.put(
          code,
          new Country(code, names, emergency, lines(yaml, c, at, languages, /* callable= */ true)));
    }

    JsonNode def = yaml.map(root, "default", "");
    yaml.onlyKeys(
        def,
        "default",
        Set.of("emergencyText", "emergency", "countries", "byLanguage", "sms", "lines"));
    Map<String, String> emergencyText =
        localized(yaml, def, "emergencyText", "default", languages, /* required= */ true);
    List<DefaultNumber> numbers = new ArrayList<>();
    JsonNode nums = def.get("emergency");
    if (nums == null || !nums.isArray() || nums.isEmpty()) {
      throw yaml.error("default.emergency", "must list numbers with where they work", nums);
    }
    for (int i = 0; i < nums.size(); i++) {
      String at = "default.emergency[" + i + "]";
      JsonNode n = nums.get(i);
      if (!n.isObject()) {
        throw yaml.error(at, "must be a mapping with number and where", n);
      }
      yaml.onlyKeys(n, at, Set.of("number", "where"));
      String number = yaml.text(n, "number", at);
      if (!PHONE.matcher(number).matches()) {
        throw yaml.error(at + ".number", "must be a number as dialled, such as \"911\"", number);
      }
      numbers.add(
          new DefaultNumber(
              number, localized(yaml, n, "where", at, languages, /* required= */ true)));
    }
    List<String> defaults = codes(yaml, def, "countries", "default", countries);
    if (defaults.isEmpty()) {
      throw yaml.error("default.countries", "needs at least one country with lines", null);
    }
    Map<String, List<String>> byLanguage = new LinkedHashMap<>();
    JsonNode bl = def.get("byLanguage");
    if (bl != null) {
      yaml.onlyKeys(yaml.map(def, "byLanguage", "default"), "default.byLanguage", languages);
      for (Iterator<String> it = bl.fieldNames(); it.hasNext(); ) {
        String lang = it.next();
        byLanguage.put(lang, codes(yaml, bl, lang, "default.byLanguage", countries));
      }
    }
    JsonNode smsNode = yaml.map(def, "sms", "default");
    yaml.onlyKeys(smsNode, "default.sms", Set.of("keyword", "plain"));
    Map<String, Map<String, String>> sms =
        Map.of(
            "keyword", localized(yaml, smsNode, "keyword", "default.sms", languages, true),
            "plain", localized(yaml, smsNode, "plain", "default.sms", languages, true));
    List<Line> international = lines(yaml, def, "default", languages, /* callable= */ false);
    if (international.isEmpty()) {
      throw yaml.error("default.lines", "needs the international directory of lines", null);
    }
    return new CrisisDirectory(
        emergencyText, numbers, defaults, byLanguage, sms, international, countries);
  }

  /** Country codes that must be listed with at least one line. */
  private static List<String> codes(
      SafetyYaml yaml, JsonNode parent, String key, String where, Map<String, Country> countries) {
    List<String> codes = yaml.texts(parent, key, where, /* required= */ true);
    for (String code : codes) {
      Country c = countries.get(code);
      if (c == null || c.lines().isEmpty()) {
        throw yaml.error(where + "." + key, "must name countries listed with lines", code);
      }
    }
    return codes;
  }

  private static List<Line> lines(
      SafetyYaml yaml, JsonNode parent, String where, Set<String> languages, boolean callable) {
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
        throw yaml.error(at, "must be a mapping with name, phone, url and source", l);
      }
      yaml.onlyKeys(
          l,
          at,
          Set.of("name", "phone", "sms", "chat", "hours", "languages", "note", "url", "source"));
      Optional<String> phone = optionalText(yaml, l, "phone", at);
      phone.ifPresent(
          p -> {
            if (!PHONE.matcher(p).matches()) {
              throw yaml.error(
                  at + ".phone", "must be a number as written, such as \"116 123\"", p);
            }
          });
      Optional<Sms> sms = Optional.empty();
      if (l.hasNonNull("sms")) {
        JsonNode s = yaml.map(l, "sms", at);
        yaml.onlyKeys(s, at + ".sms", Set.of("number", "keyword"));
        String number = yaml.text(s, "number", at + ".sms");
        if (!PHONE.matcher(number).matches()) {
          throw yaml.error(at + ".sms.number", "must be a number such as \"85258\"", number);
        }
        sms = Optional.of(new Sms(number, optionalText(yaml, s, "keyword", at + ".sms")));
      }
      if (callable && phone.isEmpty() && sms.isEmpty()) {
        throw yaml.error(at, "needs a phone number or a text number", l.get("name"));
      }
      Optional<String> chat =
          l.hasNonNull("chat") ? Optional.of(url(yaml, l, "chat", at)) : Optional.empty();
      List<String> langs = yaml.texts(l, "languages", at, /* required= */ false);
      for (String lang : langs) {
        if (!LANGUAGE.matcher(lang).matches()) {
          throw yaml.error(at + ".languages", "must be ISO 639-1 codes such as en", lang);
        }
      }
      out.add(
          new Line(
              yaml.text(l, "name", at),
              phone,
              sms,
              chat,
              localized(yaml, l, "hours", at, languages, /* required= */ false),
              langs,
              localized(yaml, l, "note", at, languages, /* required= */ false),
              url(yaml, l, "url", at),
              url(yaml, l, "source", at)));
    }
    return out;
  }

  private static Optional<String> optionalText(
      SafetyYaml yaml, JsonNode parent, String key, String where) {
    return parent.hasNonNull(key) ? Optional.of(yaml.text(parent, key, where)) : Optional.empty();
  }

  /** A text per language (or one text for all); empty when optional and absent. */
  private static Map<String, String> localized(
      SafetyYaml yaml,
      JsonNode parent,
      String key,
      String where,
      Set<String> languages,
      boolean required) {
    JsonNode n = parent.get(key);
    Map<String, String> out = new LinkedHashMap<>();
    if (n == null || n.isNull()) {
      if (required) {
        throw yaml.error(
            where + "." + key, "is required, with a text for each of " + languages, null);
      }
      return out;
    }
    if (n.isValueNode()) {
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
   * The country code for what a caller passed: an ISO code in any case ("gb"), or a name from the
   * file ("UK", "México"). A well-formed code the file does not list is kept (it gets the lines for
   * the reader's language and the default emergency numbers); anything else is empty.
   */
  Optional<String> resolve(String raw) {
    String s = raw.strip();
    boolean code = s.length() == 2 && s.chars().allMatch(c -> c < 128 && Character.isLetter(c));
    if (code && countries.containsKey(s.toUpperCase(Locale.ROOT))) {
      return Optional.of(s.toUpperCase(Locale.ROOT));
    }
    // A name before an unlisted code: "UK" is the United Kingdom (GB), not a code of its own.
    String key = NormalisedText.of(s).text();
    for (Country c : countries.values()) {
      if (c.names().stream().anyMatch(n -> NormalisedText.of(n).text().equals(key))) {
        return Optional.of(c.code());
      }
    }
    return code ? Optional.of(s.toUpperCase(Locale.ROOT)) : Optional.empty();
  }

  /** True when the file lists the country (with its emergency numbers). */
  boolean lists(String code) {
    return countries.containsKey(code);
  }

  /**
   * The crisis lines to show: the country's own when it has any, else those for {@code language},
   * else the default set; then the international directory. Never empty, and always with at least
   * one line that can be called.
   */
  List<CrisisLine> lines(Optional<String> country, String language) {
    List<CrisisLine> out = new ArrayList<>();
    Optional<Country> own = country.map(countries::get).filter(c -> !c.lines().isEmpty());
    if (own.isPresent()) {
      own.get().lines().forEach(l -> out.add(line(l, own.get().code(), language)));
    } else {
      for (String code : byLanguage.getOrDefault(language, defaultCountries)) {
        // read checks that byLanguage and default.countries name listed countries with lines.
        Country listed = Objects.requireNonNull(countries.get(code), code);
        out.add(line(listed.lines().getFirst(), code, language));
      }
    }
    international.forEach(l -> out.add(line(l, "INT", language)));
    return List.copyOf(out);
  }

  private CrisisLine line(Line l, String country, String language) {
    Optional<String> text =
        l.sms()
            .map(
                s ->
                    s.keyword()
                        .map(k -> text(smsTexts, "keyword", language).replace("{keyword}", k))
                        .orElse(text(smsTexts, "plain", language))
                        .replace("{number}", s.number()));
    return new CrisisLine(
        l.name(),
        l.phone(),
        text,
        l.chat(),
        l.url(),
        country,
        Optional.ofNullable(l.hours().get(language)),
        l.languages(),
        Optional.ofNullable(l.note().get(language)));
  }

  /** How to say the emergency number in running text: "999 or 112", or a general phrase. */
  String emergencyText(Optional<String> country, String language) {
    return country
        .map(countries::get)
        .map(c -> String.join(language.equals("es") ? " o " : " or ", c.emergency()))
        .orElseGet(() -> text(defaultEmergencyText, language));
  }

  /** The emergency numbers to show as links: the country's, or the default list. */
  List<EmergencyNumber> emergencyNumbers(Optional<String> country, String language) {
    Optional<Country> c = country.map(countries::get);
    if (c.isPresent()) {
      String where =
          Locale.of("", c.get().code()).getDisplayCountry(Locale.forLanguageTag(language));
      return c.get().emergency().stream().map(n -> new EmergencyNumber(n, where)).toList();
    }
    return defaultNumbers.stream()
        .map(n -> new EmergencyNumber(n.number(), text(n.where(), language)))
        .toList();
  }

  /** A text that read requires in each language of the policy, in {@code language}. */
  private static String text(Map<String, String> byLanguage, String language) {
    return Objects.requireNonNull(byLanguage.get(language), () -> "no text in " + language);
  }

  private static String text(Map<String, Map<String, String>> texts, String key, String language) {
    return text(Objects.requireNonNull(texts.get(key), key), language);
  }

  /** Every listed country, in file order. */
  List<Country> countries() {
    return List.copyOf(countries.values());
  }
}
