package org.metshub.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The interface language of a request: {@code ?lang=} (remembered in a cookie for a year), else the
 * {@code lang} cookie, else the best match of Accept-Language, else English.
 */
final class Lang {
  static final String COOKIE = "lang";
  private static final String ATTRIBUTE = "metshub.lang";

  private Lang() {}

  /** Reads (and on {@code ?lang=} remembers) the language; called once per request. */
  static String resolve(Context ctx) {
    String chosen = ctx.queryParam("lang");
    String remembered = ctx.cookie(COOKIE);
    String lang;
    if (chosen != null && Ui.LANGUAGES.contains(chosen)) {
      SecurityHeaders.cookie(ctx, COOKIE, chosen, 365 * 24 * 3600);
      lang = chosen;
    } else if (remembered != null && Ui.LANGUAGES.contains(remembered)) {
      lang = remembered;
    } else {
      lang = fromAcceptLanguage(ctx.header("Accept-Language"));
    }
    ctx.attribute(ATTRIBUTE, lang);
    return lang;
  }

  static String of(Context ctx) {
    String lang = ctx.attribute(ATTRIBUTE);
    return lang == null ? resolve(ctx) : lang;
  }

  /**
   * The region of the reader's most preferred language that names one ({@code en-GB} gives {@code
   * GB}; {@code es-419} and {@code es} give nothing), for crisis lines and emergency numbers. A
   * malformed or oversized header gives nothing.
   */
  static java.util.Optional<String> region(Context ctx) {
    return regionOf(ctx.header("Accept-Language"));
  }

  static java.util.Optional<String> regionOf(@Nullable String header) {
    if (header == null || header.isBlank() || header.length() > 200) {
      return java.util.Optional.empty();
    }
    try {
      for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) {
        String[] parts = r.getRange().split("-");
        if (r.getWeight() > 0 && parts.length >= 2 && parts[1].matches("[a-zA-Z]{2}")) {
          return java.util.Optional.of(parts[1].toUpperCase(Locale.ROOT));
        }
      }
    } catch (IllegalArgumentException e) {
      // a malformed header is not the reader's problem
    }
    return java.util.Optional.empty();
  }

  static String fromAcceptLanguage(@Nullable String header) {
    if (header == null || header.isBlank() || header.length() > 200) {
      return "en";
    }
    try {
      List<String> match = Locale.filterTags(Locale.LanguageRange.parse(header), Ui.LANGUAGES);
      return match.isEmpty() ? "en" : match.get(0).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "en"; // a malformed header is not the reader's problem
    }
  }
}
