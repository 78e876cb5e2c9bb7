package org.metshub.directory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.metshub.kb.FrontMatter;
import org.metshub.kb.KbDocument;
import org.metshub.kb.KbFile;

/**
 * The directory of support organisations: every active {@code organization} document of the KB,
 * with filters by country, cancer type, service and language. Immutable and thread-safe.
 */
public final class Directory {
  /**
   * The order of every list a reader sees: organisations that serve patients directly before
   * professional and research societies (issue 15: AACR came first for patient filters), then by
   * name.
   */
  public static final Comparator<Organization> PATIENT_SUPPORT_FIRST =
      Comparator.comparing((Organization o) -> !o.supportsPatients())
          .thenComparing(o -> o.name().toLowerCase(Locale.ROOT));

  private final List<Organization> organizations;

  public Directory(List<Organization> organizations) {
    this.organizations = organizations.stream().sorted(PATIENT_SUPPORT_FIRST).toList();
  }

  /** The directory of the active organisation documents among {@code files}. */
  public static Directory of(List<KbFile> files) {
    List<Organization> out = new ArrayList<>();
    for (KbFile f : files) {
      if (f instanceof KbDocument d
          && !d.hasErrors()
          && "organization".equals(d.frontMatter().docType())
          && d.frontMatter().isPublic()) {
        out.add(from(d.frontMatter()));
      }
    }
    return new Directory(out);
  }

  static Organization from(FrontMatter fm) {
    return new Organization(
        fm.id(),
        fm.title(),
        fm.url(),
        fm.summary(),
        fm.countries(),
        fm.cancerTypes(),
        texts(fm.extra("services")),
        texts(fm.extra("languages")),
        fm.extra("phone").map(JsonNode::asText).orElse(""),
        fm.language(),
        fm.extra("summaryEs").map(JsonNode::asText).orElse("").strip(),
        fm.audienceLevel());
  }

  private static List<String> texts(Optional<JsonNode> n) {
    List<String> out = new ArrayList<>();
    n.ifPresent(
        v -> {
          if (v.isArray()) {
            v.forEach(x -> out.add(x.asText().strip()));
          } else if (!v.isNull()) {
            for (String s : v.asText().split(",")) {
              if (!s.isBlank()) {
                out.add(s.strip());
              }
            }
          }
        });
    return out;
  }

  public List<Organization> all() {
    return organizations;
  }

  /** Every country code the directory names (ISO 3166 alpha-2, and INT), sorted. */
  public java.util.SortedSet<String> countries() {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    organizations.forEach(o -> out.addAll(o.countries()));
    return java.util.Collections.unmodifiableSortedSet(out);
  }

  /** Every language code the directory's organisations speak, sorted. */
  public java.util.SortedSet<String> languages() {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    organizations.forEach(o -> out.addAll(o.languages()));
    return java.util.Collections.unmodifiableSortedSet(out);
  }

  /**
   * Organisations matching every given filter (an empty filter matches all), patient support first.
   * A cancer-type filter also matches organisations that serve all cancers ({@code general}).
   */
  public List<Organization> filter(
      Optional<String> country,
      Optional<String> cancerType,
      Optional<String> service,
      Optional<String> language) {
    return organizations.stream()
        .filter(o -> country.map(o::serves).orElse(true))
        .filter(
            o ->
                cancerType
                    .map(c -> o.cancerTypes().contains(c) || o.cancerTypes().contains("general"))
                    .orElse(true))
        .filter(o -> service.map(o::offers).orElse(true))
        .filter(o -> language.map(l -> o.languages().contains(l)).orElse(true))
        .toList();
  }

  /**
   * Organisations that support patients in a country (not worldwide ones, not research societies),
   * those speaking the reader's language first, then those for every cancer, then by name.
   */
  public List<Organization> supportIn(String country, String language, int max) {
    return organizations.stream()
        .filter(o -> o.countries().contains(country) && o.supportsPatients())
        .sorted(forReader(language))
        .limit(max)
        .toList();
  }

  /** Helplines for a reader: in their country (or worldwide), speaking their language first. */
  public List<Organization> helplines(Optional<String> country, String language, int max) {
    return organizations.stream()
        .filter(o -> o.offers("helpline") && !o.phone().isBlank())
        .filter(o -> country.map(o::serves).orElse(o.serves("US")))
        .sorted(forReader(language))
        .limit(max)
        .toList();
  }

  /** Those speaking the reader's language first, then those for every cancer, then by name. */
  private static Comparator<Organization> forReader(String language) {
    return Comparator.comparing((Organization o) -> !o.languages().contains(language))
        .thenComparing(o -> !o.cancerTypes().contains("general"))
        .thenComparing(o -> o.name().toLowerCase(Locale.ROOT));
  }
}
