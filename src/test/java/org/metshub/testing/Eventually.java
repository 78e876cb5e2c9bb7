package org.metshub.testing;

import java.util.function.BooleanSupplier;

/**
 * Waits for something another thread or process does (a KB folder looked at, a node started): polls
 * a condition up to a generous bound. No timing is asserted, only the outcome.
 */
public final class Eventually {
  private Eventually() {}

  /** True as soon as {@code condition} holds, false if it still does not after the bound. */
  public static boolean within(long millis, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return condition.getAsBoolean();
  }
}
