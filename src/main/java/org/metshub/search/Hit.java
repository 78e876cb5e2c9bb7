package org.metshub.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One ranked passage with everything a snippet and a citation need. {@code snippet} is plain text
 * with the spans that matched (see {@link Snippet}); it is the start of the passage, without
 * highlights, when the request asked for no snippets or nothing matched in the text. {@code score}
 * is the fused ranking score (comparable only within one result list); {@code similarity} is the
 * cosine between query and passage vectors (comparable across queries, used by the answer
 * evidence gate), or NaN when the passage was not among the vector candidates. Immutable.
 */
public record Hit(
    String passageId,
    String docId,
    String title,
    String heading,
    Snippet snippet,
    String text,
    String url,
    String source,
    Optional<LocalDate> lastReviewed,
    Optional<LocalDate> nextReviewDue,
    String reviewState,
    String license,
    boolean quotable,
    String status,
    String language,
    String docType,
    String audience,
    String sourceTier,
    List<String> cancerTypes,
    List<String> sites,
    double score,
    double similarity) {

  public Hit {
    cancerTypes = List.copyOf(cancerTypes);
    sites = List.copyOf(sites);
  }
}
