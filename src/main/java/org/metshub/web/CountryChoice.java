package org.metshub.web;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.metshub.curation.Suggestion;
import org.metshub.directory.DisplayNames;

/**
 * The countries typed into the suggest form's free field ("Ireland, Nueva Zelanda, PT"): each
 * entry, separated by commas or semicolons, is a country's name in English or Spanish (accents and
 * case ignored) or its ISO code. Entries that name no country are kept to be reported. Immutable.
 */
record CountryChoice(List<String> codes, List<String> unknown) {
  private static final Map<String, String> BY_NAME = names();

  CountryChoice {
    codes = List.copyOf(codes);
    unknown = List.copyOf(unknown);
  }

  static CountryChoice read(String text) {
    List<String> codes = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String part : text.split("[,;]")) {
      String entry = part.strip();
      if (entry.isEmpty()) {
        continue;
      }
      String code = BY_NAME.get(fold(entry));
      if (code == null) {
        unknown.add(Text.clip(entry, 40));
      } else if (!codes.contains(code)) {
        codes.add(code);
      }
    }
    return new CountryChoice(codes, unknown);
  }

  private static Map<String, String> names() {
    Map<String, String> m = new HashMap<>();
    for (String code : Suggestion.countryCodes()) {
      m.put(fold(code), code);
      for (String lang : List.of("en", "es")) {
        m.put(fold(DisplayNames.country(code, lang)), code);
      }
    }
    return Map.copyOf(m);
  }

  private static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", " ")
        .strip();
  }
}
