package org.metshub.search;

import java.util.List;
import java.util.Map;

/**
 * Results of a search: the page of hits, how many matched in all, facet counts per dimension,
 * spelling corrections applied to the query (typo → word), and the time taken. Immutable.
 */
public record SearchResponse(
    List<Hit> hits,
    long total,
    Map<String, List<FacetCount>> facets,
    Map<String, String> corrections,
    SearchMode mode,
    String queryLanguage,
    double millis) {

  public SearchResponse {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
    corrections = Map.copyOf(corrections);
  }
}
