package org.metshub.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets through at most one log line per client and kind in each window, so that one hostile client
 * cannot flood the log: the first event is logged, the rest of the window is counted and the count
 * is reported with the next line that gets through. The table is bounded. Thread-safe.
 */
final class LogLimit {
  private static final int MAX_KEYS = 10_000;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();

  private static final class Slot {
    Instant until = Instant.MIN;
    long suppressed;
  }

  LogLimit(Duration window, Clock clock) {
    this.window = window;
    this.clock = clock;
  }

  /**
   * Returns -1 when this event is to be dropped, else how many events of this key were dropped
   * since the last one logged (0 for the first).
   */
  long admit(String client, String kind) {
    if (slots.size() > MAX_KEYS) {
      slots.clear(); // a flood of addresses: start over rather than grow without bound
    }
    Slot s = slots.computeIfAbsent(kind + " " + client, k -> new Slot());
    Instant now = clock.instant();
    synchronized (s) {
      if (now.isBefore(s.until)) {
        s.suppressed++;
        return -1;
      }
      long dropped = s.suppressed;
      s.suppressed = 0;
      s.until = now.plus(window);
      return dropped;
    }
  }

  /** A suffix for a log line that says how many like it were left out. */
  static String dropped(long n) {
    return n <= 0 ? "" : " (" + n + " more like it from this client not logged)";
  }
}
