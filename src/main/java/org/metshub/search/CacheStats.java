package org.metshub.search;

import java.util.Locale;

/** Counts of a cache: look-ups answered from it, look-ups that were not, entries held now. */
public record CacheStats(long hits, long misses, int size) {
  /** Hits over all look-ups, 0 when there were none. */
  public double hitRate() {
    long all = hits + misses;
    return all == 0 ? 0 : (double) hits / all;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%d hits, %d misses (%.1f%% hits), %d held",
        hits,
        misses,
        100 * hitRate(),
        size);
  }
}
