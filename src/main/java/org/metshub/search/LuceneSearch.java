package org.metshub.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;
import org.metshub.error.MetsHubException.Internal;
import org.metshub.kb.ReviewState;
import org.metshub.text.LanguageGuess;
import org.metshub.text.WholeWords;

/**
 * Searches a {@link SearchIndex}. Lexical ranking is BM25 over title, heading path and body in the
 * query's language, with the patient vocabulary expanded at query time and unknown words corrected
 * from the index's own dictionary. Semantic ranking is an HNSW nearest-neighbour search on
 * bge-small vectors. Hybrid fuses both lists (see {@link Ranking}), then multiplies by the
 * source-tier and review-state priors. Filters apply to every mode, before ranking. Thread-safe.
 */
public final class LuceneSearch implements Search {
  private static final int SNIPPET_CHARS = 260;

  /**
   * How many lexical matches a page-by-page (collapsed) search ranks at most to fill a page of
   * documents: pages beyond the documents of this many passages are empty.
   */
  static final int MAX_COLLAPSED_DEPTH = 10_000;

  private final SearchIndex index;
  private final Ranking ranking;
  private final Set<String> vocabularyWords;

  /** The facet state of the last reader counted; null before the first count. */
  private volatile @Nullable StateHolder facetState;

  private record StateHolder(IndexReader reader, SortedSetDocValuesReaderState state) {}

  private record Scored(int doc, double score) {}

  public LuceneSearch(SearchIndex index, Ranking ranking) {
    this.index = index;
    this.ranking = ranking;
    this.vocabularyWords = VocabularyWords.medicalWords(index.vocab());
  }

  @Override
  public SearchResponse search(SearchRequest req) {
    long start = System.nanoTime();
    try {
      IndexSearcher searcher = index.searchers().acquire();
      try {
        return run(req, searcher, start);
      } finally {
        index.searchers().release(searcher);
      }
    } catch (IOException e) {
      throw new Internal("search failed for '" + req.query() + "': " + e, e);
    }
  }

  @Override
  public java.util.Set<String> terms(String text, String language) {
    return analyse(index.analyzers().textAnalyzer(language), text);
  }

  @Override
  public boolean otherWord(String typed, String correction, String language) {
    return KnownWords.bundled().otherWord(typed, correction, language);
  }

  @Override
  public String forModel(String text, String language) {
    return Gloss.forModel(language, text);
  }

  @Override
  public java.util.Set<String> queryTerms(String text, String language) {
    return analyse(index.analyzers().queryAnalyzer(language), text);
  }

  /** The terms an analyzer makes of a text, one-letter ones left out. */
  private static java.util.Set<String> analyse(Analyzer analyzer, String text) {
    java.util.Set<String> out = new java.util.HashSet<>();
    try (TokenStream ts = analyzer.tokenStream(Fields.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (term.length() > 1) {
          out.add(term.toString());
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new Internal("cannot analyse '" + text + "': " + e, e);
    }
    return out;
  }

  /**
   * The KB's evidence decides when its words lean this far (natural log of the odds, summed over
   * the words): "liver metastases" is English and "peritoneal carcinomatosis" too, though a general
   * detector reads both as Spanish.
   */
  static final double KB_LANGUAGE_DECIDES = 1.0;

  /** No one word counts for more than this (a rare word used once in one language). */
  private static final double KB_LANGUAGE_WORD_CAP = 3.0;

  @Override
  public String languageOf(String text, String fallback) {
    LanguageGuess.Evidence words = LanguageGuess.evidence(text);
    if (words.english() != words.spanish()) {
      return words.language(fallback);
    }
    double lean = kbLanguageLean(text);
    if (Math.abs(lean) >= KB_LANGUAGE_DECIDES) {
      return lean > 0 ? "en" : "es";
    }
    return LanguageGuess.of(text, fallback);
  }

  /**
   * How far this KB's passages say a text is English (positive) rather than Spanish: for each word,
   * the log of the share of English passages that use it over the share of Spanish ones (each
   * smoothed by half a passage, and capped).
   */
  double kbLanguageLean(String text) {
    try {
      IndexSearcher searcher = index.searchers().acquire();
      try {
        IndexReader reader = searcher.getIndexReader();
        String enField = Fields.localized(Fields.BODY, "en");
        String esField = Fields.localized(Fields.BODY, "es");
        double en = reader.getDocCount(enField);
        double es = reader.getDocCount(esField);
        if (en == 0 || es == 0) {
          return 0;
        }
        double lean = 0;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
          if (word.length() < 3) {
            continue;
          }
          long inEn = mostPassages(reader, enField, terms(word, "en"));
          long inEs = mostPassages(reader, esField, terms(word, "es"));
          double odds = Math.log(((inEn + 0.5) / en) / ((inEs + 0.5) / es));
          lean += Math.max(-KB_LANGUAGE_WORD_CAP, Math.min(KB_LANGUAGE_WORD_CAP, odds));
        }
        return lean;
      } finally {
        index.searchers().release(searcher);
      }
    } catch (IOException e) {
      throw new Internal("cannot read term statistics: " + e, e);
    }
  }

  private static long mostPassages(IndexReader reader, String field, Set<String> terms)
      throws IOException {
    long most = 0;
    for (String t : terms) {
      most = Math.max(most, reader.docFreq(new Term(field, t)));
    }
    return most;
  }

  @Override
  public long passagesContaining(String analyzedTerm, String language) {
    try {
      IndexSearcher searcher = index.searchers().acquire();
      try {
        return searcher
            .getIndexReader()
            .docFreq(new Term(Fields.localized(Fields.BODY, language), analyzedTerm));
      } finally {
        index.searchers().release(searcher);
      }
    } catch (IOException e) {
      throw new Internal("cannot read term statistics: " + e, e);
    }
  }

  @Override
  public List<PassageSimilarity> passageSimilarities(
      String text, String language, java.util.Collection<String> docIds) {
    if (text.isBlank() || docIds.isEmpty() || !index.options().withVectors()) {
      return List.of();
    }
    float[] question = index.embedder().embedQuery(Gloss.forModel(language, text));
    try {
      IndexSearcher searcher = index.searchers().acquire();
      try {
        return PassageVectors.of(
            searcher,
            question,
            docIds,
            Fields.localized(Fields.HEADING, language),
            index.options().passageVectors() ? Fields.VECTOR : Fields.LEAD_VECTOR);
      } finally {
        index.searchers().release(searcher);
      }
    } catch (IOException e) {
      throw new Internal("cannot read passage vectors: " + e, e);
    }
  }

  private SearchResponse run(SearchRequest req, IndexSearcher searcher, long start)
      throws IOException {
    String lang =
        req.queryLanguage()
            .orElseGet(
                () -> {
                  List<String> langs = req.filters().getOrDefault(Fields.LANGUAGE, List.of());
                  return langs.size() == 1 ? langs.get(0) : languageOf(req.query(), "en");
                });
    Map<String, String> corrections = new LinkedHashMap<>();
    String text = req.query().isEmpty() ? "" : correct(req.query(), lang, searcher, corrections);
    // One day for the whole search: states in filters, facets, priors and hits agree.
    ReviewStates states = new ReviewStates(index.schedule().today());
    Query filter = filter(req, null, states);
    Query lexical = text.isEmpty() ? null : lexicalQuery(text, lang);
    Query knn = null;
    Query leadKnn = null;
    float[] v = null;
    if (!text.isEmpty() && req.mode() != SearchMode.LEXICAL && index.options().withVectors()) {
      v = index.embedder().embedQuery(Gloss.forModel(lang, text));
      // Rewritten once: the nearest-neighbour search runs here, and ranking, the total and the
      // facet counts reuse its result instead of searching the graph again each time.
      leadKnn =
          searcher.rewrite(
              new KnnFloatVectorQuery(Fields.LEAD_VECTOR, v, ranking.candidates(), filter));
      knn =
          !index.options().passageVectors()
              ? leadKnn
              : searcher.rewrite(
                  new KnnFloatVectorQuery(Fields.VECTOR, v, ranking.candidates(), filter));
    }
    Query semantic =
        knn == null
            ? null
            : knn == leadKnn
                ? leadKnn
                : new BooleanQuery.Builder()
                    .add(knn, BooleanClause.Occur.SHOULD)
                    .add(leadKnn, BooleanClause.Occur.SHOULD)
                    .build();
    Query base =
        switch (req.mode()) {
          case LEXICAL -> lexical;
          case SEMANTIC -> semantic;
          case HYBRID ->
              lexical == null
                  ? semantic
                  : semantic == null
                      ? lexical
                      : new BooleanQuery.Builder()
                          .add(lexical, BooleanClause.Occur.SHOULD)
                          .add(semantic, BooleanClause.Occur.SHOULD)
                          .build();
        };
    int want = Math.max(ranking.candidates(), req.offset() + req.limit());
    boolean chosenLanguage = !req.filters().getOrDefault(Fields.LANGUAGE, List.of()).isEmpty();
    Map<Integer, Double> similarity = new HashMap<>();
    List<Scored> vec = List.of();
    List<Scored> lead = List.of();
    Set<Integer> headingMatches = Set.of();
    if (knn != null && v != null) {
      // The passage's own cosine is what the answer gate was calibrated on; a passage found only
      // through its section lead gets that one.
      lead =
          exact(
              searcher,
              Fields.LEAD_VECTOR,
              v,
              scored(searcher.search(leadKnn, ranking.candidates())),
              similarity);
      vec =
          knn == leadKnn
              ? List.of()
              : exact(
                  searcher,
                  Fields.VECTOR,
                  v,
                  scored(searcher.search(knn, ranking.candidates())),
                  similarity);
    }
    if (!text.isEmpty() && base != null && req.collapse()) {
      // Pages only: the answer path ranks sections with its own heading features.
      headingMatches = headingMatches(text, lang, filter, searcher);
    }
    // Ranks the best `depth` lexical matches with the vector candidates. A page of documents
    // (collapsed) may need more passages than that to fill: then the depth grows until the page
    // is full or every lexical match is ranked.
    List<Scored> ranked;
    long total;
    int depth = text.isEmpty() ? Math.max(want, 1000) : want;
    while (true) {
      boolean exhausted = true;
      if (text.isEmpty()) {
        TopDocs top =
            searcher.search(
                filter,
                depth,
                new Sort(new SortField(Fields.PUBLISHED_DAYS, SortField.Type.LONG, true)));
        ranked = Arrays.stream(top.scoreDocs).map(sd -> new Scored(sd.doc, 1.0)).toList();
        total = top.totalHits.value();
        exhausted = top.scoreDocs.length < depth;
      } else if (base == null) {
        ranked = List.of(); // the query was all stop words and there are no vectors
        total = 0;
      } else {
        List<Scored> lex = List.of();
        total = 0;
        if (lexical != null && req.mode() != SearchMode.SEMANTIC) {
          TopDocs top = searcher.search(and(lexical, filter), depth);
          lex = scored(top);
          total = top.totalHits.value();
          exhausted = top.scoreDocs.length < depth;
        }
        total = Math.max(total, Math.max(vec.size(), lead.size()));
        ranked =
            switch (req.mode()) {
              case LEXICAL -> lex;
              case SEMANTIC -> fuse(List.of(), vec, lead);
              case HYBRID -> fuse(lex, vec, lead);
            };
        if (ranking.pageContext() > 0) {
          ranked = withPageContext(ranked, searcher);
        }
        // A search in one language ranks its own pages first when the reader did not choose
        // a language: a page in the other language shows only when it is much the best match.
        ranked = withPriors(ranked, searcher, chosenLanguage ? null : lang, headingMatches, states);
      }
      if (!req.collapse()) {
        break;
      }
      ranked = collapse(ranked, searcher);
      if (ranked.size() >= req.offset() + req.limit()
          || exhausted
          || depth >= MAX_COLLAPSED_DEPTH) {
        break;
      }
      depth = Math.min(MAX_COLLAPSED_DEPTH, depth * 4);
    }
    if (req.collapse()) {
      // Documents, the unit the facets count: every document with a passage that matches.
      total =
          base == null && !text.isEmpty()
              ? 0
              : distinctDocuments(base == null ? filter : and(base, filter), searcher);
      if (!text.isEmpty() && !chosenLanguage) {
        ranked = ownLanguageFirst(ranked, searcher, lang);
      }
    }
    List<Scored> page =
        ranked.subList(
            Math.min(req.offset(), ranked.size()),
            Math.min(req.offset() + req.limit(), ranked.size()));
    List<Hit> hits =
        hits(
            page,
            searcher,
            lexical != null ? lexical : MatchAllDocsQuery.INSTANCE,
            similarity,
            req.snippets(),
            states);
    Map<String, List<FacetCount>> facets =
        req.facets() ? facets(req, base, text.isEmpty(), searcher, states) : Map.of();
    double coverage =
        hits.isEmpty() || text.isEmpty()
            ? 1.0
            : pageCoverage(hits.get(0).docId(), text, lang, searcher);
    return new SearchResponse(
        hits,
        total,
        facets,
        corrections,
        req.mode(),
        lang,
        (System.nanoTime() - start) / 1e6,
        coverage);
  }

  /**
   * How many documents have a passage matching the query. A document's passages are added as one
   * block, so they share a segment and each segment counts its own.
   */
  private static long distinctDocuments(Query q, IndexSearcher searcher) throws IOException {
    return searcher.search(
        q,
        new org.apache.lucene.search.CollectorManager<DocCounter, Long>() {
          @Override
          public DocCounter newCollector() {
            return new DocCounter();
          }

          @Override
          public Long reduce(java.util.Collection<DocCounter> counters) {
            return counters.stream().mapToLong(c -> c.count).sum();
          }
        });
  }

  /** Counts the distinct documents (by id) among the passages it collects. */
  private static final class DocCounter extends org.apache.lucene.search.SimpleCollector {
    private long count;
    // Both null in a segment without document ids.
    private org.apache.lucene.index.@Nullable SortedDocValues ids;
    private org.apache.lucene.util.@Nullable FixedBitSet seen;

    @Override
    protected void doSetNextReader(org.apache.lucene.index.LeafReaderContext context)
        throws IOException {
      ids = context.reader().getSortedDocValues(Fields.DOC_ID);
      seen =
          ids == null
              ? null
              : new org.apache.lucene.util.FixedBitSet(Math.max(1, ids.getValueCount()));
    }

    @Override
    public void collect(int doc) throws IOException {
      if (ids == null
          || seen == null
          || !ids.advanceExact(doc)
          || !seen.getAndSet(ids.ordValue())) {
        count++;
      }
    }

    @Override
    public org.apache.lucene.search.ScoreMode scoreMode() {
      return org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  /**
   * The nearest-neighbour hits with Lucene's cosine score, (1 + cos) / 2, computed again here from
   * their stored vectors, summed in one fixed order, best first (ties by document). Lucene's SIMD
   * cosine adds its lanes in an order that changes when the JIT compiles it during a run, so the
   * same question scored a passage a bit or two apart from one run to the next; the answer path
   * reads these scores, and {@code train-sections} must give the same file twice. Each hit's cosine
   * is put in {@code cosines}.
   */
  private static List<Scored> exact(
      IndexSearcher searcher,
      String field,
      float[] question,
      List<Scored> hits,
      Map<Integer, Double> cosines)
      throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    double qNorm = PassageVectors.norm(question);
    List<Scored> out = new ArrayList<>(hits.size());
    for (Scored s : hits) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(s.doc(), leaves));
      FloatVectorValues vectors = leaf.reader().getFloatVectorValues(field);
      KnnVectorValues.DocIndexIterator at = vectors == null ? null : vectors.iterator();
      if (at == null || at.advance(s.doc() - leaf.docBase) != s.doc() - leaf.docBase) {
        // Lucene's cosine score is (1 + cos) / 2.
        cosines.put(s.doc(), 2 * s.score() - 1);
        out.add(s);
        continue;
      }
      double cos = PassageVectors.cosine(question, qNorm, vectors.vectorValue(at.index()));
      cosines.put(s.doc(), cos);
      out.add(new Scored(s.doc(), (1 + cos) / 2));
    }
    out.sort(
        java.util.Comparator.comparingDouble(Scored::score)
            .reversed()
            .thenComparingInt(Scored::doc));
    return out;
  }

  private static List<Scored> scored(TopDocs top) {
    List<Scored> out = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      out.add(new Scored(sd.doc, sd.score));
    }
    return out;
  }

  private static Query and(Query q, Query filter) {
    if (filter instanceof MatchAllDocsQuery) {
      return q;
    }
    return new BooleanQuery.Builder()
        .add(q, BooleanClause.Occur.MUST)
        .add(filter, BooleanClause.Occur.FILTER)
        .build();
  }

  /**
   * The filter for a request, leaving out one dimension (for drill-sideways counts). Review states
   * are ranges of due dates on the day of the search; the other dimensions are terms.
   */
  private static Query filter(SearchRequest req, @Nullable String exceptDim, ReviewStates states) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean any = false;
    if (req.publicOnly()) {
      b.add(new TermQuery(new Term(Fields.STATUS, "active")), BooleanClause.Occur.FILTER);
      any = true;
    }
    for (var e : req.filters().entrySet()) {
      if (e.getKey().equals(exceptDim)) {
        continue;
      }
      if (e.getKey().equals(Fields.REVIEW_STATE)) {
        b.add(states.filter(e.getValue()), BooleanClause.Occur.FILTER);
        any = true;
        continue;
      }
      BooleanQuery.Builder or = new BooleanQuery.Builder();
      for (String v : e.getValue()) {
        or.add(new TermQuery(new Term(e.getKey(), v)), BooleanClause.Occur.SHOULD);
      }
      b.add(or.build(), BooleanClause.Occur.FILTER);
      any = true;
    }
    return any ? b.build() : MatchAllDocsQuery.INSTANCE;
  }

  /**
   * BM25 over the language's title, heading and body fields: the reader's own words, plus the
   * patient-vocabulary expansion at half weight, so that a synonym can find a page the words alone
   * would miss without outranking pages that use the reader's words. Null when the text has no word
   * the fields index.
   */
  @Nullable Query lexicalQuery(String text, String lang) {
    Query own = fieldsQuery(new QueryBuilder(index.analyzers().textAnalyzer(lang)), text, lang);
    Query expanded =
        fieldsQuery(new QueryBuilder(index.analyzers().queryAnalyzer(lang)), text, lang);
    if (own == null) {
      return expanded;
    }
    if (expanded == null) {
      return own;
    }
    return new BooleanQuery.Builder()
        .add(own, BooleanClause.Occur.SHOULD)
        .add(new BoostQuery(expanded, SYNONYM_WEIGHT), BooleanClause.Occur.SHOULD)
        .build();
  }

  /**
   * BM25 weight of the curated questions a passage's section answers ({@link Fields#ASKS}),
   * relative to the body.
   */
  static final double ASKS_BOOST = 1.0;

  /** Weight of the vocabulary-expanded query next to the reader's own words. */
  private static final float SYNONYM_WEIGHT = 0.5f;

  private @Nullable Query fieldsQuery(QueryBuilder qb, String text, String lang) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean any = false;
    Object[][] fields = {
      {Fields.localized(Fields.TITLE, lang), ranking.titleBoost()},
      {Fields.localized(Fields.HEADING, lang), ranking.headingBoost()},
      {Fields.localized(Fields.BODY, lang), 1.0},
      {Fields.localized(Fields.ASKS, lang), ASKS_BOOST}
    };
    for (Object[] f : fields) {
      if (!index.options().withTitles() && f[0].toString().startsWith(Fields.TITLE)) {
        continue;
      }
      Query q = qb.createBooleanQuery((String) f[0], text, BooleanClause.Occur.SHOULD);
      if (q != null) {
        double boost = (Double) f[1];
        b.add(boost == 1.0 ? q : new BoostQuery(q, (float) boost), BooleanClause.Occur.SHOULD);
        any = true;
      }
    }
    return any ? b.build() : null;
  }

  /**
   * Replaces words the index has never seen by the closest indexed word, when there is one: first a
   * word of the pages in the question's language, then of any page (a drug name may be written only
   * on the other language's pages).
   */
  private String correct(String query, String lang, IndexSearcher searcher, Map<String, String> out)
      throws IOException {
    IndexReader reader = searcher.getIndexReader();
    if (reader.numDocs() == 0) {
      return query;
    }
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMaxEdits(2);
    checker.setMinPrefix(1);
    checker.setAccuracy(0.6f);
    String result = query;
    for (String word : words(query)) {
      if (word.length() < 4
          || word.chars().anyMatch(Character::isDigit)
          || vocabularyWords.contains(word)
          || reader.docFreq(new Term(Fields.SPELL, word)) > 0) {
        continue;
      }
      SuggestWord[] s = new SuggestWord[0];
      for (String field : List.of(Fields.localized(Fields.SPELL, lang), Fields.SPELL)) {
        s = firstLetterSlip(word, reader, field);
        if (s.length == 0) {
          s =
              checker.suggestSimilar(
                  new Term(field, word), 5, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        }
        if (s.length > 0) {
          break;
        }
      }
      if (s.length > 0) {
        // Among near-equal candidates prefer a word of the medical vocabulary: "livr" is
        // "liver" here, not "live".
        SuggestWord best = s[0];
        for (SuggestWord c : s) {
          if (c.score >= s[0].score - 0.01f && vocabularyWords.contains(c.string)) {
            best = c;
            break;
          }
        }
        out.put(word, best.string);
        result = WholeWords.replace(result, word, best.string);
      }
    }
    return result;
  }

  /**
   * Suggestions for a word whose first letter slipped, which the checker's prefix rule never looks
   * at: b and v sound alike in Spanish ("bivir", "buelva"), and a silent h is dropped or added
   * ("ospicio", "hospicio"). A variant is taken only when the KB uses it as it is; it is tried
   * before the checker, which would find a nearer-looking but wrong word ("buelva" is "vuelva", not
   * "buena").
   */
  private static SuggestWord[] firstLetterSlip(String word, IndexReader reader, String field)
      throws IOException {
    List<String> variants = new ArrayList<>();
    char c = word.charAt(0);
    if (c == 'b' || c == 'v') {
      variants.add((c == 'b' ? 'v' : 'b') + word.substring(1));
    }
    variants.add(c == 'h' ? word.substring(1) : "h" + word);
    for (String v : variants) {
      int df = reader.docFreq(new Term(field, v));
      if (df > 0) {
        SuggestWord w = new SuggestWord();
        w.string = v;
        w.freq = df;
        w.score = 1;
        return new SuggestWord[] {w};
      }
    }
    return new SuggestWord[0];
  }

  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    try (Analyzer a = Analyzers.spell();
        TokenStream ts = a.tokenStream(Fields.SPELL, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new Internal("cannot analyse query '" + text + "': " + e, e);
    }
    return out;
  }

  /**
   * Fuses the lexical, passage-vector and lead-vector lists as configured. Linear: BM25 divided by
   * its maximum, cosines min-max normalised within their list, weighted by {@link
   * Ranking#lexicalWeight()}, {@link Ranking#leadWeight()} and the rest for the passage vector
   * (without a lexical list, the vector weights are rescaled to sum to one). RRF: the sum of 1 / (k
   * + rank) over the lists.
   */
  private List<Scored> fuse(List<Scored> lex, List<Scored> vec, List<Scored> lead) {
    Map<Integer, Double> score = new HashMap<>();
    if (ranking.fusion().equals("rrf")) {
      for (List<Scored> list : List.of(lex, vec, lead)) {
        for (int i = 0; i < list.size(); i++) {
          score.merge(list.get(i).doc(), 1.0 / (ranking.rrfK() + i + 1), Double::sum);
        }
      }
    } else {
      double wLex = lex.isEmpty() ? 0 : ranking.lexicalWeight();
      // Without passage vectors in the index, the lead vector takes the passage vector's share.
      boolean passages = index.options().passageVectors();
      double wLead = passages ? ranking.leadWeight() : Math.max(0, 1 - ranking.lexicalWeight());
      double wVec = passages ? Math.max(0, 1 - ranking.lexicalWeight() - wLead) : 0;
      double scale = (wLead + wVec) == 0 ? 1 : (1 - wLex) / (wLead + wVec);
      double maxLex = lex.stream().mapToDouble(Scored::score).max().orElse(1);
      for (Scored s : lex) {
        score.merge(s.doc(), wLex * s.score() / maxLex, Double::sum);
      }
      addNormalised(score, vec, wVec * scale);
      addNormalised(score, lead, wLead * scale);
    }
    return score.entrySet().stream()
        .map(e -> new Scored(e.getKey(), e.getValue()))
        .sorted((a, b) -> Double.compare(b.score(), a.score()))
        .toList();
  }

  private static void addNormalised(Map<Integer, Double> score, List<Scored> list, double w) {
    double max = list.stream().mapToDouble(Scored::score).max().orElse(1);
    double min = list.stream().mapToDouble(Scored::score).min().orElse(0);
    double span = Math.max(1e-9, max - min);
    for (Scored s : list) {
      score.merge(s.doc(), w * (s.score() - min) / span, Double::sum);
    }
  }

  /** How many of the best candidates share their page's evidence. */
  private static final int CONTEXT_CANDIDATES = 50;

  /**
   * Page context: a passage gains {@code pageContext} times the best score among the candidates
   * from the same source page (same URL), itself included. A section that never names its subject
   * ("Signs and symptoms include fever...") is lifted when another section of its page matches the
   * subject of the question. Only the best candidates take part.
   */
  private List<Scored> withPageContext(List<Scored> ranked, IndexSearcher searcher)
      throws IOException {
    int n = Math.min(CONTEXT_CANDIDATES, ranked.size());
    var stored = searcher.storedFields();
    Set<String> urlOnly = Set.of(Fields.URL);
    @Nullable String[] page = new String[n];
    Map<String, Double> best = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Scored s = ranked.get(i);
      String url = stored.document(s.doc(), urlOnly).get(Fields.URL);
      if (url != null && !url.isEmpty()) {
        page[i] = url;
        best.merge(url, s.score(), Math::max);
      }
    }
    List<Scored> out = new ArrayList<>(ranked.size());
    double w = ranking.pageContext();
    for (int i = 0; i < ranked.size(); i++) {
      Scored s = ranked.get(i);
      String url = i < n ? page[i] : null;
      // Every page among the first n has its best score.
      double bonus = url != null ? w * Objects.requireNonNull(best.get(url)) : 0;
      out.add(new Scored(s.doc(), s.score() + bonus));
    }
    out.sort((a, b) -> Double.compare(b.score(), a.score()));
    return out;
  }

  /** Score multiplier for a page in another language than the search's (none chosen). */
  static final double OTHER_LANGUAGE_PRIOR = 0.5;

  /**
   * The passages whose title and heading together hold every word of the query (each word, or one
   * of its vocabulary synonyms, in either field), for a query of two words or more: a heading that
   * says the whole question is the best sign a section is about it, and the vectors miss it for
   * short lay queries ("bone mets pain" is closest in meaning to jaw osteonecrosis).
   */
  private Set<Integer> headingMatches(
      String text, String lang, Query filter, IndexSearcher searcher) throws IOException {
    if (ranking.headingMatch() == 1.0) {
      return Set.of();
    }
    List<Set<String>> words = wordGroups(text, lang);
    if (words.size() < 2) {
      return Set.of();
    }
    String title = Fields.localized(Fields.TITLE, lang);
    String heading = Fields.localized(Fields.HEADING, lang);
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (Set<String> group : words) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String t : group) {
        if (index.options().withTitles()) {
          any.add(new TermQuery(new Term(title, t)), BooleanClause.Occur.SHOULD);
        }
        any.add(new TermQuery(new Term(heading, t)), BooleanClause.Occur.SHOULD);
      }
      all.add(any.build(), BooleanClause.Occur.MUST);
    }
    Query q = and(all.build(), filter);
    int n = searcher.count(q);
    if (n == 0) {
      return Set.of();
    }
    Set<Integer> out = new HashSet<>();
    for (ScoreDoc sd : searcher.search(q, Math.min(n, MAX_COLLAPSED_DEPTH)).scoreDocs) {
      out.add(sd.doc);
    }
    return out;
  }

  /**
   * The share of the query's words (each, or one of its vocabulary synonyms) that a document holds
   * anywhere in its title, headings or text: how well the best result matches at all, whatever its
   * rank. 1 for a query of stop words only.
   */
  private double pageCoverage(String docId, String text, String lang, IndexSearcher searcher)
      throws IOException {
    List<Set<String>> words = wordGroups(text, lang);
    if (words.isEmpty()) {
      return 1.0;
    }
    int found = 0;
    for (Set<String> group : words) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String t : group) {
        for (String f : new String[] {Fields.TITLE, Fields.HEADING, Fields.BODY}) {
          any.add(
              new TermQuery(new Term(Fields.localized(f, lang), t)), BooleanClause.Occur.SHOULD);
        }
      }
      Query q =
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term(Fields.DOC_ID, docId)), BooleanClause.Occur.FILTER)
              .add(any.build(), BooleanClause.Occur.FILTER)
              .build();
      if (searcher.count(q) > 0) {
        found++;
      }
    }
    return (double) found / words.size();
  }

  /**
   * The query's words, each as the set of terms the query analyser makes of it alone: its own
   * stemmed term and the first term of each of its vocabulary synonyms ("mets" gives "metastasis",
   * "metastatic" and more). Stop words give no set.
   */
  private List<Set<String>> wordGroups(String text, String lang) throws IOException {
    List<Set<String>> out = new ArrayList<>();
    Analyzer a = index.analyzers().queryAnalyzer(lang);
    for (String word : words(text)) {
      Set<String> group = new HashSet<>();
      try (TokenStream ts = a.tokenStream(Fields.localized(Fields.BODY, lang), word)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        var inc =
            ts.addAttribute(
                org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
        ts.reset();
        int position = -1;
        while (ts.incrementToken()) {
          position += inc.getPositionIncrement();
          if (position == 0) {
            group.add(term.toString());
          }
        }
        ts.end();
      }
      if (!group.isEmpty()) {
        out.add(group);
      }
    }
    return out;
  }

  private List<Scored> withPriors(
      List<Scored> ranked,
      IndexSearcher searcher,
      @Nullable String preferredLanguage,
      Set<Integer> headingMatches,
      ReviewStates states)
      throws IOException {
    List<Scored> out = new ArrayList<>(ranked.size());
    var leaves = searcher.getIndexReader().leaves();
    Map<Integer, org.apache.lucene.util.FixedBitSet> inLanguage = new HashMap<>();
    for (Scored s : ranked) {
      int li = org.apache.lucene.index.ReaderUtil.subIndex(s.doc(), leaves);
      var leaf = leaves.get(li);
      int doc = s.doc() - leaf.docBase;
      var tiers = leaf.reader().getNumericDocValues(Fields.TIER_NUMBER);
      OptionalInt tier =
          tiers != null && tiers.advanceExact(doc)
              ? OptionalInt.of((int) tiers.longValue())
              : OptionalInt.empty();
      var professional = leaf.reader().getNumericDocValues(Fields.PROFESSIONAL);
      double audience =
          professional != null && professional.advanceExact(doc) && professional.longValue() == 1
              ? ranking.professionalPrior()
              : 1.0;
      ReviewState state = states.of(leaf.reader(), doc);
      double language = 1.0;
      if (preferredLanguage != null) {
        var own = inLanguage.computeIfAbsent(li, i -> languageDocs(leaf, preferredLanguage));
        language = own.get(s.doc() - leaf.docBase) ? 1.0 : OTHER_LANGUAGE_PRIOR;
      }
      double heading = headingMatches.contains(s.doc()) ? ranking.headingMatch() : 1.0;
      out.add(
          new Scored(
              s.doc(), s.score() * ranking.prior(tier, state) * audience * language * heading));
    }
    out.sort((a, b) -> Double.compare(b.score(), a.score()));
    return out;
  }

  /**
   * Pages for a reader: those in the query's language first. A page in the other language keeps its
   * place only while it is a better match than every page in the query's language (at the top); the
   * others follow all pages in the query's language, so a translation of a result does not sit
   * beside it.
   */
  private static List<Scored> ownLanguageFirst(
      List<Scored> ranked, IndexSearcher searcher, String language) {
    var leaves = searcher.getIndexReader().leaves();
    Map<Integer, org.apache.lucene.util.FixedBitSet> inLanguage = new HashMap<>();
    List<Scored> top = new ArrayList<>();
    List<Scored> own = new ArrayList<>();
    List<Scored> other = new ArrayList<>();
    for (Scored s : ranked) {
      int li = org.apache.lucene.index.ReaderUtil.subIndex(s.doc(), leaves);
      var leaf = leaves.get(li);
      boolean mine =
          inLanguage
              .computeIfAbsent(li, i -> languageDocs(leaf, language))
              .get(s.doc() - leaf.docBase);
      (mine ? own : own.isEmpty() ? top : other).add(s);
    }
    List<Scored> out = new ArrayList<>(ranked.size());
    out.addAll(top);
    out.addAll(own);
    out.addAll(other);
    return out;
  }

  private static org.apache.lucene.util.FixedBitSet languageDocs(
      org.apache.lucene.index.LeafReaderContext leaf, String language) {
    var bits = new org.apache.lucene.util.FixedBitSet(Math.max(1, leaf.reader().maxDoc()));
    try {
      var postings = leaf.reader().postings(new Term(Fields.LANGUAGE, language));
      if (postings != null) {
        for (int d = postings.nextDoc();
            d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
            d = postings.nextDoc()) {
          bits.set(d);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bits;
  }

  private static List<Scored> collapse(List<Scored> ranked, IndexSearcher searcher)
      throws IOException {
    Set<org.apache.lucene.util.BytesRef> seen = new HashSet<>();
    List<Scored> out = new ArrayList<>();
    var leaves = searcher.getIndexReader().leaves();
    for (Scored s : ranked) {
      var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(s.doc(), leaves));
      var dv = leaf.reader().getSortedDocValues(Fields.DOC_ID);
      if (dv == null || !dv.advanceExact(s.doc() - leaf.docBase)) {
        out.add(s);
        continue;
      }
      if (seen.add(org.apache.lucene.util.BytesRef.deepCopyOf(dv.lookupOrd(dv.ordValue())))) {
        out.add(s);
      }
    }
    return out;
  }

  private List<Hit> hits(
      List<Scored> page,
      IndexSearcher searcher,
      Query highlightQuery,
      Map<Integer, Double> similarity,
      boolean highlight,
      ReviewStates states)
      throws IOException {
    if (page.isEmpty()) {
      return List.of();
    }
    int[] docs = page.stream().mapToInt(Scored::doc).toArray();
    String[] fields = {Fields.localized(Fields.BODY, "en"), Fields.localized(Fields.BODY, "es")};
    Map<String, @Nullable Snippet[]> snippets;
    if (highlight) {
      snippets =
          new SnippetHighlighter(searcher, index.analyzers().indexAnalyzer())
              .snippets(fields, highlightQuery, docs, new int[] {2, 2});
    } else {
      snippets = Map.of(fields[0], new Snippet[docs.length], fields[1], new Snippet[docs.length]);
    }
    List<Hit> out = new ArrayList<>();
    var stored = searcher.storedFields();
    for (int i = 0; i < docs.length; i++) {
      Document d = stored.document(docs[i]);
      String lang = d.get(Fields.LANGUAGE);
      String text = nz(d.get(Fields.localized(Fields.BODY, lang)));
      // The language field is always en or es (toDocument), and both bodies have snippets.
      Snippet snippet =
          Objects.requireNonNull(snippets.get(Fields.localized(Fields.BODY, lang)), lang)[i];
      if (snippet == null || snippet.text().isBlank()) {
        snippet = Snippet.plain(abbreviate(text));
      }
      Optional<LocalDate> reviewed =
          Optional.ofNullable(d.get(Fields.LAST_REVIEWED)).map(LocalDate::parse);
      String frequency = nz(d.get(Fields.REVIEW_FREQUENCY));
      Optional<LocalDate> due = index.schedule().nextReviewDue(reviewed, frequency);
      String license = nz(d.get(Fields.LICENSE));
      Hit.Meta meta =
          new Hit.Meta(
              nz(d.get(Fields.URL)),
              nz(d.get(Fields.SOURCE)),
              reviewed,
              due,
              states.on(due),
              license,
              index.vocab().quotable(license),
              nz(d.get(Fields.STATUS)),
              lang,
              nz(d.get(Fields.DOC_TYPE)),
              nz(d.get(Fields.AUDIENCE)),
              nz(d.get(Fields.SOURCE_TIER)),
              List.of(d.getValues(Fields.CANCER_TYPE)),
              List.of(d.getValues(Fields.SITE)));
      out.add(
          new Hit(
              d.get(Fields.PASSAGE_ID),
              d.get(Fields.DOC_ID),
              nz(d.get(Fields.STORED_TITLE)),
              nz(d.get(Fields.localized(Fields.HEADING, lang))),
              snippet,
              text,
              meta,
              page.get(i).score(),
              similarity.getOrDefault(docs[i], Double.NaN)));
    }
    return out;
  }

  private Map<String, List<FacetCount>> facets(
      SearchRequest req,
      @Nullable Query base,
      boolean browse,
      IndexSearcher searcher,
      ReviewStates states)
      throws IOException {
    IndexReader reader = searcher.getIndexReader();
    if (reader.numDocs() == 0 || (!browse && base == null)) {
      return Map.of();
    }
    SortedSetDocValuesReaderState state = facetState(reader);
    Map<String, List<FacetCount>> out = new LinkedHashMap<>();
    FacetsCollector all = matches(searcher, base, filter(req, null, states));
    SortedSetDocValuesFacetCounts allCounts = new SortedSetDocValuesFacetCounts(state, all);
    for (String dim : Fields.FACETS) {
      FacetsCollector matches =
          req.filters().containsKey(dim) ? matches(searcher, base, filter(req, dim, states)) : all;
      if (dim.equals(Fields.REVIEW_STATE)) {
        out.put(dim, states.counts(matches));
      } else {
        out.put(
            dim,
            top(
                matches == all ? allCounts : new SortedSetDocValuesFacetCounts(state, matches),
                dim));
      }
    }
    return out;
  }

  /** The first passage of each document that matches, for counting. */
  private static FacetsCollector matches(IndexSearcher searcher, @Nullable Query base, Query filter)
      throws IOException {
    Query q = base == null ? filter : and(base, filter);
    return onePassagePerDocument(searcher.search(q, new FacetsCollectorManager()));
  }

  /**
   * The matches with only the first passage of each document kept, so that facet counts count
   * documents, like the results. A document's passages are added as one block, so they share a
   * segment and the deduplication can work segment by segment.
   */
  private static FacetsCollector onePassagePerDocument(FacetsCollector fc) throws IOException {
    List<FacetsCollector.MatchingDocs> kept = new ArrayList<>();
    for (FacetsCollector.MatchingDocs md : fc.getMatchingDocs()) {
      var reader = md.context().reader();
      var ids = reader.getSortedDocValues(Fields.DOC_ID);
      var it = md.bits() == null ? null : md.bits().iterator();
      if (ids == null || it == null) {
        kept.add(md);
        continue;
      }
      var seen = new org.apache.lucene.util.FixedBitSet(Math.max(1, ids.getValueCount()));
      var keep = new org.apache.lucene.util.FixedBitSet(reader.maxDoc());
      int count = 0;
      for (int doc = it.nextDoc();
          doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
          doc = it.nextDoc()) {
        if (!ids.advanceExact(doc) || !seen.getAndSet(ids.ordValue())) {
          keep.set(doc);
          count++;
        }
      }
      kept.add(
          new FacetsCollector.MatchingDocs(
              md.context(), new org.apache.lucene.util.BitDocIdSet(keep, count), count, null));
    }
    return new FacetsCollector() {
      @Override
      public List<MatchingDocs> getMatchingDocs() {
        return kept;
      }
    };
  }

  private static List<FacetCount> top(SortedSetDocValuesFacetCounts counts, String dim)
      throws IOException {
    try {
      FacetResult r = counts.getTopChildren(100, dim);
      if (r == null) {
        return List.of();
      }
      List<FacetCount> out = new ArrayList<>();
      for (LabelAndValue lv : r.labelValues) {
        out.add(new FacetCount(lv.label, lv.value.intValue()));
      }
      return out;
    } catch (IllegalArgumentException noSuchDimension) {
      return List.of();
    }
  }

  private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
    StateHolder h = facetState;
    if (h == null || h.reader() != reader) {
      h =
          new StateHolder(
              reader, new DefaultSortedSetDocValuesReaderState(reader, SearchIndex.facetsConfig()));
      facetState = h;
    }
    return h.state();
  }

  private static String nz(@Nullable String s) {
    return s == null ? "" : s;
  }

  static String abbreviate(String text) {
    String t = SnippetFormatter.flatten(text); // one line, list items as bullets
    if (t.length() <= SNIPPET_CHARS) {
      return t;
    }
    int cut = t.lastIndexOf(' ', SNIPPET_CHARS);
    return t.substring(0, cut > 0 ? cut : SNIPPET_CHARS) + " …";
  }

  /** Total hits helper for callers that page. */
  static long value(TotalHits t) {
    return t.value();
  }
}
