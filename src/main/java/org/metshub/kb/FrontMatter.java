package org.metshub.kb;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The front matter of a KB document, normalised: vocabulary values are canonical ids, lists are
 * lists even where the file gave a scalar, dates are dates. Text fields that the file leaves out
 * are empty strings; dates that it leaves out are empty optionals. Fields MetsHub does not know are
 * kept in {@link #extra} in file order and written back unchanged. Immutable.
 */
public record FrontMatter(
    String id,
    String title,
    String url,
    String citation,
    String source,
    String sourceType,
    String language,
    String audienceLevel,
    List<String> cancerTypes,
    List<String> metastaticSites,
    Optional<LocalDate> lastReviewed,
    String reviewFrequency,
    String status,
    String license,
    String version,
    List<String> tags,
    String docType,
    String reviewedBy,
    Optional<LocalDate> datePublished,
    List<String> countries,
    String summary,
    Map<String, JsonNode> extra) {

  /** The fields MetsHub knows, in the order it writes them. */
  public static final List<String> KNOWN_FIELDS =
      List.of(
          "id",
          "title",
          "docType",
          "url",
          "citation",
          "source",
          "sourceType",
          "language",
          "audienceLevel",
          "cancerTypes",
          "metastaticSites",
          "summary",
          "lastReviewed",
          "reviewFrequency",
          "reviewedBy",
          "datePublished",
          "status",
          "license",
          "version",
          "countries",
          "tags");

  public FrontMatter {
    for (Object o :
        List.of(
            id,
            title,
            url,
            citation,
            source,
            sourceType,
            language,
            audienceLevel,
            reviewFrequency,
            status,
            license,
            version,
            docType,
            reviewedBy,
            summary)) {
      Objects.requireNonNull(o, "front matter text fields are never null");
    }
    cancerTypes = List.copyOf(cancerTypes);
    metastaticSites = List.copyOf(metastaticSites);
    tags = List.copyOf(tags);
    countries = List.copyOf(countries);
    Objects.requireNonNull(lastReviewed, "lastReviewed");
    Objects.requireNonNull(datePublished, "datePublished");
    extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  /** An unknown field's value, if the file has it. */
  public Optional<JsonNode> extra(String name) {
    return Optional.ofNullable(extra.get(name));
  }

  /** Whether only curators may see this document ({@code status} other than active). */
  public boolean isPublic() {
    return "active".equals(status);
  }

  /** A copy with another review date, reviewer and version (for "mark reviewed"). */
  public FrontMatter withReview(LocalDate reviewed, String by, String newVersion) {
    return new FrontMatter(
        id,
        title,
        url,
        citation,
        source,
        sourceType,
        language,
        audienceLevel,
        cancerTypes,
        metastaticSites,
        Optional.of(reviewed),
        reviewFrequency,
        status,
        license,
        newVersion,
        tags,
        docType,
        by,
        datePublished,
        countries,
        summary,
        extra);
  }

  /** A copy with another status. */
  public FrontMatter withStatus(String newStatus) {
    return new FrontMatter(
        id,
        title,
        url,
        citation,
        source,
        sourceType,
        language,
        audienceLevel,
        cancerTypes,
        metastaticSites,
        lastReviewed,
        reviewFrequency,
        newStatus,
        license,
        version,
        tags,
        docType,
        reviewedBy,
        datePublished,
        countries,
        summary,
        extra);
  }
}
