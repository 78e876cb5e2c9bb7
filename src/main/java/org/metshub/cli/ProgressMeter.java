package org.metshub.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.metshub.search.IndexProgress;

/**
 * Shows how long work is going on standard error: count done of total, rate, and time left. On a
 * terminal it redraws one bar in place (at most ten times a second); otherwise (a log file, a pipe,
 * systemd) it writes a whole line every {@link #LINE_EVERY_NANOS} so the log stays short. Small and
 * dependency-free because the two modes are all we need; me.tongfei:progressbar does the bar but
 * pulls in JLine for its terminal handling, and it is not in the package list this project checks
 * dependencies against. Thread-safe (synchronised): import reports from the threads of a parallel
 * stream.
 */
final class ProgressMeter implements IndexProgress {
  static final long LINE_EVERY_NANOS = 5_000_000_000L;
  private static final long REDRAW_EVERY_NANOS = 100_000_000L;
  private static final int BAR = 30;

  private final String what;
  private final PrintWriter err;
  private final boolean terminal;
  private final LongSupplier nanoTime;
  private long started = -1;
  private long lastShown;
  private boolean drawn;

  ProgressMeter(String what, Env env) {
    this(what, env.err(), env.terminal(), System::nanoTime);
  }

  ProgressMeter(String what, PrintWriter err, boolean terminal, LongSupplier nanoTime) {
    this.what = what;
    this.err = err;
    this.terminal = terminal;
    this.nanoTime = nanoTime;
  }

  @Override
  public void passages(long done, long total) {
    update(done, total);
  }

  /** Records that {@code done} of {@code total} are done; shows it when it is time. */
  synchronized void update(long done, long total) {
    long now = nanoTime.getAsLong();
    if (started < 0 || done == 0) {
      started = now;
      lastShown = now;
      return;
    }
    boolean last = done >= total;
    long every = terminal ? REDRAW_EVERY_NANOS : LINE_EVERY_NANOS;
    if (!last && now - lastShown < every) {
      return;
    }
    lastShown = now;
    String line = line(done, total, now - started);
    if (terminal) {
      err.print("\r" + line + "\u001b[K");
      drawn = true;
      if (last) {
        err.println();
        drawn = false;
      }
    } else if (!last || now - started >= LINE_EVERY_NANOS) {
      // Work that ends within the first few seconds is not worth a line in a log.
      err.println("metshub: " + line);
    }
    err.flush();
  }

  /** Ends a bar left half-drawn (work stopped early). */
  synchronized void finish() {
    if (drawn) {
      err.println();
      err.flush();
      drawn = false;
    }
  }

  /** {@code [#####.....] 1,200 of 4,800 passages, 37.5/s, 1 min 36 s left}. */
  String line(long done, long total, long elapsedNanos) {
    double seconds = elapsedNanos / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    StringBuilder sb = new StringBuilder();
    if (terminal) {
      int filled = total == 0 ? BAR : (int) (BAR * Math.min(1.0, (double) done / total));
      sb.append('[').append("#".repeat(filled)).append(".".repeat(BAR - filled)).append("] ");
    }
    sb.append(String.format(Locale.ROOT, "%,d of %,d %s, %.1f/s", done, total, what, rate));
    if (done < total && rate > 0) {
      sb.append(", ").append(duration((total - done) / rate)).append(" left");
    } else if (done >= total) {
      sb.append(", done in ").append(duration(seconds));
    }
    return sb.toString();
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
  }
}
