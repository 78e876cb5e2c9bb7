package org.metshub.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times as stored: ISO-8601 UTC to the second, fixed width, so text order is time order. */
public final class Times {
  private Times() {}

  public static String now(Clock clock) {
    return text(clock.instant());
  }

  public static String text(Instant i) {
    return i.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  public static Instant parse(String s) {
    return Instant.parse(s);
  }
}
