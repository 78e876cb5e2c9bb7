package org.metshub.directory;

import java.util.Locale;

/**
 * Country and language names in the reader's language, from the JDK's locale data (CLDR), so that
 * readers see "United Kingdom" or "Reino Unido" rather than "GB", and "French" or "francés" rather
 * than "fr". {@code INT} (an organisation that serves every country) is "Worldwide". Stateless and
 * thread-safe.
 */
public final class DisplayNames {
  private DisplayNames() {}

  /** The name of an ISO 3166 country code (or INT) in {@code lang}; the code when unknown. */
  public static String country(String code, String lang) {
    if (code.equals("INT")) {
      return lang.equals("es") ? "Todo el mundo" : "Worldwide";
    }
    String name = Locale.of("", code).getDisplayCountry(Locale.forLanguageTag(lang));
    return name.isBlank() ? code : name;
  }

  /**
   * The name of an ISO 639 language code in {@code lang}, capitalised as a label ("Francés"):
   * Spanish writes language names in lower case inside a sentence, but these stand alone.
   */
  public static String language(String code, String lang) {
    Locale in = Locale.forLanguageTag(lang);
    String name = Locale.of(code).getDisplayLanguage(in);
    if (name.isBlank() || name.equals(code)) {
      return code;
    }
    return name.substring(0, 1).toUpperCase(in) + name.substring(1);
  }
}
