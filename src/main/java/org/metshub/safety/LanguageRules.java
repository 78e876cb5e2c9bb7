package org.metshub.safety;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one rules file holds for its language: cue phrases, phrases before a country name, the
 * rules in file order, and the texts. Immutable.
 *
 * @param source the file it was read from, for messages
 * @param language {@code en} or {@code es}
 * @param cues compiled cue phrases by kind
 * @param countryCues phrases before a country name, strongest level first ("I live in" before
 *     "from")
 * @param countryAfter words after a country name that place the writer there ("Canada here")
 */
record LanguageRules(
    String source,
    String language,
    Map<Cue, List<PhrasePattern>> cues,
    List<List<String>> countryCues,
    List<String> countryAfter,
    List<SafetyRule> rules,
    SafetyTexts texts) {

  LanguageRules {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(language, "language");
    Map<Cue, List<PhrasePattern>> copy = new EnumMap<>(Cue.class);
    cues.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    cues = Map.copyOf(copy);
    countryCues = countryCues.stream().map(List::copyOf).toList();
    countryAfter = List.copyOf(countryAfter);
    rules = List.copyOf(rules);
    Objects.requireNonNull(texts, "texts");
  }

  List<PhrasePattern> cues(Cue cue) {
    return cues.getOrDefault(cue, List.of());
  }
}
