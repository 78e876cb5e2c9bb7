package org.metshub.testing;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says at the end of a test run how many PostgreSQL tests were skipped and how to run them, so
 * a run without a database cannot pass for a full one. It counts the tests aborted with
 * {@link TestDatabases#PG_SKIPPED} and prints one line when the plan finishes; a run where
 * PostgreSQL was configured (or nothing was skipped) prints nothing.
 *
 * <p>Registered through {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener},
 * so Maven Surefire and IDEs pick it up. It writes to the JVM's standard error, which Surefire
 * copies to the console. Thread-safe: the count is atomic.
 */
public final class PostgresSkipReport implements TestExecutionListener {
  private final AtomicInteger skipped = new AtomicInteger();
  private final PrintStream console;

  public PostgresSkipReport() {
    this(System.err);
  }

  PostgresSkipReport(PrintStream console) {
    this.console = console;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan plan) {
    skipped.set(0);
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (test.isTest() && result.getStatus() == TestExecutionResult.Status.ABORTED
        && result.getThrowable().map(Throwable::getMessage)
            .filter(m -> m.contains(TestDatabases.PG_SKIPPED)).isPresent()) {
      skipped.incrementAndGet();
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    int n = skipped.get();
    if (n > 0) {
      console.println(line(n));
      console.flush();
    }
  }

  /** The end-of-run line for {@code n} skipped tests. */
  static String line(int n) {
    return "PostgreSQL suite SKIPPED: " + n + (n == 1 ? " test" : " tests")
        + " did not run on PostgreSQL because METSHUB_TEST_PG_URL is not set (they ran on"
        + " SQLite only). To run them, set METSHUB_TEST_PG_URL=jdbc:postgresql://HOST:PORT/DB"
        + " with METSHUB_TEST_PG_USER and METSHUB_TEST_PG_PASSWORD, or run 'bash .ci/run',"
        + " which starts a local PostgreSQL.";
  }
}
