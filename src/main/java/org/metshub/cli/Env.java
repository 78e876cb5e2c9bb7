package org.metshub.cli;

import java.io.PrintWriter;
import java.time.Clock;

/**
 * What every command writes to and reads the time from; tests pass their own. {@code terminal}
 * says whether standard error is a terminal (the launcher tells), which decides how progress is
 * shown: a bar redrawn in place, or a line every few seconds for logs.
 */
record Env(PrintWriter out, PrintWriter err, Clock clock, boolean terminal) {
  Env(PrintWriter out, PrintWriter err, Clock clock) {
    this(out, err, clock, false);
  }
}
