package org.metshub.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.metshub.error.MetsHubException.BadInput;

/**
 * A search: query text (may be empty when browsing by filters), filters by facet dimension (any
 * of the values of one dimension, all dimensions together), paging, ranking mode, whether only
 * public ({@code status: active}) documents may match, whether to keep only the best passage
 * of each document, and whether to count facets (batch retrieval does not need them). Immutable.
 */
public record SearchRequest(
    String query,
    Map<String, List<String>> filters,
    int limit,
    int offset,
    SearchMode mode,
    boolean publicOnly,
    boolean collapse,
    boolean facets,
    Optional<String> queryLanguage,
    boolean snippets) {

  /** Longest query accepted; longer input is a usage error, not a slow search. */
  public static final int MAX_QUERY_CHARS = 500;

  public static final int MAX_LIMIT = 100;

  public SearchRequest {
    query = query == null ? "" : query.strip();
    if (query.length() > MAX_QUERY_CHARS) {
      throw new BadInput(
          "query must be at most " + MAX_QUERY_CHARS + " characters, got " + query.length());
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadInput(
          "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    if (offset < 0 || offset > 10_000) {
      throw new BadInput("offset must be between 0 and 10000, got " + offset);
    }
    Map<String, List<String>> f = new TreeMap<>();
    for (var e : filters.entrySet()) {
      if (!Fields.FACETS.contains(e.getKey())) {
        throw new BadInput(
            "unknown filter '" + e.getKey() + "'; filters are " + Fields.FACETS);
      }
      if (!e.getValue().isEmpty()) {
        f.put(e.getKey(), List.copyOf(e.getValue()));
      }
    }
    filters = java.util.Collections.unmodifiableMap(f);
  }

  /** With highlighted snippets (what pages show). */
  public SearchRequest(String query, Map<String, List<String>> filters, int limit, int offset,
      SearchMode mode, boolean publicOnly, boolean collapse, boolean facets,
      Optional<String> queryLanguage) {
    this(query, filters, limit, offset, mode, publicOnly, collapse, facets, queryLanguage, true);
  }

  /**
   * Without highlighted snippets: ranking only, as batch evaluation needs (each hit's snippet
   * is then the start of its text, unmarked).
   */
  public SearchRequest withSnippets(boolean s) {
    return new SearchRequest(query, filters, limit, offset, mode, publicOnly, collapse, facets,
        queryLanguage, s);
  }

  public static SearchRequest of(String query, int limit) {
    return new SearchRequest(query, Map.of(), limit, 0, SearchMode.HYBRID, true, true, true,
        Optional.empty());
  }

  public SearchRequest withMode(SearchMode m) {
    return new SearchRequest(query, filters, limit, offset, m, publicOnly, collapse,
        facets, queryLanguage, snippets);
  }

  public SearchRequest withFilters(Map<String, List<String>> f) {
    return new SearchRequest(query, f, limit, offset, mode, publicOnly, collapse, facets,
        queryLanguage, snippets);
  }

  public SearchRequest withFacets(boolean f) {
    return new SearchRequest(query, filters, limit, offset, mode, publicOnly, collapse, f,
        queryLanguage, snippets);
  }

  public SearchRequest withQuery(String q) {
    return new SearchRequest(q, filters, limit, offset, mode, publicOnly, collapse, facets,
        queryLanguage, snippets);
  }

  public SearchRequest withCollapse(boolean c) {
    return new SearchRequest(query, filters, limit, offset, mode, publicOnly, c, facets,
        queryLanguage, snippets);
  }

  public SearchRequest withPage(int newLimit, int newOffset) {
    return new SearchRequest(query, filters, newLimit, newOffset, mode, publicOnly, collapse,
        facets, queryLanguage, snippets);
  }

  /** The same request in a given language (analysis, synonyms, and which pages come first). */
  public SearchRequest withQueryLanguage(String language) {
    return new SearchRequest(query, filters, limit, offset, mode, publicOnly, collapse, facets,
        Optional.of(language), snippets);
  }
}
