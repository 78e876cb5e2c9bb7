package org.metshub.search;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A {@link Search} that keeps recent responses for a short time, keyed by the whole request
 * (query, filters, paging, mode, language, what to compute), so a burst of the same search (a
 * popular question, a reader paging back) is answered without running it again. Every entry is
 * dropped as soon as the index changes (its generation moves on: a curator's change, a sync) and
 * anyway after {@code ttl}, so a response is never older than the index it came from. The
 * other methods of {@link Search} pass straight through. Thread-safe: the map is guarded by
 * this object's lock; searches run outside it.
 */
public final class CachedSearch implements Search {
  private final Search engine;
  private final LongSupplier generation;
  private final LongSupplier nanoTime;
  private final long ttlNanos;
  private final Map<SearchRequest, Stored> recent;
  private long seenGeneration;
  private long hits;
  private long misses;

  private record Stored(SearchResponse response, long storedAt) {}

  /**
   * @param generation the index's change counter ({@link SearchIndex#generation})
   * @param capacity most responses kept (a response with facets is a few KB)
   * @param ttl how long a response is kept at most
   */
  public CachedSearch(Search engine, LongSupplier generation, int capacity, Duration ttl) {
    this(engine, generation, capacity, ttl, System::nanoTime);
  }

  /** With a clock in nanoseconds (tests). */
  CachedSearch(Search engine, LongSupplier generation, int capacity, Duration ttl,
      LongSupplier nanoTime) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.engine = engine;
    this.generation = generation;
    this.nanoTime = nanoTime;
    this.ttlNanos = ttl.toNanos();
    this.seenGeneration = generation.getAsLong();
    this.recent = new LinkedHashMap<>(16, 0.75f, /* accessOrder= */ true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<SearchRequest, Stored> eldest) {
        return size() > capacity;
      }
    };
  }

  @Override
  public SearchResponse search(SearchRequest request) {
    long gen = generation.getAsLong();
    synchronized (this) {
      if (gen != seenGeneration) {
        recent.clear();
        seenGeneration = gen;
      }
      Stored e = recent.get(request);
      if (e != null && nanoTime.getAsLong() - e.storedAt() < ttlNanos) {
        hits++;
        return e.response();
      }
      misses++;
    }
    SearchResponse r = engine.search(request);
    synchronized (this) {
      // A sync that finished while this search ran may have changed what it saw: keep it only
      // when the index is still the one it started on.
      if (generation.getAsLong() == gen && seenGeneration == gen) {
        recent.put(request, new Stored(r, nanoTime.getAsLong()));
      }
    }
    return r;
  }

  @Override
  public long passagesContaining(String analyzedTerm, String language) {
    return engine.passagesContaining(analyzedTerm, language);
  }

  @Override
  public Set<String> terms(String text, String language) {
    return engine.terms(text, language);
  }

  @Override
  public Set<String> queryTerms(String text, String language) {
    return engine.queryTerms(text, language);
  }

  @Override
  public List<PassageSimilarity> passageSimilarities(String text, String language,
      java.util.Collection<String> docIds) {
    return engine.passageSimilarities(text, language, docIds);
  }

  /** Searches answered from memory and those that ran, since creation. */
  public synchronized CacheStats stats() {
    return new CacheStats(hits, misses, recent.size());
  }
}
