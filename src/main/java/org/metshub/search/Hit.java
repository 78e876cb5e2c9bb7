package org.metshub.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.metshub.kb.ReviewState;

/**
 * One ranked passage with everything a snippet and a citation need: the passage itself here, its
 * document's metadata in {@link Meta}. {@code snippet} is plain text with the spans that matched
 * (see {@link Snippet}); it is the start of the passage, without highlights, when the request asked
 * for no snippets or nothing matched in the text. {@code score} is the fused ranking score
 * (comparable only within one result list); {@code similarity} is the cosine between query and
 * passage vectors (comparable across queries, used by the answer evidence gate), or NaN when the
 * passage was not among the vector candidates. Immutable.
 */
public record Hit(
    String passageId,
    String docId,
    String title,
    String heading,
    Snippet snippet,
    String text,
    Meta meta,
    double score,
    double similarity) {

  /**
   * What a passage's document says about itself, as filters, facets and citations use it.
   * Vocabulary values ({@code status}, {@code language}, {@code docType}, {@code audience}, {@code
   * sourceTier}, cancer types and sites) are canonical vocabulary ids: the vocabularies are data
   * files, open to new values without a code change. {@code reviewState} is the state on the day of
   * the search. Immutable.
   */
  public record Meta(
      String url,
      String source,
      Optional<LocalDate> lastReviewed,
      Optional<LocalDate> nextReviewDue,
      ReviewState reviewState,
      String license,
      boolean quotable,
      String status,
      String language,
      String docType,
      String audience,
      String sourceTier,
      List<String> cancerTypes,
      List<String> sites) {

    public Meta {
      cancerTypes = List.copyOf(cancerTypes);
      sites = List.copyOf(sites);
    }
  }
}
