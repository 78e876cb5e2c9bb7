package org.metshub.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Results of a search: the page of hits, how many matched in all, facet counts per dimension,
 * spelling corrections applied to the query (typo → word), the time taken, and how well the best
 * result matches. Immutable. The facets keep the order they were given in (the search gives {@code
 * Fields.FACETS} order), so every listing of them reads the same from run to run.
 *
 * @param total how many documents matched (with collapsing, the unit the facets count) or passages
 *     (without)
 * @param bestCoverage the share of the query's words (or their vocabulary synonyms) that the best
 *     result's page holds anywhere: below {@link #WEAK_COVERAGE} the best match is weak and readers
 *     are told so; 1 without a query or without results
 */
public record SearchResponse(
    List<Hit> hits,
    long total,
    Map<String, List<FacetCount>> facets,
    Map<String, String> corrections,
    SearchMode mode,
    String queryLanguage,
    double millis,
    double bestCoverage) {

  /**
   * Below this share of the query's words on the best page, the best match is weak: one of two
   * words, or two of four, is missing ("car insurance", "best hospital in texas").
   */
  public static final double WEAK_COVERAGE = 0.66;

  /** A response with full coverage (no query, or a source that does not measure it). */
  public SearchResponse(
      List<Hit> hits,
      long total,
      Map<String, List<FacetCount>> facets,
      Map<String, String> corrections,
      SearchMode mode,
      String queryLanguage,
      double millis) {
    this(hits, total, facets, corrections, mode, queryLanguage, millis, 1.0);
  }

  /** Whether the best result holds too few of the query's words to be called a good match. */
  public boolean weakMatch() {
    return bestCoverage < WEAK_COVERAGE;
  }

  public SearchResponse {
    hits = List.copyOf(hits);
    // Not Map.copyOf: its iteration order changes from one JVM run to the next.
    facets = Collections.unmodifiableMap(new LinkedHashMap<>(facets));
    corrections = Map.copyOf(corrections);
  }
}
