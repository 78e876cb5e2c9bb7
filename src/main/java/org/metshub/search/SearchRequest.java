package org.metshub.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.metshub.error.MetsHubException.BadInput;

/**
 * A search: query text (may be empty when browsing by filters), filters by facet dimension (any of
 * the values of one dimension, all dimensions together), paging, ranking mode, whether only public
 * ({@code status: active}) documents may match, whether to keep only the best passage of each
 * document, and whether to count facets (batch retrieval does not need them). Made with {@link
 * #builder()}, changed with {@link #toBuilder()}. Immutable.
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
      throw new BadInput("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    if (offset < 0 || offset > 10_000) {
      throw new BadInput("offset must be between 0 and 10000, got " + offset);
    }
    Map<String, List<String>> f = new TreeMap<>();
    for (var e : filters.entrySet()) {
      if (!Fields.FACETS.contains(e.getKey())) {
        throw new BadInput("unknown filter '" + e.getKey() + "'; filters are " + Fields.FACETS);
      }
      if (!e.getValue().isEmpty()) {
        f.put(e.getKey(), List.copyOf(e.getValue()));
      }
    }
    filters = java.util.Collections.unmodifiableMap(f);
  }

  /** A public, collapsed, hybrid search for the first {@code limit} results. */
  public static SearchRequest of(String query, int limit) {
    return builder().query(query).limit(limit).build();
  }

  /**
   * A builder that starts from a public, page-by-page (collapsed) hybrid search for the first 10
   * results, with facets and highlighted snippets, in the language the query is written in.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this request. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.query = query;
    b.filters = filters;
    b.limit = limit;
    b.offset = offset;
    b.mode = mode;
    b.publicOnly = publicOnly;
    b.collapse = collapse;
    b.facets = facets;
    b.queryLanguage = queryLanguage;
    b.snippets = snippets;
    return b;
  }

  /** Builds a {@link SearchRequest}; {@link #build} checks it. Not thread-safe. */
  public static final class Builder {
    private String query = "";
    private Map<String, List<String>> filters = Map.of();
    private int limit = 10;
    private int offset = 0;
    private SearchMode mode = SearchMode.HYBRID;
    private boolean publicOnly = true;
    private boolean collapse = true;
    private boolean facets = true;
    private Optional<String> queryLanguage = Optional.empty();
    private boolean snippets = true;

    private Builder() {}

    public Builder query(String q) {
      this.query = q;
      return this;
    }

    /** Any of the values of one dimension, all dimensions together. */
    public Builder filters(Map<String, List<String>> f) {
      this.filters = f;
      return this;
    }

    public Builder limit(int n) {
      this.limit = n;
      return this;
    }

    public Builder offset(int n) {
      this.offset = n;
      return this;
    }

    public Builder mode(SearchMode m) {
      this.mode = m;
      return this;
    }

    /** Whether only {@code status: active} documents may match (false for curators). */
    public Builder publicOnly(boolean p) {
      this.publicOnly = p;
      return this;
    }

    /** Whether to keep only the best passage of each document. */
    public Builder collapse(boolean c) {
      this.collapse = c;
      return this;
    }

    /** Whether to count facets (batch retrieval does not need them). */
    public Builder facets(boolean f) {
      this.facets = f;
      return this;
    }

    /** The query's language (analysis, synonyms, and which pages come first). */
    public Builder queryLanguage(String language) {
      this.queryLanguage = Optional.of(language);
      return this;
    }

    /** The query's language, or empty to guess it from the query. */
    public Builder queryLanguage(Optional<String> language) {
      this.queryLanguage = language;
      return this;
    }

    /**
     * Whether hits carry highlighted snippets; without, ranking only, as batch evaluation needs
     * (each hit's snippet is then the start of its text, unmarked).
     */
    public Builder snippets(boolean s) {
      this.snippets = s;
      return this;
    }

    public SearchRequest build() {
      return new SearchRequest(
          query,
          filters,
          limit,
          offset,
          mode,
          publicOnly,
          collapse,
          facets,
          queryLanguage,
          snippets);
    }
  }
}
