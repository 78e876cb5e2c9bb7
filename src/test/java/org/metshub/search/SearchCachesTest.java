package org.metshub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The LRU of query vectors and the short-lived cache of search responses. */
class SearchCachesTest {
  /** Counts the searches that really ran. */
  static class CountingSearch implements Search {
    final AtomicInteger runs = new AtomicInteger();

    @Override
    public SearchResponse search(SearchRequest request) {
      runs.incrementAndGet();
      return new SearchResponse(
          List.of(), runs.get(), Map.of(), Map.of(), request.mode(), "en", 1.0);
    }

    @Override
    public long passagesContaining(String analyzedTerm, String language) {
      return 0;
    }

    final AtomicInteger analysed = new AtomicInteger();
    final AtomicInteger weighed = new AtomicInteger();

    @Override
    public Set<String> terms(String text, String language) {
      analysed.incrementAndGet();
      return new java.util.HashSet<>(List.of(text.split(" ")));
    }

    @Override
    public List<PassageSimilarity> passageSimilarities(
        String text, String language, java.util.Collection<String> docIds) {
      weighed.incrementAndGet();
      return docIds.stream().map(id -> new PassageSimilarity(id, "Heading", 0.5)).toList();
    }
  }

  @Test
  void termsOfATextAreAnalysedOnceAndCannotBeChangedByACaller() {
    CountingSearch engine = new CountingSearch();
    AtomicLong generation = new AtomicLong();
    CachedSearch cached = new CachedSearch(engine, generation::get, 1, Duration.ofSeconds(60));
    Set<String> first = cached.terms("bone pain", "en");
    assertThat(cached.terms("bone pain", "en"))
        .isSameAs(first)
        .containsExactlyInAnyOrder("bone", "pain");
    assertThat(engine.analysed.get()).isEqualTo(1);
    cached.terms("bone pain", "es"); // another language is another analysis
    generation.incrementAndGet(); // terms depend on the text alone: an index change keeps them
    cached.terms("bone pain", "en");
    assertThat(engine.analysed.get()).isEqualTo(2);
    org.junit.jupiter.api.Assertions.assertThrows(
        UnsupportedOperationException.class, () -> first.add("liver"));
    for (int i = 0; i < 5; i++) {
      cached.terms("text " + i, "en"); // four per response slot are kept: the first goes
    }
    cached.terms("bone pain", "en");
    assertThat(engine.analysed.get()).isEqualTo(8);
  }

  @Test
  void passageSimilaritiesAreKeptForTheQuestionAndPagesUntilTheIndexChanges() {
    CountingSearch engine = new CountingSearch();
    AtomicLong generation = new AtomicLong();
    CachedSearch cached = new CachedSearch(engine, generation::get, 4, Duration.ofSeconds(60));
    var a = cached.passageSimilarities("bone pain", "en", List.of("bone", "liver"));
    assertThat(cached.passageSimilarities("bone pain", "en", List.of("bone", "liver")))
        .isEqualTo(a)
        .hasSize(2);
    assertThat(engine.weighed.get()).isEqualTo(1);
    cached.passageSimilarities("bone pain", "en", List.of("bone")); // other pages
    cached.passageSimilarities("bone pain", "es", List.of("bone", "liver")); // other language
    assertThat(engine.weighed.get()).isEqualTo(3);
    generation.incrementAndGet();
    cached.passageSimilarities("bone pain", "en", List.of("bone", "liver"));
    assertThat(engine.weighed.get()).isEqualTo(4);
  }

  @Test
  void aRepeatedQueryIsEmbeddedOnceAndTheLeastRecentlyUsedGoesFirst() {
    HashingEmbedder model = new HashingEmbedder();
    AtomicInteger runs = new AtomicInteger();
    Embedder counting =
        new Embedder() {
          public String modelId() {
            return model.modelId();
          }

          public int dimension() {
            return model.dimension();
          }

          public float[] embedQuery(String q) {
            runs.incrementAndGet();
            return model.embedQuery(q);
          }

          public List<float[]> embedPassages(List<String> p) {
            return model.embedPassages(p);
          }
        };
    QueryEmbeddingCache cache = new QueryEmbeddingCache(counting, 2);
    float[] first = cache.embedQuery("bone pain");
    first[0] = 42; // a caller changing its copy does not change the cache
    assertThat(cache.embedQuery("bone pain")).isEqualTo(model.embedQuery("bone pain"));
    cache.embedQuery("liver");
    cache.embedQuery("bone pain"); // now liver is the least recently used
    cache.embedQuery("brain");
    assertThat(runs.get()).isEqualTo(3);
    cache.embedQuery("bone pain");
    cache.embedQuery("liver");
    assertThat(runs.get()).isEqualTo(4);
    assertThat(cache.stats().hits()).isEqualTo(3);
    assertThat(cache.stats().misses()).isEqualTo(4);
    assertThat(cache.stats().size()).isEqualTo(2);
    assertThat(cache.modelId()).isEqualTo("hashing-64");
  }

  @Test
  void aResponseIsKeptUntilTheIndexChangesOrItsTimeIsUp() {
    CountingSearch engine = new CountingSearch();
    AtomicLong generation = new AtomicLong();
    AtomicLong now = new AtomicLong();
    CachedSearch cached =
        new CachedSearch(engine, generation::get, 10, Duration.ofSeconds(60), now::get);
    SearchRequest bone = SearchRequest.of("bone pain", 10);
    SearchResponse first = cached.search(bone);
    assertThat(cached.search(SearchRequest.of("bone pain", 10))).isSameAs(first);
    assertThat(engine.runs.get()).isEqualTo(1);
    // Other filters, paging or mode are other searches.
    cached.search(SearchRequest.of("bone pain", 5));
    cached.search(bone.toBuilder().mode(SearchMode.LEXICAL).build());
    assertThat(engine.runs.get()).isEqualTo(3);
    // The index changed: everything is dropped.
    generation.incrementAndGet();
    assertThat(cached.search(bone)).isNotSameAs(first);
    assertThat(engine.runs.get()).isEqualTo(4);
    // Sixty seconds later it is searched again.
    now.addAndGet(Duration.ofSeconds(61).toNanos());
    cached.search(bone);
    assertThat(engine.runs.get()).isEqualTo(5);
    assertThat(cached.stats().hits()).isEqualTo(1);
    assertThat(cached.stats().misses()).isEqualTo(5);
  }

  @Test
  void whatTheAnswerPathAsksBesideSearchGoesToTheEngine() {
    Search engine =
        new CountingSearch() {
          @Override
          public Set<String> queryTerms(String text, String language) {
            return Set.of("mets", "metastasis");
          }

          @Override
          public List<PassageSimilarity> passageSimilarities(
              String text, String language, java.util.Collection<String> docIds) {
            return List.of(new PassageSimilarity("liver", "Liver › Symptoms", 0.8));
          }
        };
    CachedSearch cached = new CachedSearch(engine, () -> 0, 3, Duration.ofMinutes(1));
    // Without these, the answer path would lose the vocabulary and the sections' meaning.
    assertThat(cached.queryTerms("mets", "en")).containsExactlyInAnyOrder("mets", "metastasis");
    assertThat(cached.passageSimilarities("liver symptoms", "en", List.of("liver")))
        .extracting(PassageSimilarity::docId)
        .containsExactly("liver");
  }

  @Test
  void theCacheHoldsAtMostItsCapacity() {
    CountingSearch engine = new CountingSearch();
    CachedSearch cached = new CachedSearch(engine, () -> 0, 3, Duration.ofMinutes(1));
    for (int i = 0; i < 10; i++) {
      cached.search(SearchRequest.of("query " + i, 10));
    }
    assertThat(cached.stats().size()).isEqualTo(3);
    cached.search(SearchRequest.of("query 9", 10));
    assertThat(engine.runs.get()).isEqualTo(10);
  }

  @Test
  void aSyncThatChangesTheIndexEmptiesTheCacheOfARealIndex(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    try (SearchIndex index = TestIndex.open(dir, new HashingEmbedder())) {
      TestIndex.sync(index, TestIndex.BONE);
      CachedSearch cached =
          new CachedSearch(
              new LuceneSearch(index, Ranking.DEFAULT),
              index::generation,
              10,
              Duration.ofMinutes(1));
      assertThat(
              cached
                  .search(
                      SearchRequest.builder().query("jaundice").mode(SearchMode.LEXICAL).build())
                  .hits())
          .isEmpty();
      long before = index.generation();
      TestIndex.sync(index, TestIndex.BONE); // unchanged: the cache stays
      assertThat(index.generation()).isEqualTo(before);
      TestIndex.sync(index, TestIndex.BONE, TestIndex.LIVER);
      assertThat(
              cached
                  .search(
                      SearchRequest.builder().query("jaundice").mode(SearchMode.LEXICAL).build())
                  .hits())
          .isNotEmpty();
    }
  }
}
