package org.metshub.search;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A {@link Search} that keeps recent responses for a short time, keyed by the whole request (query,
 * filters, paging, mode, language, what to compute), so a burst of the same search (a popular
 * question, a reader paging back) is answered without running it again. Every entry is dropped as
 * soon as the index changes (its generation moves on: a curator's change, a sync) and anyway after
 * {@code ttl}, so a response is never older than the index it came from. Passage similarities are
 * kept the same way (without the time limit), and the analysed terms of a text in an LRU of their
 * own (they depend on the text alone). The other methods pass through. Thread-safe: the map is
 * guarded by this object's lock; searches run outside it.
 */
public final class CachedSearch implements Search {
  private final Search engine;
  private final LongSupplier generation;
  private final LongSupplier nanoTime;
  private final long ttlNanos;
  private final Map<SearchRequest, Stored> recent;

  /** Analysed terms by language and text: they depend on the analyzers only. */
  private final Map<List<String>, Set<String>> termsByText;

  /** Passage similarities by question, language and pages, for the current generation. */
  private final Map<List<Object>, List<PassageSimilarity>> similarities;

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
  CachedSearch(
      Search engine, LongSupplier generation, int capacity, Duration ttl, LongSupplier nanoTime) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.engine = engine;
    this.generation = generation;
    this.nanoTime = nanoTime;
    this.ttlNanos = ttl.toNanos();
    this.seenGeneration = generation.getAsLong();
    this.recent = new Lru<>(capacity);
    this.termsByText = new Lru<>(4 * capacity);
    this.similarities = new Lru<>(capacity);
  }

  /** A map that keeps its {@code capacity} most recently used entries. Not thread-safe. */
  static final class Lru<K, V> extends LinkedHashMap<K, V> {
    private final int capacity;

    Lru(int capacity) {
      super(16, 0.75f, /* accessOrder= */ true);
      this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
      return size() > capacity;
    }
  }

  /** Drops what the index's change made stale; call with this object's lock held. */
  private void forgetIfChanged(long gen) {
    if (gen != seenGeneration) {
      recent.clear();
      similarities.clear();
      seenGeneration = gen;
    }
  }

  @Override
  public SearchResponse search(SearchRequest request) {
    long gen = generation.getAsLong();
    synchronized (this) {
      forgetIfChanged(gen);
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
  public String languageOf(String text, String fallback) {
    return engine.languageOf(text, fallback);
  }

  @Override
  public boolean otherWord(String typed, String correction, String language) {
    return engine.otherWord(typed, correction, language);
  }

  @Override
  public String forModel(String text, String language) {
    return engine.forModel(text, language);
  }

  @Override
  public long passagesContaining(String analyzedTerm, String language) {
    return engine.passagesContaining(analyzedTerm, language);
  }

  /**
   * The analysed terms of a text, remembered by language and text (the answer path analyses the
   * same candidate sections for every question that finds them).
   */
  @Override
  public Set<String> terms(String text, String language) {
    List<String> key = List.of(language, text);
    synchronized (this) {
      Set<String> known = termsByText.get(key);
      if (known != null) {
        return known;
      }
    }
    Set<String> t = java.util.Collections.unmodifiableSet(engine.terms(text, language));
    synchronized (this) {
      termsByText.put(key, t);
    }
    return t;
  }

  @Override
  public Set<String> queryTerms(String text, String language) {
    return engine.queryTerms(text, language);
  }

  /**
   * Passage similarities, remembered for the current index generation by question, language and
   * pages (a repeated question weighs the same sections again).
   */
  @Override
  public List<PassageSimilarity> passageSimilarities(
      String text, String language, java.util.Collection<String> docIds) {
    List<Object> key = List.of(text, language, List.copyOf(docIds));
    long gen = generation.getAsLong();
    synchronized (this) {
      forgetIfChanged(gen);
      List<PassageSimilarity> known = similarities.get(key);
      if (known != null) {
        return known;
      }
    }
    List<PassageSimilarity> s = List.copyOf(engine.passageSimilarities(text, language, docIds));
    synchronized (this) {
      if (generation.getAsLong() == gen && seenGeneration == gen) {
        similarities.put(key, s);
      }
    }
    return s;
  }

  /** Searches answered from memory and those that ran, since creation. */
  public synchronized CacheStats stats() {
    return new CacheStats(hits, misses, recent.size());
  }
}
