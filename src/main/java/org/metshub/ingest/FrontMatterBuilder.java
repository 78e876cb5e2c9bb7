package org.metshub.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metshub.kb.FrontMatter;

/**
 * A mutable front matter under construction, for importers that fill fields one by one; {@link
 * #build} gives the immutable {@link FrontMatter}. Not thread-safe.
 */
final class FrontMatterBuilder {
  String id = "";
  String title = "";
  String url = "";
  String citation = "";
  String source = "";
  String sourceType = "";
  String language = "";
  String audienceLevel = "";
  List<String> cancerTypes = new ArrayList<>();
  List<String> metastaticSites = new ArrayList<>();
  Optional<LocalDate> lastReviewed = Optional.empty();
  String reviewFrequency = "";
  String status = "";
  String license = "";
  String version = "";
  List<String> tags = new ArrayList<>();
  String docType = "";
  String reviewedBy = "";
  Optional<LocalDate> datePublished = Optional.empty();
  List<String> countries = new ArrayList<>();
  String summary = "";
  Map<String, JsonNode> extra = new LinkedHashMap<>();

  FrontMatterBuilder() {}

  /** A builder holding a copy of every field of {@code fm}. */
  static FrontMatterBuilder from(FrontMatter fm) {
    FrontMatterBuilder b = new FrontMatterBuilder();
    b.id = fm.id();
    b.title = fm.title();
    b.url = fm.url();
    b.citation = fm.citation();
    b.source = fm.source();
    b.sourceType = fm.sourceType();
    b.language = fm.language();
    b.audienceLevel = fm.audienceLevel();
    b.cancerTypes = new ArrayList<>(fm.cancerTypes());
    b.metastaticSites = new ArrayList<>(fm.metastaticSites());
    b.lastReviewed = fm.lastReviewed();
    b.reviewFrequency = fm.reviewFrequency();
    b.status = fm.status();
    b.license = fm.license();
    b.version = fm.version();
    b.tags = new ArrayList<>(fm.tags());
    b.docType = fm.docType();
    b.reviewedBy = fm.reviewedBy();
    b.datePublished = fm.datePublished();
    b.countries = new ArrayList<>(fm.countries());
    b.summary = fm.summary();
    b.extra = new LinkedHashMap<>(fm.extra());
    return b;
  }

  FrontMatter build() {
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
        status,
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
