package org.metshub.api;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.metshub.search.Hit;
import org.metshub.search.Snippet;

/**
 * One search result as the API's {@code /api/v1/search} and {@code search --json} both give it (the
 * {@code Hit} schema of the OpenAPI description). {@code snippet} is plain text and {@code
 * highlights} the spans of it that matched the query, as UTF-16 offsets ({@code start} inclusive,
 * {@code end} exclusive: JavaScript's {@code snippet.slice(start, end)}); the reader escapes and
 * marks them as its medium needs. {@code page} is the document's page on the site; dates are ISO
 * dates or null. Serialised by {@link org.metshub.json.Json}, fields in this order.
 */
public record HitJson(
    String docId,
    String passageId,
    String title,
    String heading,
    String snippet,
    List<Snippet.Highlight> highlights,
    String page,
    String url,
    String source,
    @Nullable LocalDate lastReviewed,
    @Nullable LocalDate nextReviewDue,
    String reviewState,
    String license,
    boolean quotable,
    String status,
    String language,
    String docType,
    String audience,
    List<String> cancerTypes,
    List<String> sites,
    double score) {

  public HitJson {
    highlights = List.copyOf(highlights);
    cancerTypes = List.copyOf(cancerTypes);
    sites = List.copyOf(sites);
  }

  public static HitJson of(Hit h) {
    Hit.Meta m = h.meta();
    return new HitJson(
        h.docId(),
        h.passageId(),
        h.title(),
        h.heading(),
        h.snippet().text(),
        h.snippet().highlights(),
        Pages.doc(h.docId()),
        m.url(),
        m.source(),
        m.lastReviewed().orElse(null),
        m.nextReviewDue().orElse(null),
        m.reviewState().label(),
        m.license(),
        m.quotable(),
        m.status(),
        m.language(),
        m.docType(),
        m.audience(),
        m.cancerTypes(),
        m.sites(),
        h.score());
  }
}
