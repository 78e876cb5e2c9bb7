package org.metshub.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Content-Type value read strictly (RFC 9110 section 8.3.1): {@code type/subtype} in tokens, then
 * {@code ; name=value} parameters whose values are tokens or quoted strings. Type, subtype and
 * parameter names are case-insensitive and kept in lower case.
 */
record MediaType(String essence, Map<String, String> parameters) {
  private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
  private static final Pattern ESSENCE = Pattern.compile("(" + TOKEN + ")/(" + TOKEN + ")");
  private static final Pattern PARAMETER =
      Pattern.compile("\\s*;\\s*(" + TOKEN + ")=(" + TOKEN + "|\"(?:[^\"\\\\]|\\\\.)*\")");

  MediaType {
    parameters = Map.copyOf(parameters);
  }

  /** The media type of a header value, or empty when it is not well formed. */
  static Optional<MediaType> parse(@Nullable String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.strip();
    Matcher m = ESSENCE.matcher(v);
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    String essence = m.group(0).toLowerCase(Locale.ROOT);
    Map<String, String> params = new LinkedHashMap<>();
    Matcher p = PARAMETER.matcher(v);
    int at = m.end();
    while (at < v.length()) {
      p.region(at, v.length());
      if (!p.lookingAt()) {
        // a lone trailing ';' is common and harmless; anything else is malformed
        return v.substring(at).strip().equals(";")
            ? Optional.of(new MediaType(essence, params))
            : Optional.empty();
      }
      String raw = p.group(2);
      String val =
          raw.startsWith("\"")
              ? raw.substring(1, raw.length() - 1).replaceAll("\\\\(.)", "$1")
              : raw;
      if (params.putIfAbsent(p.group(1).toLowerCase(Locale.ROOT), val) != null) {
        return Optional.empty(); // the same parameter twice: ambiguous
      }
      at = p.end();
    }
    return Optional.of(new MediaType(essence, params));
  }

  Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name));
  }
}
