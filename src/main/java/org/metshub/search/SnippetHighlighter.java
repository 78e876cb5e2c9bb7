package org.metshub.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.jspecify.annotations.Nullable;

/**
 * Lucene's unified highlighter giving {@link Snippet} values instead of marked-up strings: the
 * typed results of {@link SnippetFormatter}, which Lucene keeps behind a protected method. One per
 * search; not thread-safe beyond what {@link UnifiedHighlighter} is.
 */
final class SnippetHighlighter extends UnifiedHighlighter {
  SnippetHighlighter(IndexSearcher searcher, Analyzer analyzer) {
    super(
        UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(new SnippetFormatter())
            // A passage without a match has no snippet here; the caller shows the passage's start.
            .withMaxNoHighlightPassages(0));
  }

  /**
   * The snippets of {@code docs} in each field, by field and in the order of {@code docs}; null
   * where the field has no match.
   */
  Map<String, @Nullable Snippet[]> snippets(
      String[] fields, Query query, int[] docs, int[] maxPassages) throws IOException {
    Map<String, @Nullable Snippet[]> out = new HashMap<>();
    highlightFieldsAsObjects(fields, query, docs, maxPassages)
        .forEach(
            (field, objects) -> {
              @Nullable Snippet[] snippets = new Snippet[objects.length];
              for (int i = 0; i < objects.length; i++) {
                snippets[i] = (Snippet) objects[i];
              }
              out.put(field, snippets);
            });
    return out;
  }
}
