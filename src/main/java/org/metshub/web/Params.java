package org.metshub.web;

import io.javalin.http.Context;
import java.util.Optional;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.search.SearchRequest;

/** Reading query parameters with the limits of the site; bad values are 400s that say why. */
final class Params {
  private Params() {}

  /** The stripped text of a parameter, empty when absent; longer than 500 characters is a 400. */
  static String text(Context ctx, String name) {
    String v = ctx.queryParam(name);
    v = v == null ? "" : v.strip();
    if (v.length() > SearchRequest.MAX_QUERY_CHARS) {
      throw new BadInput(
          name
              + " must be at most "
              + SearchRequest.MAX_QUERY_CHARS
              + " characters, got "
              + v.length());
    }
    return v;
  }

  static Optional<String> optional(Context ctx, String name) {
    String v = text(ctx, name);
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  /** A whole number between min and max, or the default when absent. */
  static int integer(Context ctx, String name, int dflt, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < min || n > max) {
        throw new BadInput(name + " must be between " + min + " and " + max + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadInput(name + " must be a whole number, got '" + Text.clip(v, 40) + "'");
    }
  }

  /** An ISO country code (two letters, or INT), upper-cased. */
  static Optional<String> country(Context ctx, String name) {
    return optional(ctx, name)
        .map(
            c -> {
              String up = c.toUpperCase(java.util.Locale.ROOT);
              if (!up.matches("[A-Z]{2}|INT")) {
                throw new BadInput(
                    name
                        + " must be a two-letter country code such as US, "
                        + "got '"
                        + Text.clip(c, 40)
                        + "'");
              }
              return up;
            });
  }

  /**
   * Refuses query parameters an endpoint does not take, with a 400 that names them and lists the
   * valid ones: a misspelt or wrong-endpoint parameter ({@code ?lang=} where the filter is {@code
   * language}) would otherwise be ignored and give silently wrong results. For the JSON API only:
   * the reader pages stay lenient, since links arrive with tracking parameters.
   */
  static void only(Context ctx, java.util.Collection<String> valid) {
    java.util.List<String> unknown =
        ctx.queryParamMap().keySet().stream().filter(k -> !valid.contains(k)).sorted().toList();
    if (!unknown.isEmpty()) {
      throw new BadInput(
          (unknown.size() == 1
                  ? "unknown parameter '" + Text.clip(unknown.getFirst(), 40) + "'"
                  : "unknown parameters "
                      + unknown.stream().map(u -> "'" + Text.clip(u, 40) + "'").toList())
              + "; this endpoint takes "
              + new java.util.TreeSet<>(valid));
    }
  }

  /**
   * One value given under its name or a deprecated alias ({@code language} or {@code lang}); a 400
   * when both are given and disagree.
   */
  static Optional<String> aliased(Context ctx, String name, String alias) {
    Optional<String> a = optional(ctx, name);
    Optional<String> b = optional(ctx, alias);
    if (a.isPresent() && b.isPresent() && !a.get().equalsIgnoreCase(b.get())) {
      throw new BadInput(
          name
              + " and "
              + alias
              + " (its deprecated alias) disagree: '"
              + Text.clip(a.get(), 40)
              + "' and '"
              + Text.clip(b.get(), 40)
              + "'");
    }
    return a.or(() -> b);
  }
}
