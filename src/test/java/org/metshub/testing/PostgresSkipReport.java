package org.metshub.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says at the end of a test run how many PostgreSQL tests were skipped and how to run them, so a
 * run without a database cannot pass for a full one. It counts the tests aborted with {@link
 * TestDatabases#PG_SKIPPED} and prints one line when the plan finishes; a run where PostgreSQL was
 * configured (or nothing was skipped) prints nothing.
 *
 * <p>Registered through {@code
 * META-INF/services/org.junit.platform.launcher.TestExecutionListener}, so Maven Surefire and IDEs
 * pick it up. It writes to the JVM's standard error, which Surefire copies to the console before
 * Maven's summary; when the system property {@code metshub.pgSkipReport} names a file (the pom sets
 * {@code target/postgres-skipped.txt}), it also writes the line there, so that {@code ./metshub
 * test} can repeat it as the very last line of the run. Thread-safe: the count is atomic.
 */
public final class PostgresSkipReport implements TestExecutionListener {
  private final AtomicInteger skipped = new AtomicInteger();
  private final PrintStream console;
  private final Optional<Path> file;

  public PostgresSkipReport() {
    this(
        System.err,
        Optional.ofNullable(System.getProperty("metshub.pgSkipReport"))
            .filter(p -> !p.isBlank())
            .map(Path::of));
  }

  PostgresSkipReport(PrintStream console, Optional<Path> file) {
    this.console = console;
    this.file = file;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan plan) {
    skipped.set(0);
    file.ifPresent(
        f -> {
          try {
            Files.deleteIfExists(f); // a stale line from an earlier run must not be repeated
          } catch (IOException e) {
            console.println("PostgresSkipReport: could not delete " + f + ": " + e);
          }
        });
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (test.isTest()
        && result.getStatus() == TestExecutionResult.Status.ABORTED
        && result
            .getThrowable()
            .map(Throwable::getMessage)
            .filter(m -> m.contains(TestDatabases.PG_SKIPPED))
            .isPresent()) {
      skipped.incrementAndGet();
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    int n = skipped.get();
    if (n == 0) {
      return;
    }
    console.println();
    console.println(line(n));
    console.flush();
    file.ifPresent(
        f -> {
          try {
            Files.writeString(f, line(n) + "\n", StandardCharsets.UTF_8);
          } catch (IOException e) {
            console.println("PostgresSkipReport: could not write " + f + ": " + e);
          }
        });
  }

  /** The end-of-run line for {@code n} skipped tests. */
  static String line(int n) {
    return "PostgreSQL suite SKIPPED: "
        + n
        + (n == 1 ? " test" : " tests")
        + " did not run on PostgreSQL because METSHUB_TEST_PG_URL is not set (they ran on"
        + " SQLite only). To run them, set METSHUB_TEST_PG_URL=jdbc:postgresql://HOST:PORT/DB"
        + " with METSHUB_TEST_PG_USER and METSHUB_TEST_PG_PASSWORD, or run 'bash .ci/run',"
        + " which starts a local PostgreSQL.";
  }
}
