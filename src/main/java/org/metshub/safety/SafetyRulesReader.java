package org.metshub.safety;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.metshub.error.MetsHubException.BadInput;

/**
 * Reads a rules file ({@code safety/rules-en.yaml}, {@code rules-es.yaml}) into {@link
 * LanguageRules}, checking everything a curator could get wrong: unknown keys, unknown kinds,
 * duplicate rule ids, phrases that do not compile, references to missing term lists, texts missing
 * for a kind, refusals without 3 to 5 questions, unknown placeholders. Each problem is a {@link
 * BadInput} naming the file, the place and the bad value. Stateless.
 */
final class SafetyRulesReader {
  private static final Set<String> TOP_KEYS = Set.of("language", "cues", "terms", "rules", "texts");
  private static final Set<String> RULE_KEYS =
      Set.of("id", "kind", "patterns", "context", "except", "requiresPerson", "topic", "unless");
  private static final Pattern RULE_ID = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");

  private SafetyRulesReader() {}

  /** Reads the rules file bundled for {@code language}: {@code /safety/rules-LANGUAGE.yaml}. */
  static LanguageRules bundled(String language) {
    String path = "/safety/rules-" + language + ".yaml";
    LanguageRules rules = read("safety/rules-" + language + ".yaml", SafetyYaml.resource(path));
    if (!rules.language().equals(language)) {
      throw new BadInput(
          rules.source()
              + ": language: must match the file name ('"
              + language
              + "'), got '"
              + rules.language()
              + "'");
    }
    return rules;
  }

  /** Reads rules from {@code text}; {@code source} names the file in messages. */
  static LanguageRules read(String source, String text) {
    SafetyYaml yaml = new SafetyYaml(source);
    JsonNode root = yaml.parse(text);
    yaml.onlyKeys(root, "file", TOP_KEYS);
    String language = yaml.text(root, "language", "");
    if (!LANGUAGE.matcher(language).matches()) {
      throw yaml.error("language", "must be a two-letter language code such as en or es", language);
    }
    Map<String, List<String>> terms = terms(yaml, root);
    JsonNode cuesNode = yaml.map(root, "cues", "");
    Map<Cue, List<PhrasePattern>> cues = cues(yaml, cuesNode, terms);
    List<List<String>> countryCues = countryCues(yaml, cuesNode);
    List<String> countryAfter = yaml.texts(cuesNode, "countryAfter", "cues", false);
    compileAll(yaml, "cues.countryAfter", countryAfter, Map.of());
    List<SafetyRule> rules = rules(yaml, root, language, terms);
    SafetyTexts texts = texts(yaml, yaml.map(root, "texts", ""));
    return new LanguageRules(source, language, cues, countryCues, countryAfter, rules, texts);
  }

  private static Map<String, List<String>> terms(SafetyYaml yaml, JsonNode root) {
    Map<String, List<String>> terms = new LinkedHashMap<>();
    JsonNode node = root.get("terms");
    if (node == null) {
      return terms;
    }
    if (!node.isObject()) {
      throw yaml.error("terms", "must be a mapping of list names to lists of phrases", node);
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!name.matches("[a-z][a-z0-9_]*")) {
        throw yaml.error("terms", "list names must be lower-case words", name);
      }
      terms.put(name, yaml.texts(node, name, "terms", /* required= */ true));
    }
    return terms;
  }

  private static Map<Cue, List<PhrasePattern>> cues(
      SafetyYaml yaml, JsonNode node, Map<String, List<String>> terms) {
    Set<String> allowed = new HashSet<>(Set.of("country", "countryAfter"));
    for (Cue c : Cue.values()) {
      allowed.add(c.key());
    }
    yaml.onlyKeys(node, "cues", allowed);
    Map<Cue, List<PhrasePattern>> cues = new EnumMap<>(Cue.class);
    for (Cue c : Cue.values()) {
      boolean required =
          c == Cue.PERSONAL
              || c == Cue.INFORMATION
              || c == Cue.NEGATION
              || c == Cue.OTHER
              || c == Cue.SELF;
      List<String> phrases = yaml.texts(node, c.key(), "cues", required);
      cues.put(c, compileAll(yaml, "cues." + c.key(), phrases, terms));
    }
    return cues;
  }

  private static List<List<String>> countryCues(SafetyYaml yaml, JsonNode cues) {
    JsonNode node = cues.get("country");
    List<List<String>> levels = new ArrayList<>();
    if (node == null) {
      return levels;
    }
    if (!node.isArray()) {
      throw yaml.error("cues.country", "must be a list of lists of phrases, strongest first", node);
    }
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isArray()) {
        throw yaml.error("cues.country[" + i + "]", "must be a list of phrases", node.get(i));
      }
      List<String> level = new ArrayList<>();
      node.get(i).forEach(p -> level.add(p.asText()));
      // Compiled here only to report a bad phrase against this file.
      compileAll(yaml, "cues.country[" + i + "]", level, Map.of());
      levels.add(level);
    }
    return levels;
  }

  private static List<SafetyRule> rules(
      SafetyYaml yaml, JsonNode root, String language, Map<String, List<String>> terms) {
    JsonNode node = root.get("rules");
    if (node == null || !node.isArray() || node.isEmpty()) {
      throw yaml.error("rules", "is required and must be a non-empty list of rules", node);
    }
    Set<String> ids = new HashSet<>();
    List<SafetyRule> rules = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode r = node.get(i);
      String at = "rules[" + i + "]";
      if (!r.isObject()) {
        throw yaml.error(at, "must be a mapping with id, kind and patterns", r);
      }
      yaml.onlyKeys(r, at, RULE_KEYS);
      String id = yaml.text(r, "id", at);
      if (!RULE_ID.matcher(id).matches()) {
        throw yaml.error(at + ".id", "must be lower-case words joined by dots", id);
      }
      if (!ids.add(id)) {
        throw yaml.error(at + ".id", "is used by an earlier rule", id);
      }
      at = at + " (" + id + ")";
      String kindId = yaml.text(r, "kind", at);
      String kindAt = at + ".kind";
      RuleKind kind =
          kind(kindId).orElseThrow(() -> yaml.error(kindAt, "must be one of " + kindIds(), kindId));
      List<PhrasePattern> patterns =
          compileAll(
              yaml, at + ".patterns", yaml.texts(r, "patterns", at, /* required= */ true), terms);
      List<List<PhrasePattern>> context = new ArrayList<>();
      JsonNode ctx = r.get("context");
      if (ctx != null) {
        if (!ctx.isArray()) {
          throw yaml.error(at + ".context", "must be a list of lists of phrases", ctx);
        }
        for (int j = 0; j < ctx.size(); j++) {
          JsonNode group = ctx.get(j);
          String gat = at + ".context[" + j + "]";
          if (!group.isArray() || group.isEmpty()) {
            throw yaml.error(gat, "must be a non-empty list of phrases", group);
          }
          List<String> phrases = new ArrayList<>();
          group.forEach(p -> phrases.add(p.asText()));
          context.add(compileAll(yaml, gat, phrases, terms));
        }
      }
      List<PhrasePattern> except =
          compileAll(
              yaml, at + ".except", yaml.texts(r, "except", at, /* required= */ false), terms);
      java.util.Set<Cue> unless = java.util.EnumSet.noneOf(Cue.class);
      String where = at + ".unless";
      for (String u : yaml.texts(r, "unless", at, /* required= */ false)) {
        Cue cue = null;
        for (Cue c : Cue.SETTING_ASIDE) {
          if (c.key().equals(u)) {
            cue = c;
          }
        }
        if (cue == null) {
          throw yaml.error(where, "may only name preparation or experience", u);
        }
        unless.add(cue);
      }
      rules.add(
          new SafetyRule(
              language + ":" + id,
              kind,
              patterns,
              context,
              except,
              yaml.flag(r, "requiresPerson", at),
              yaml.flag(r, "topic", at),
              language,
              unless));
    }
    return rules;
  }

  private static Optional<RuleKind> kind(String id) {
    Optional<RuleKind> urgent = UrgentKind.fromId(id).map(k -> k);
    return urgent.or(() -> RefusalKind.fromId(id).map(k -> k));
  }

  private static List<String> kindIds() {
    List<String> ids = new ArrayList<>();
    for (UrgentKind k : UrgentKind.values()) {
      ids.add(k.id());
    }
    for (RefusalKind k : RefusalKind.values()) {
      ids.add(k.id());
    }
    return ids;
  }

  private static List<PhrasePattern> compileAll(
      SafetyYaml yaml, String at, List<String> phrases, Map<String, List<String>> terms) {
    List<PhrasePattern> out = new ArrayList<>();
    for (int i = 0; i < phrases.size(); i++) {
      try {
        out.add(PhrasePattern.compile(phrases.get(i), terms));
      } catch (IllegalArgumentException e) {
        throw yaml.error(
            at + "[" + i + "]", "phrase does not compile: " + e.getMessage(), phrases.get(i));
      }
    }
    return out;
  }

  private static SafetyTexts texts(SafetyYaml yaml, JsonNode node) {
    yaml.onlyKeys(node, "texts", Set.of("urgent", "refused", "notes", "footers"));
    JsonNode urgentNode = yaml.map(node, "urgent", "texts");
    Map<UrgentKind, Map<Person, SafetyTexts.Guidance>> urgent = new EnumMap<>(UrgentKind.class);
    for (UrgentKind k : UrgentKind.values()) {
      // Every urgent text comes in two forms: to the writer ("you") and about someone else
      // ("stay with them"), so that "my dad has a fever" is not told "even if you feel fine".
      String at = "texts.urgent." + k.id();
      JsonNode forms = yaml.map(urgentNode, k.id(), "texts.urgent");
      yaml.onlyKeys(forms, at, Set.of(Person.SELF.id(), Person.OTHER.id()));
      Map<Person, SafetyTexts.Guidance> byPerson = new EnumMap<>(Person.class);
      for (Person p : Person.values()) {
        byPerson.put(p, guidance(yaml, forms, p.id(), at, /* stepsRequired= */ true));
      }
      urgent.put(k, byPerson);
    }
    yaml.onlyKeys(
        urgentNode,
        "texts.urgent",
        Set.copyOf(urgent.keySet().stream().map(UrgentKind::id).toList()));
    JsonNode refusedNode = yaml.map(node, "refused", "texts");
    Map<RefusalKind, SafetyTexts.Refusal> refused = new EnumMap<>(RefusalKind.class);
    for (RefusalKind k : RefusalKind.values()) {
      String at = "texts.refused." + k.id();
      JsonNode r = yaml.map(refusedNode, k.id(), "texts.refused");
      yaml.onlyKeys(r, at, Set.of("message", "questions"));
      List<String> questions = yaml.texts(r, "questions", at, /* required= */ true);
      if (questions.size() < 3 || questions.size() > 5) {
        throw yaml.error(
            at + ".questions",
            "must list 3 to 5 questions for the care team",
            questions.size() + " questions");
      }
      refused.put(
          k,
          new SafetyTexts.Refusal(
              placeholders(yaml, at, yaml.text(r, "message", at)),
              questions.stream().map(q -> placeholders(yaml, at, q)).toList()));
    }
    yaml.onlyKeys(
        refusedNode,
        "texts.refused",
        Set.copyOf(refused.keySet().stream().map(RefusalKind::id).toList()));
    JsonNode notes = yaml.map(node, "notes", "texts");
    yaml.onlyKeys(notes, "texts.notes", Set.of("self_harm", "symptom"));
    JsonNode footers = yaml.map(node, "footers", "texts");
    yaml.onlyKeys(footers, "texts.footers", Set.of("urgent", "refused"));
    return new SafetyTexts(
        urgent,
        refused,
        guidance(yaml, notes, "self_harm", "texts.notes", /* stepsRequired= */ false),
        guidance(yaml, notes, "symptom", "texts.notes", /* stepsRequired= */ false),
        placeholders(yaml, "texts.footers", yaml.text(footers, "urgent", "texts.footers")),
        placeholders(yaml, "texts.footers", yaml.text(footers, "refused", "texts.footers")));
  }

  private static SafetyTexts.Guidance guidance(
      SafetyYaml yaml, JsonNode parent, String key, String where, boolean stepsRequired) {
    String at = where + "." + key;
    JsonNode g = yaml.map(parent, key, where);
    yaml.onlyKeys(g, at, Set.of("message", "nextSteps"));
    List<String> steps = yaml.texts(g, "nextSteps", at, stepsRequired);
    return new SafetyTexts.Guidance(
        placeholders(yaml, at, yaml.text(g, "message", at)),
        steps.stream().map(s -> placeholders(yaml, at, s)).toList());
  }

  /** Fails on any placeholder other than {@code {emergency}} (a typo would reach users). */
  private static String placeholders(SafetyYaml yaml, String at, String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (!m.group().equals(SafetyTexts.EMERGENCY)) {
        throw yaml.error(
            at, "the only placeholder texts may use is " + SafetyTexts.EMERGENCY, m.group());
      }
    }
    return text;
  }
}
