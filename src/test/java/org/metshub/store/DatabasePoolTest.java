package org.metshub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.error.MetsHubException.Internal;
import org.metshub.testing.TestDatabases;

/** PostgreSQL connections from a pool: what serve and the CLI use when METSHUB_DB_URL is set. */
class DatabasePoolTest {
  @Test
  void pooledTransactionsCommitRollBackAndNeverExceedThePool() throws Exception {
    TestDatabases.require("postgresql");
    String schema = TestDatabases.newPgSchema();
    Database db =
        Database.open(
                TestDatabases.pgUrl(),
                System.getenv("METSHUB_TEST_PG_USER"),
                System.getenv("METSHUB_TEST_PG_PASSWORD"),
                schema)
            .pool(3);
    assertThat(db.pooled()).isTrue();
    ExecutorService threads = Executors.newFixedThreadPool(12);
    try {
      List<Future<Integer>> all = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        int n = i;
        all.add(
            threads.submit(
                () ->
                    db.tx(
                        c -> {
                          try (PreparedStatement ps =
                              c.prepareStatement(
                                  "INSERT INTO rate_limit_hits (bucket, "
                                      + "client, window_number, hits) VALUES ('pool', ?, 1, 1)")) {
                            ps.setString(1, "c" + n);
                            return ps.executeUpdate();
                          }
                        })));
      }
      for (Future<Integer> f : all) {
        assertThat(f.get()).isEqualTo(1);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(db.rowCount("rate_limit_hits")).isEqualTo(60);
    // A failed transaction is rolled back, and its connection goes back to the pool in
    // auto-commit mode: the next read sees neither its row nor a half-open transaction.
    assertThrows(
        Internal.class,
        () ->
            db.tx(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "INSERT INTO rate_limit_hits (bucket, "
                              + "client, window_number, hits) VALUES ('pool', 'late', 1, 1)")) {
                    ps.executeUpdate();
                  }
                  throw new SQLException("failed on purpose");
                }));
    assertThat(db.rowCount("rate_limit_hits")).isEqualTo(60);
    // The connections this pool holds: at most its size.
    Integer open =
        db.read(
            c -> {
              try (var ps =
                      c.prepareStatement(
                          "SELECT count(*) FROM pg_stat_activity WHERE "
                              + "application_name = 'PostgreSQL JDBC Driver' AND datname = current_database() AND "
                              + "pid <> pg_backend_pid() AND query LIKE '%rate_limit_hits%'");
                  var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
              }
            });
    assertThat(open).isLessThanOrEqualTo(2);
  }

  @Test
  void onlyPostgresqlIsPooledAndThePoolHasASaneSize(@TempDir Path dir) {
    Database sqlite = Database.sqlite(dir.resolve("x.db"));
    assertThrows(IllegalStateException.class, () -> sqlite.pool(4));
    assertThat(sqlite.pooled()).isFalse();
    TestDatabases.require("postgresql");
    Database pg =
        Database.open(
            TestDatabases.pgUrl(),
            System.getenv("METSHUB_TEST_PG_USER"),
            System.getenv("METSHUB_TEST_PG_PASSWORD"),
            TestDatabases.newPgSchema());
    assertThrows(IllegalArgumentException.class, () -> pg.pool(0));
    assertThrows(IllegalArgumentException.class, () -> pg.pool(101));
  }
}
