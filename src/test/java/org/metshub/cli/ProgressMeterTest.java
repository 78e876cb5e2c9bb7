package org.metshub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress: a line every few seconds for logs, a bar redrawn in place on a terminal. */
class ProgressMeterTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void notOnATerminalItWritesALineEveryFiveSecondsWithRateAndTimeLeft() {
    StringWriter out = new StringWriter();
    AtomicLong now = new AtomicLong();
    ProgressMeter m = new ProgressMeter("passages", new PrintWriter(out), false, now::get);
    m.update(0, 1000);
    for (int done = 10; done < 1000; done += 10) {
      now.addAndGet(SECOND / 4); // 40 passages a second
      m.update(done, 1000);
    }
    now.addAndGet(SECOND / 4);
    m.update(1000, 1000);
    String[] lines = out.toString().split("\n");
    // 25 s of work: a line at 5, 10, 15, 20 s and the last one.
    assertThat(lines).hasSize(5);
    assertThat(lines[0]).isEqualTo("metshub: 200 of 1,000 passages, 40.0/s, 20 s left");
    assertThat(lines[4]).isEqualTo("metshub: 1,000 of 1,000 passages, 40.0/s, done in 25 s");
    assertThat(out.toString()).doesNotContain("\r");
  }

  @Test
  void workThatEndsWithinFiveSecondsLeavesNoLineInALog() {
    StringWriter out = new StringWriter();
    AtomicLong now = new AtomicLong();
    ProgressMeter m = new ProgressMeter("passages", new PrintWriter(out), false, now::get);
    m.update(0, 10);
    now.addAndGet(SECOND);
    m.update(10, 10);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void onATerminalItRedrawsABarInPlace() {
    StringWriter out = new StringWriter();
    AtomicLong now = new AtomicLong();
    ProgressMeter m = new ProgressMeter("passages", new PrintWriter(out), true, now::get);
    m.update(0, 100);
    now.addAndGet(SECOND);
    m.update(50, 100);
    assertThat(out.toString())
        .startsWith(
            "\r[" + "#".repeat(15) + ".".repeat(15) + "] 50 of 100 passages, 50.0/s, 1 s left");
    now.addAndGet(SECOND);
    m.update(100, 100);
    assertThat(out.toString()).endsWith("100 of 100 passages, 50.0/s, done in 2 s\u001b[K\n");
  }

  @Test
  void durationsReadAsMinutesAndHours() {
    assertThat(ProgressMeter.duration(59)).isEqualTo("59 s");
    assertThat(ProgressMeter.duration(97)).isEqualTo("1 min 37 s");
    assertThat(ProgressMeter.duration(2 * 3600 + 125)).isEqualTo("2 h 02 min");
  }
}
