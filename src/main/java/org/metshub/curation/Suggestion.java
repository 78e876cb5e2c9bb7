package org.metshub.curation;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.metshub.kb.Term;
import org.metshub.kb.Vocabulary;
import org.metshub.store.Columns;

/**
 * A checked "suggest a resource" form. {@link #read} cleans every field (Unicode NFC, control
 * characters removed, spaces collapsed), checks it (required, length, URL shape, values from the
 * vocabularies) and rejects markup: the fields are plain text, and a message says so when one holds
 * an HTML tag. SQL metacharacters need no special care: every query binds its values, and every
 * page escapes them. Immutable.
 */
public record Suggestion(
    String name,
    String url,
    String description,
    List<String> cancerTypes,
    List<String> countries,
    String contact) {

  public static final int NAME_MIN = 2;
  public static final int NAME_MAX = 150;
  public static final int URL_MAX = 500;
  public static final int DESCRIPTION_MIN = 20;
  public static final int DESCRIPTION_MAX = 2000;
  public static final int CONTACT_MAX = 200;
  public static final int MAX_CHOICES = 10;

  private static final Pattern TAG = Pattern.compile("<(/\\s*)?[A-Za-z!?]");
  private static final Set<String> COUNTRIES = isoCountries();

  /**
   * What is wrong with a field: a code the page turns into a sentence in the reader's language
   * ({@code suggest.err.CODE} in the interface strings) and its arguments.
   */
  public record FieldError(String code, List<Object> args) {
    static FieldError of(String code, Object... args) {
      return new FieldError(code, List.of(args));
    }
  }

  /** Either a suggestion or, per field, what is wrong with it (in form order). */
  public record Result(@Nullable Suggestion suggestion, Map<String, FieldError> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /** The country codes a suggestion may name: ISO 3166 alpha-2, and INT for international. */
  public static Set<String> countryCodes() {
    return COUNTRIES;
  }

  /**
   * Reads a submitted form: {@code fields} maps each field name to its values (several for the
   * multi-selects {@code cancerTypes} and {@code countries}).
   */
  public static Result read(Map<String, List<String>> fields, Vocabulary cancerTypes) {
    Map<String, FieldError> errors = new LinkedHashMap<>();
    String name = line(one(fields, "name"));
    String url = line(one(fields, "url"));
    String description = paragraph(one(fields, "description"));
    String contact = line(one(fields, "contact"));

    text(errors, "name", name, NAME_MIN, NAME_MAX);
    if (url.isEmpty()) {
      errors.put("url", FieldError.of("url.required"));
    } else if (url.length() > URL_MAX) {
      errors.put("url", FieldError.of("tooLong", URL_MAX, url.length()));
    } else {
      String problem = urlProblem(url);
      if (problem != null) {
        errors.put("url", FieldError.of(problem));
      }
    }
    text(errors, "description", description, DESCRIPTION_MIN, DESCRIPTION_MAX);
    if (contact.length() > CONTACT_MAX) {
      errors.put("contact", FieldError.of("tooLong", CONTACT_MAX, contact.length()));
    } else if (TAG.matcher(contact).find()) {
      errors.put("contact", FieldError.of("markup"));
    }

    List<String> types = new ArrayList<>();
    List<String> rawTypes = fields.getOrDefault("cancerTypes", List.of());
    if (rawTypes.isEmpty() || rawTypes.stream().allMatch(String::isBlank)) {
      errors.put("cancerTypes", FieldError.of("cancerTypes.required"));
    } else if (rawTypes.size() > MAX_CHOICES) {
      errors.put("cancerTypes", FieldError.of("tooMany", MAX_CHOICES));
    } else {
      for (String t : rawTypes) {
        var term = cancerTypes.resolve(line(t));
        if (term.isEmpty()) {
          errors.put("cancerTypes", FieldError.of("unknown", Columns.clip(line(t), 40)));
          break;
        }
        types.add(term.map(Term::id).orElseThrow());
      }
    }
    List<String> cs = new ArrayList<>();
    List<String> rawCountries = fields.getOrDefault("countries", List.of());
    if (rawCountries.isEmpty() || rawCountries.stream().allMatch(String::isBlank)) {
      errors.put("countries", FieldError.of("countries.required"));
    } else if (rawCountries.size() > MAX_CHOICES) {
      errors.put("countries", FieldError.of("tooMany", MAX_CHOICES));
    } else {
      for (String c : rawCountries) {
        String code = line(c).toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
          errors.put("countries", FieldError.of("unknown", Columns.clip(line(c), 40)));
          break;
        }
        cs.add(code);
      }
    }
    if (!errors.isEmpty()) {
      return new Result(null, errors);
    }
    return new Result(
        new Suggestion(
            name,
            url,
            description,
            List.copyOf(new LinkedHashSet<>(types)),
            List.copyOf(new LinkedHashSet<>(cs)),
            contact),
        Map.of());
  }

  private static void text(
      Map<String, FieldError> errors, String field, String value, int min, int max) {
    int n = value.codePointCount(0, value.length());
    if (n == 0) {
      errors.put(field, FieldError.of(field + ".required"));
    } else if (n < min) {
      errors.put(field, FieldError.of("tooShort", min, n));
    } else if (n > max) {
      errors.put(field, FieldError.of("tooLong", max, n));
    } else if (TAG.matcher(value).find()) {
      errors.put(field, FieldError.of("markup"));
    }
  }

  /** The code of what makes {@code url} unusable as a resource's address, or null. */
  static @Nullable String urlProblem(String url) {
    if (url.chars().anyMatch(Character::isWhitespace)) {
      return "url.spaces";
    }
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      return "url.unreadable";
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return "url.scheme";
    }
    if (u.getHost() == null || !u.getHost().contains(".") || u.getHost().startsWith(".")) {
      return "url.host";
    }
    if (u.getRawUserInfo() != null) {
      return "url.userinfo";
    }
    return null;
  }

  private static String one(Map<String, List<String>> fields, String name) {
    List<String> v = fields.get(name);
    return v == null || v.isEmpty() ? "" : v.get(0);
  }

  /** One line: NFC, control characters dropped, runs of spaces collapsed, trimmed. */
  static String line(@Nullable String s) {
    if (s == null) {
      return "";
    }
    String n = Normalizer.normalize(s, Normalizer.Form.NFC);
    return n.replaceAll("[\\p{Cc}\\p{Cf}&&[^\\u200d]]", " ").replaceAll("\\s+", " ").strip();
  }

  /** A paragraph: like {@link #line}, but line breaks kept (at most one blank line). */
  static String paragraph(@Nullable String s) {
    if (s == null) {
      return "";
    }
    String n =
        Normalizer.normalize(s, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
    n = n.replaceAll("[\\p{Cc}\\p{Cf}&&[^\\n\\u200d]]", " ");
    n =
        n.replaceAll("[ \\t\\x0B\\f]+", " ")
            .replaceAll(" *\\n *", "\n")
            .replaceAll("\\n{3,}", "\n\n");
    return n.strip();
  }

  private static Set<String> isoCountries() {
    Set<String> s = new java.util.TreeSet<>(Set.of(Locale.getISOCountries()));
    s.add("INT");
    return java.util.Collections.unmodifiableSet(s);
  }
}
