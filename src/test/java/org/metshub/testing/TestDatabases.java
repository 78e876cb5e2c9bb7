package org.metshub.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.metshub.store.Database;

/**
 * The stores the curation tests run on: always SQLite (a file in the test's folder), and
 * PostgreSQL when {@code METSHUB_TEST_PG_URL} names a database ({@code .ci/run} starts one and
 * sets it, with {@code METSHUB_TEST_PG_USER} and {@code METSHUB_TEST_PG_PASSWORD}). Each
 * PostgreSQL test gets a schema of its own, so tests never see each other's rows. Under
 * {@code CI} a missing PostgreSQL is a failure, not a skip.
 */
public final class TestDatabases {
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
          System.getenv("METSHUB_TEST_PG_PASSWORD"), "t_" + random());
      default -> throw new IllegalArgumentException("unknown vendor " + vendor);
    };
  }

  private static String pgUrl() {
    String u = System.getenv("METSHUB_TEST_PG_URL");
    return u == null || u.isBlank() ? null : u;
  }

  private static String random() {
    byte[] b = new byte[6];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
