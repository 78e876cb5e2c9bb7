package org.metshub.kb;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns raw YAML fields into a normalised {@link FrontMatter}, recording a {@link Problem} for each
 * value it cannot take as written. It accepts the variants real KBs use (quoted scalars, dates as
 * strings or timestamps, a scalar or comma list where a list is expected, numbers where text is
 * expected) and maps synonyms to canonical vocabulary ids. Thread-safe.
 */
public final class FrontMatterBinder {
  private static final Pattern LANGUAGE_TAG =
      Pattern.compile("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$");
  private static final Pattern COUNTRY = Pattern.compile("^([A-Z]{2}|INT)$");
  private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9._-]*$");
  private static final Pattern DATE_PREFIX = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})([T ].*)?$");

  private final Vocabularies vocab;

  public FrontMatterBinder(Vocabularies vocab) {
    this.vocab = vocab;
  }

  /** A bound front matter and the problems found while binding it. */
  public record Bound(FrontMatter frontMatter, List<Problem> problems) {
    public Bound {
      problems = List.copyOf(problems);
    }
  }

  /**
   * Binds the fields of one file.
   *
   * @param path the file, for problem reports
   * @param fileStem the file name without extension, the id when the front matter has none
   */
  public Bound bind(String path, String fileStem, RawFrontMatter raw) {
    var ctx = new Context(path, raw);
    String id = ctx.text("id");
    if (id.isEmpty()) {
      id = slug(fileStem);
    } else if (!ID.matcher(id).matches()) {
      ctx.error("id", "must be lower-case letters, digits, '.', '_' or '-'", id);
    }
    String title = ctx.text("title");
    if (title.isBlank()) {
      ctx.error("title", "is required and must not be empty", title);
    }
    String url = ctx.text("url");
    if (!url.isEmpty() && !url.matches("(?i)^https?://[^\\s/$.?#][^\\s]*$")) {
      ctx.error("url", "must be an absolute http(s) URL", url);
    }
    String language = ctx.text("language");
    if (language.isEmpty()) {
      ctx.warning("language", "is missing; assumed 'en'", "");
      language = "en";
    } else if (!LANGUAGE_TAG.matcher(language).matches()) {
      ctx.error("language", "must be a BCP 47 language tag such as 'en' or 'es'", language);
    } else {
      language = language.toLowerCase(Locale.ROOT);
      String primary = language.split("-")[0];
      if (!primary.equals("en") && !primary.equals("es")) {
        ctx.warning(
            "language", "MetsHub serves 'en' and 'es'; other languages are not searched", language);
      }
    }
    String audience = ctx.vocabValue("audienceLevel", vocab.audienceLevels(), false);
    String frequency = ctx.vocabValue("reviewFrequency", vocab.reviewFrequencies(), true);
    String status = ctx.vocabValue("status", vocab.statuses(), true);
    if (status.isEmpty()) {
      status = "draft";
    }
    String license = ctx.vocabValue("license", vocab.licenses(), true);
    if (license.isEmpty()) {
      license = "link_only";
    }
    String docType =
        ctx.raw.field("docType").isPresent()
            ? ctx.vocabValue("docType", vocab.docTypes(), true)
            : "article";
    String sourceType = ctx.vocabValue("sourceType", vocab.sourceTypes(), false);

    List<String> cancerTypes = ctx.vocabList("cancerTypes", vocab.cancerTypes());
    List<String> sites = ctx.vocabList("metastaticSites", vocab.metastaticSites());
    List<String> countries = new ArrayList<>();
    for (String c : ctx.list("countries")) {
      String upper = c.toUpperCase(Locale.ROOT);
      if (!COUNTRY.matcher(upper).matches()) {
        ctx.error("countries", "must be ISO 3166-1 alpha-2 codes (or INT for worldwide)", c);
      }
      countries.add(upper);
    }
    Optional<LocalDate> lastReviewed = ctx.date("lastReviewed");
    Optional<LocalDate> published = ctx.date("datePublished");

    Map<String, JsonNode> extra = new LinkedHashMap<>();
    raw.fields()
        .forEach(
            (k, v) -> {
              if (!FrontMatter.KNOWN_FIELDS.contains(k)) {
                extra.put(k, v);
              }
            });
    var fm =
        new FrontMatter(
            id,
            title,
            url,
            ctx.text("citation"),
            ctx.text("source"),
            sourceType,
            language,
            audience,
            cancerTypes,
            sites,
            lastReviewed,
            frequency,
            status,
            license,
            ctx.text("version"),
            ctx.list("tags"),
            docType,
            ctx.text("reviewedBy"),
            published,
            countries,
            ctx.text("summary"),
            extra);
    return new Bound(fm, ctx.problems);
  }

  /** The id a file gets when its front matter has none: its name, lower-cased and hyphenated. */
  public static String slug(String stem) {
    String s =
        java.text.Normalizer.normalize(stem, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9._-]+", "-")
            .replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "document" : s;
  }

  private static final class Context {
    final String path;
    final RawFrontMatter raw;
    final List<Problem> problems = new ArrayList<>();

    Context(String path, RawFrontMatter raw) {
      this.path = path;
      this.raw = raw;
    }

    void error(String field, String rule, String value) {
      problems.add(Problem.error(path, raw.line(field), field, rule, value));
    }

    void warning(String field, String rule, String value) {
      problems.add(Problem.warning(path, raw.line(field), field, rule, value));
    }

    /** A scalar field as text; numbers and booleans are taken as their text. */
    String text(String field) {
      Optional<JsonNode> n = raw.field(field);
      if (n.isEmpty() || n.get().isNull()) {
        return "";
      }
      JsonNode v = n.get();
      if (v.isValueNode()) {
        return v.asText().strip();
      }
      if (v.isArray() && v.size() == 1 && v.get(0).isValueNode()) {
        return v.get(0).asText().strip();
      }
      error(field, "must be a single value, not a list or mapping", v.toString());
      return "";
    }

    /** A list field; a scalar is a one-element list, and a comma-separated scalar is split. */
    List<String> list(String field) {
      Optional<JsonNode> n = raw.field(field);
      if (n.isEmpty() || n.get().isNull()) {
        return List.of();
      }
      JsonNode v = n.get();
      List<String> out = new ArrayList<>();
      if (v.isValueNode()) {
        for (String part : v.asText().split(",")) {
          if (!part.isBlank()) {
            out.add(part.strip());
          }
        }
      } else if (v.isArray()) {
        for (JsonNode item : v) {
          if (item.isValueNode() && !item.isNull()) {
            if (!item.asText().isBlank()) {
              out.add(item.asText().strip());
            }
          } else if (!item.isNull()) {
            error(field, "list items must be single values", item.toString());
          }
        }
      } else {
        error(field, "must be a list of values", v.toString());
      }
      return out;
    }

    String vocabValue(String field, Vocabulary vocabulary, boolean required) {
      String value = text(field);
      if (value.isEmpty()) {
        if (raw.field(field).isEmpty() || raw.field(field).get().isNull()) {
          String rule = "is missing";
          if (required) {
            warning(field, rule + "; one of " + vocabulary.ids() + " is expected", "");
          } else {
            warning(field, rule, "");
          }
        }
        return "";
      }
      Optional<Term> term = vocabulary.resolve(value);
      if (term.isPresent()) {
        return term.get().id();
      }
      String rule =
          "must be one of the "
              + vocabulary.name()
              + " vocabulary (closest: '"
              + vocabulary.closest(value)
              + "')";
      if (required) {
        error(field, rule, value);
      } else {
        warning(field, rule, value);
      }
      return value;
    }

    List<String> vocabList(String field, Vocabulary vocabulary) {
      LinkedHashSet<String> out = new LinkedHashSet<>();
      for (String value : list(field)) {
        out.add(vocabulary.resolve(value).map(Term::id).orElse(value));
      }
      return List.copyOf(out);
    }

    Optional<LocalDate> date(String field) {
      String value = text(field);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      var m = DATE_PREFIX.matcher(value);
      if (m.matches()) {
        try {
          return Optional.of(LocalDate.parse(m.group(1)));
        } catch (DateTimeParseException e) {
          // falls through to the error below
        }
      }
      error(field, "must be a date (YYYY-MM-DD)", value);
      return Optional.empty();
    }
  }
}
