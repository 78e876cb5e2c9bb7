package org.metshub.bench;

import java.util.Arrays;

/** Collects per-call durations and reports percentiles in milliseconds. */
final class Latency {
  private long[] nanos = new long[1024];
  private int n;

  void add(long elapsedNanos) {
    if (n == nanos.length) {
      nanos = Arrays.copyOf(nanos, n * 2);
    }
    nanos[n++] = elapsedNanos;
  }

  double percentile(double p) {
    if (n == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(nanos, n);
    Arrays.sort(sorted);
    int idx = (int) Math.ceil(p / 100.0 * n) - 1;
    return sorted[Math.max(0, Math.min(n - 1, idx))] / 1e6;
  }

  int count() {
    return n;
  }
}
