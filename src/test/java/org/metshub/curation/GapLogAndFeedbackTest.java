package org.metshub.curation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.metshub.answer.GapLog;
import org.metshub.answer.store.SqlGapLog;
import org.metshub.store.Database;
import org.metshub.testing.MutableClock;
import org.metshub.testing.TestDatabases;

/** Content gaps and reader feedback in the store. */
class GapLogAndFeedbackTest {
  private static final Instant START = Instant.parse("2026-11-22T10:15:30Z");

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void similarQuestionsAreOneGroupPerLanguage(String vendor, @TempDir Path dir) {
    Database db = TestDatabases.open(vendor, dir);
    MutableClock clock = new MutableClock(START);
    SqlGapLog gaps = new SqlGapLog(db, clock);
    gaps.record("What is X?", "en", "no_match", false, List.of("a#One"));
    clock.advance(Duration.ofDays(2));
    gaps.record("what is x", "en", "low_confidence", false, List.of());
    gaps.record("What  is -- X!!", "en", "no_match", false, List.of());
    gaps.record("What is X?", "es", "no_match", false, List.of());
    gaps.record("What is Y?", "en", "no_match", false, List.of());

    List<SqlGapLog.Detail> details = gaps.details(10);
    assertThat(details).hasSize(3);
    SqlGapLog.Detail x = details.get(0);
    assertThat(x.question()).isEqualTo("What is X?");
    assertThat(x.language()).isEqualTo("en");
    assertThat(x.count()).isEqualTo(3);
    assertThat(x.firstDay()).isEqualTo("2026-11-22");
    assertThat(x.lastDay()).isEqualTo("2026-11-24");
    assertThat(x.reason()).isEqualTo("no_match");
    assertThat(gaps.gaps(10))
        .extracting(GapLog.Gap::question, GapLog.Gap::language, GapLog.Gap::count)
        .contains(
            org.assertj.core.groups.Tuple.tuple("What is X?", "en", 3),
            org.assertj.core.groups.Tuple.tuple("What is X?", "es", 1),
            org.assertj.core.groups.Tuple.tuple("What is Y?", "en", 1));
    assertThat(gaps.gaps(1)).hasSize(1);
    // Days only: no time of day is kept.
    assertThat(details)
        .allSatisfy(
            d -> assertThat(d.firstDay() + d.lastDay()).doesNotContain("T").doesNotContain(":"));
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void aGapKeepsItsLastReasonWithItsKindAndValues(String vendor, @TempDir Path dir) {
    Database db = TestDatabases.open(vendor, dir);
    SqlGapLog gaps = new SqlGapLog(db, new MutableClock(START));
    gaps.record("how much is it", "en", "an old reason", false, List.of());
    assertThat(gaps.details(10).getFirst().why())
        .isEqualTo(new org.metshub.answer.Reason("", List.of(), "an old reason"));
    org.metshub.answer.Reason weak =
        new org.metshub.answer.Reason(
            "tooWeak",
            List.of("Can scalp cooling\nprevent hair loss?", "hair-loss", "0.61", "0.84"),
            "the closest section answers too weakly");
    gaps.record("How much is it?", "en", weak, false, List.of("hair-loss#Cold caps"));
    SqlGapLog.Detail d = gaps.details(10).getFirst();
    assertThat(d.count()).isEqualTo(2);
    assertThat(d.reason()).isEqualTo("the closest section answers too weakly");
    // A line break in a value would split it: it is kept as a space.
    assertThat(d.why())
        .isEqualTo(
            new org.metshub.answer.Reason(
                "tooWeak",
                List.of("Can scalp cooling prevent hair loss?", "hair-loss", "0.61", "0.84"),
                "the closest section answers too weakly"));
    // An empty value keeps its place.
    gaps.record(
        "what else",
        "en",
        new org.metshub.answer.Reason("otherCancer", List.of("", "lung"), "t"),
        false,
        List.of());
    assertThat(gaps.details(10))
        .filteredOn(x -> x.question().equals("what else"))
        .singleElement()
        .satisfies(x -> assertThat(x.why().args()).containsExactly("", "lung"));
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void aGapKeepsTheSectionsLastOfferedAndOnceAFollowUpStaysOne(String vendor, @TempDir Path dir) {
    Database db = TestDatabases.open(vendor, dir);
    SqlGapLog gaps = new SqlGapLog(db, new MutableClock(START));
    gaps.record("and the liver?", "en", "no_match", true, List.of("liver#Symptoms"));
    gaps.record(
        "And the liver", "en", "no_match", false, List.of("liver#How it is treated", "bone#Pain"));
    gaps.record("what is a pet scan", "en", "no_match", false, List.of());

    List<SqlGapLog.Detail> details = gaps.details(10);
    SqlGapLog.Detail liver = details.get(0);
    assertThat(liver.key()).isEqualTo("and the liver");
    assertThat(liver.followUp()).isTrue();
    assertThat(liver.sections()).containsExactly("liver#How it is treated", "bone#Pain");
    SqlGapLog.Detail pet = details.get(1);
    assertThat(pet.followUp()).isFalse();
    assertThat(pet.sections()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void concurrentRecordingLosesNoCounts(String vendor, @TempDir Path dir) throws Exception {
    Database db = TestDatabases.open(vendor, dir);
    SqlGapLog gaps = new SqlGapLog(db, new MutableClock(START));
    int threads = 20;
    int each = 5;
    CyclicBarrier barrier = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int n = t;
        fs.add(
            pool.submit(
                () -> {
                  barrier.await(10, TimeUnit.SECONDS);
                  for (int i = 0; i < each; i++) {
                    gaps.record(
                        n % 2 == 0 ? "Can it spread to the eye?" : "can it spread to the EYE",
                        "en",
                        "no_match",
                        false,
                        List.of());
                    gaps.record("Question " + n, "en", "no_match", false, List.of());
                  }
                  return null;
                }));
      }
      for (Future<?> f : fs) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    List<SqlGapLog.Detail> details = gaps.details(100);
    assertThat(details).hasSize(threads + 1);
    assertThat(details.get(0).count()).isEqualTo(threads * each);
    assertThat(details.subList(1, details.size()))
        .allSatisfy(d -> assertThat(d.count()).isEqualTo(each));
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void feedbackIsStoredScrubbedWithItsHelpfulFlag(String vendor, @TempDir Path dir) {
    Database db = TestDatabases.open(vendor, dir);
    Feedback feedback = new Feedback(db, new MutableClock(START));
    feedback.record(
        "My name is Jane Doe, email jane.doe@example.com, phone +1 555 123 4567: "
            + "does bone pain mean it spread?",
        "conv-1",
        "answered",
        true,
        "Thanks! Call me on 555-123-4567 or write to jd@mail.example.org");
    feedback.record("What is a PET scan?", null, null, false, null);

    assertThat(feedback.count()).isEqualTo(2);
    List<Feedback.Entry> recent = feedback.recent(10);
    assertThat(recent).hasSize(2);
    Feedback.Entry newest = recent.get(0);
    assertThat(newest.question()).isEqualTo("What is a PET scan?");
    assertThat(newest.helpful()).isFalse();
    assertThat(newest.conversationId()).isEmpty();
    assertThat(newest.outcome()).isEmpty();
    assertThat(newest.comment()).isEmpty();

    Feedback.Entry first = recent.get(1);
    assertThat(first.helpful()).isTrue();
    assertThat(first.conversationId()).isEqualTo("conv-1");
    assertThat(first.outcome()).isEqualTo("answered");
    assertThat(first.at()).isEqualTo("2026-11-22T10:15:30Z");
    assertThat(first.question())
        .contains("[email]", "[number]", "[name]", "does bone pain mean it spread?")
        .doesNotContain("jane.doe", "example.com", "555", "Jane", "Doe");
    assertThat(first.comment())
        .contains("[number]", "[email]")
        .doesNotContain("555", "jd@", "mail.example.org");
    assertThat(feedback.recent(1)).containsExactly(newest);
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void longFeedbackIsClipped(String vendor, @TempDir Path dir) {
    Database db = TestDatabases.open(vendor, dir);
    Feedback feedback = new Feedback(db, new MutableClock(START));
    feedback.record("q".repeat(5000), "c", "answered", true, "w ".repeat(3000));
    Feedback.Entry e = feedback.recent(1).get(0);
    assertThat(e.question().length()).isLessThanOrEqualTo(2001);
    assertThat(e.comment().length()).isLessThanOrEqualTo(Feedback.MAX_COMMENT + 1);
  }
}
