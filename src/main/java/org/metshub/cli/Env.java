package org.metshub.cli;

import java.io.PrintWriter;
import java.time.Clock;

/** What every command writes to and reads the time from; tests pass their own. */
record Env(PrintWriter out, PrintWriter err, Clock clock) {}
