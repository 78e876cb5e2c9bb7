package org.metshub.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.metshub.store.Database;

/**
 * The stores the curation tests run on: always SQLite (a file in the test's folder), and PostgreSQL
 * when {@code METSHUB_TEST_PG_URL} names a database ({@code .ci/run} starts one and sets it, with
 * {@code METSHUB_TEST_PG_USER} and {@code METSHUB_TEST_PG_PASSWORD}). Each PostgreSQL test gets a
 * schema of its own, so tests never see each other's rows; the schemas a test JVM made are dropped
 * when it exits. Without PostgreSQL its cases are skipped (JUnit assumptions, so they count as
 * skipped) and the end of the run says so; under {@code CI} a missing PostgreSQL is a failure, not
 * a skip.
 */
public final class TestDatabases {
  private static final List<String> SCHEMAS = new ArrayList<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(TestDatabases::dropSchemas, "drop-test-schemas"));
  }

  private TestDatabases() {}

  /**
   * Why a PostgreSQL test did not run; {@link PostgresSkipReport} counts the tests aborted with
   * this message and says how many at the end of the run.
   */
  public static final String PG_SKIPPED = "METSHUB_TEST_PG_URL is not set: PostgreSQL test skipped";

  /**
   * The vendors every store test runs on: "sqlite" and "postgresql". The PostgreSQL cases are
   * always listed, so that without a database they show as skipped rather than vanish.
   */
  public static List<String> vendors() {
    return List.of("sqlite", "postgresql");
  }

  /** Whether {@code vendor} can run here: SQLite always, PostgreSQL when configured. */
  public static boolean available(String vendor) {
    return !vendor.equals("postgresql") || pgUrl() != null;
  }

  /**
   * Skips the running test unless {@code vendor} is available; under {@code CI} a missing
   * PostgreSQL fails the test instead (.ci/run always starts one).
   */
  public static void require(String vendor) {
    if (available(vendor)) {
      return;
    }
    if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
      fail(
          "CI is set but METSHUB_TEST_PG_URL is not: the store tests must also run on "
              + "PostgreSQL (see .ci/run)");
    }
    Assumptions.abort(PG_SKIPPED);
  }

  /** A fresh, migrated store of {@code vendor}; SQLite lives in {@code dir}. */
  public static Database open(String vendor, Path dir) {
    require(vendor);
    return switch (vendor) {
      case "sqlite" -> Database.sqlite(dir.resolve("test-" + random() + ".db"));
      case "postgresql" ->
          Database.open(
              pgUrl(),
              System.getenv("METSHUB_TEST_PG_USER"),
              System.getenv("METSHUB_TEST_PG_PASSWORD"),
              newPgSchema());
      default -> throw new IllegalArgumentException("unknown vendor " + vendor);
    };
  }

  /** The configured PostgreSQL URL, or null. */
  public static String pgUrl() {
    String u = System.getenv("METSHUB_TEST_PG_URL");
    return u == null || u.isBlank() ? null : u;
  }

  /** A new schema name for a PostgreSQL test, dropped (with its tables) when the JVM exits. */
  public static String newPgSchema() {
    require("postgresql");
    String name = "t_" + random();
    synchronized (SCHEMAS) {
      SCHEMAS.add(name);
    }
    return name;
  }

  private static void dropSchemas() {
    List<String> names;
    synchronized (SCHEMAS) {
      names = List.copyOf(SCHEMAS);
    }
    if (names.isEmpty() || pgUrl() == null) {
      return;
    }
    try (Connection c =
            DriverManager.getConnection(
                pgUrl(),
                System.getenv("METSHUB_TEST_PG_USER"),
                System.getenv("METSHUB_TEST_PG_PASSWORD"));
        Statement s = c.createStatement()) {
      for (String name : names) {
        s.executeUpdate("DROP SCHEMA IF EXISTS " + name + " CASCADE");
      }
    } catch (SQLException e) {
      System.err.println("TestDatabases: could not drop the test schemas: " + e.getMessage());
    }
  }

  private static String random() {
    byte[] b = new byte[6];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
