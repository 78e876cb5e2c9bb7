package org.metshub.curation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times as stored: ISO-8601 UTC to the second, fixed width, so text order is time order. */
final class Times {
  private Times() {}

  static String now(Clock clock) {
    return text(clock.instant());
  }

  static String text(Instant i) {
    return i.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static Instant parse(String s) {
    return Instant.parse(s);
  }
}
