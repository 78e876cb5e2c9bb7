package org.metshub.search;

/**
 * Hears how far an index sync has got. The core only counts; {@code cli} turns the counts into a
 * bar or log lines. Called from the syncing thread, after every embedding batch.
 */
@FunctionalInterface
public interface IndexProgress {
  /** Reports nothing. */
  IndexProgress NONE = (done, total) -> {};

  /** {@code done} of the {@code total} passages this sync writes are written. */
  void passages(long done, long total);
}
