package org.metshub.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.metshub.kb.ReviewState;
import org.metshub.kb.Term;
import org.metshub.kb.Vocabularies;
import org.metshub.kb.Vocabulary;
import org.metshub.search.Fields;

/**
 * The interface strings of one language ({@code en} or {@code es}), read from {@code
 * /web/ui_LANG.properties} (UTF-8), plus display labels of vocabulary values and dates. A missing
 * key is a start-up error, checked by a test for both languages. Immutable.
 */
public final class Ui {
  public static final List<String> LANGUAGES = List.of("en", "es");

  private final String lang;
  private final Properties strings;
  private final Vocabularies vocab;
  private final DateTimeFormatter dates;

  private Ui(String lang, Properties strings, Vocabularies vocab) {
    this.lang = lang;
    this.strings = strings;
    this.vocab = vocab;
    this.dates =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(lang));
  }

  /** The bundled strings of every interface language. */
  public static Map<String, Ui> bundled(Vocabularies vocab) {
    return Map.of("en", new Ui("en", read("en"), vocab), "es", new Ui("es", read("es"), vocab));
  }

  static Properties read(String lang) {
    String name = "/web/ui_" + lang + ".properties";
    try (InputStream in = Ui.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the class path");
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  public String lang() {
    return lang;
  }

  /** The other interface language, for the language switch. */
  public String otherLang() {
    return "es".equals(lang) ? "en" : "es";
  }

  /** True when there is a string for {@code key}. */
  public boolean has(String key) {
    return strings.getProperty(key) != null;
  }

  /** The string for a key; fails loudly when a key is missing, so tests catch it. */
  public String t(String key) {
    String s = strings.getProperty(key);
    if (s == null) {
      throw new IllegalStateException("ui_" + lang + ".properties has no key '" + key + "'");
    }
    return s;
  }

  /** The string for a key with {@code {0}}, {@code {1}}… replaced by the arguments. */
  public String t(String key, @Nullable Object... args) {
    String s = t(key);
    for (int i = 0; i < args.length; i++) {
      s = s.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return s;
  }

  public String date(LocalDate d) {
    return d.format(dates);
  }

  public String date(Optional<LocalDate> d) {
    return d.map(this::date).orElse(t("date.never"));
  }

  /** The display label of a facet value: vocabulary labels, or interface strings. */
  public String facetValue(String dimension, String value) {
    Optional<Vocabulary> v =
        switch (dimension) {
          case Fields.CANCER_TYPE -> Optional.of(vocab.cancerTypes());
          case Fields.SITE -> Optional.of(vocab.metastaticSites());
          case Fields.AUDIENCE -> Optional.of(vocab.audienceLevels());
          case Fields.DOC_TYPE -> Optional.of(vocab.docTypes());
          case Fields.SOURCE_TIER -> Optional.of(vocab.sourceTypes());
          default -> Optional.empty();
        };
    if (v.isPresent()) {
      return v.get().byId(value).map(term -> term.label(lang)).orElse(value);
    }
    String key = "facet." + dimension + "." + value;
    return strings.getProperty(key, value);
  }

  public String cancerType(String id) {
    return vocab.cancerTypes().byId(id).map(term -> term.label(lang)).orElse(id);
  }

  public String site(String id) {
    return vocab.metastaticSites().byId(id).map(term -> term.label(lang)).orElse(id);
  }

  public String service(String id) {
    return vocab.services().byId(id).map(term -> term.label(lang)).orElse(id);
  }

  public String license(String id) {
    return vocab.licenses().byId(id).map(term -> term.label(lang)).orElse(id);
  }

  public String audience(String id) {
    return vocab
        .audienceLevels()
        .byId(id)
        .map(Term::label)
        .map(x -> facetValue(Fields.AUDIENCE, id))
        .orElse(id);
  }

  public String reviewState(String state) {
    return strings.getProperty("review." + state, state);
  }

  public String reviewState(ReviewState state) {
    return reviewState(state.label());
  }

  /** A language's name in this language ("Spanish", "Francés"). */
  public String languageName(String code) {
    return strings.getProperty(
        "language." + code, org.metshub.directory.DisplayNames.language(code, lang));
  }

  /** A language's name as a label standing alone ("French", "Francés"). */
  public String languageLabel(String code) {
    return org.metshub.directory.DisplayNames.language(code, lang);
  }

  /** A country's name in this language ("United Kingdom", "Reino Unido"; INT is worldwide). */
  public String country(String code) {
    return code.equals("INT")
        ? t("directory.int")
        : org.metshub.directory.DisplayNames.country(code, lang);
  }

  /**
   * A label used inside a sentence: its first letter in lower case ("about breast cancer", "spread
   * to the bone"), unless it starts with an abbreviation such as "HER2" or "CNS".
   */
  public String midSentence(String label) {
    if (label.length() > 1 && Character.isUpperCase(label.charAt(1))) {
      return label;
    }
    return label.isEmpty()
        ? label
        : label.substring(0, 1).toLowerCase(Locale.forLanguageTag(lang)) + label.substring(1);
  }
}
