package org.metshub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.metshub.testing.MutableClock;
import org.metshub.testing.TestDatabases;

/** Per-client limits kept in SQL, so that every node counts the same events. */
class RateLimitsTest {
  // The start of an hour-long window (epoch seconds divisible by 3600).
  private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void atMostMaxEventsPerWindowPerClientAndBucket(String vendor, @TempDir Path dir) {
    Database db = TestDatabases.open(vendor, dir);
    MutableClock clock = new MutableClock(START);
    RateLimits suggest = new RateLimits(db, clock, "suggest", 2, Duration.ofHours(1));
    assertThat(suggest.hit("10.0.0.1").allowed()).isTrue();
    assertThat(suggest.hit("10.0.0.1").allowed()).isTrue();
    RateLimits.Decision third = suggest.hit("10.0.0.1");
    assertThat(third.allowed()).isFalse();
    assertThat(third.retryAfterSeconds()).isBetween(1L, 7200L);
    // Another client, another limit: counted apart.
    assertThat(suggest.hit("10.0.0.2").allowed()).isTrue();
    assertThat(
            new RateLimits(db, clock, "feedback", 2, Duration.ofHours(1)).hit("10.0.0.1").allowed())
        .isTrue();
    // No address is kept.
    Integer kept =
        db.read(
            c -> {
              try (var ps =
                      c.prepareStatement(
                          "SELECT count(*) FROM rate_limit_hits WHERE client LIKE " + "'10.%'");
                  var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
              }
            });
    assertThat(kept).isZero();
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void theWindowSlidesAndRefusedEventsAreNotCounted(String vendor, @TempDir Path dir) {
    Database db = TestDatabases.open(vendor, dir);
    MutableClock clock = new MutableClock(START.plus(Duration.ofMinutes(50)));
    RateLimits limit = new RateLimits(db, clock, "login", 2, Duration.ofHours(1));
    assertThat(limit.hit("a").allowed()).isTrue();
    assertThat(limit.hit("a").allowed()).isTrue();
    for (int i = 0; i < 5; i++) {
      assertThat(limit.hit("a").allowed()).isFalse(); // refused, so not counted
    }
    // 15 minutes later a new fixed window has begun, but the sliding hour still holds most of
    // the two events: 2 * (1 - 5/60) + 1 > 2, refused; it says to wait until that fades.
    clock.advance(Duration.ofMinutes(15));
    RateLimits.Decision early = limit.hit("a");
    assertThat(early.allowed()).isFalse();
    assertThat(early.retryAfterSeconds()).isPositive();
    // After the wait it gave, one more is allowed.
    clock.advance(Duration.ofSeconds(early.retryAfterSeconds()));
    assertThat(limit.hit("a").allowed()).isTrue();
    // Two hours on, everything has left the window, and old rows were swept.
    clock.advance(Duration.ofHours(2));
    assertThat(limit.hit("a").allowed()).isTrue();
    assertThat(limit.hit("a").allowed()).isTrue();
    assertThat(db.rowCount("rate_limit_hits")).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void twoNodesOnOneDatabaseShareTheCount(String vendor, @TempDir Path dir) throws Exception {
    Database db = TestDatabases.open(vendor, dir);
    MutableClock clock = new MutableClock(START);
    // Two limiters on one database stand for two nodes; many requests at once from one client.
    RateLimits nodeA = new RateLimits(db, clock, "suggest", 5, Duration.ofHours(1));
    RateLimits nodeB = new RateLimits(db, clock, "suggest", 5, Duration.ofHours(1));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> all = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        RateLimits node = i % 2 == 0 ? nodeA : nodeB;
        all.add(pool.submit(() -> node.hit("10.9.9.9").allowed()));
      }
      int allowed = 0;
      for (Future<Boolean> f : all) {
        allowed += f.get() ? 1 : 0;
      }
      assertThat(allowed).isEqualTo(5);
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void aLimitWithoutRoomOrWindowIsRefused(String vendor, @TempDir Path dir) {
    Database db = TestDatabases.open(vendor, dir);
    MutableClock clock = new MutableClock(START);
    assertThrows(
        IllegalArgumentException.class,
        () -> new RateLimits(db, clock, "x", 0, Duration.ofHours(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RateLimits(db, clock, "x", 1, Duration.ofMillis(10)));
  }
}
