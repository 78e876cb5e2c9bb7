package org.metshub.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.metshub.store.Database;

/**
 * The stores the curation tests run on: always SQLite (a file in the test's folder), and
 * PostgreSQL when {@code METSHUB_TEST_PG_URL} names a database ({@code .ci/run} starts one and
 * sets it, with {@code METSHUB_TEST_PG_USER} and {@code METSHUB_TEST_PG_PASSWORD}). Each
 * PostgreSQL test gets a schema of its own, so tests never see each other's rows; the schemas
 * a test JVM made are dropped when it exits. Under {@code CI} a missing PostgreSQL is a
 * failure, not a skip.
 */
public final class TestDatabases {
  private static final List<String> SCHEMAS = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropSchemas,
        "drop-test-schemas"));
  }

  private TestDatabases() {}

  /** The vendors to run on: "sqlite", and "postgresql" when configured. */
  public static List<String> vendors() {
    List<String> out = new ArrayList<>(List.of("sqlite"));
    if (pgUrl() != null) {
      out.add("postgresql");
    } else if (System.getenv("CI") != null) {
      throw new IllegalStateException("CI is set but METSHUB_TEST_PG_URL is not: the store "
          + "tests must also run on PostgreSQL (see .ci/run)");
    } else {
      System.err.println("TestDatabases: METSHUB_TEST_PG_URL is not set; the store tests run "
          + "on SQLite only");
    }
    return out;
  }

  /** A fresh, migrated store of {@code vendor}; SQLite lives in {@code dir}. */
  public static Database open(String vendor, Path dir) {
    return switch (vendor) {
      case "sqlite" -> Database.sqlite(dir.resolve("test-" + random() + ".db"));
      case "postgresql" -> Database.open(pgUrl(), System.getenv("METSHUB_TEST_PG_USER"),
          System.getenv("METSHUB_TEST_PG_PASSWORD"), newPgSchema());
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
    try (Connection c = DriverManager.getConnection(pgUrl(),
            System.getenv("METSHUB_TEST_PG_USER"), System.getenv("METSHUB_TEST_PG_PASSWORD"));
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
