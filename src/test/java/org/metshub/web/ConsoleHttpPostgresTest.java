package org.metshub.web;

import org.junit.jupiter.api.Assumptions;
import org.metshub.testing.TestDatabases;

/**
 * The same console and suggest tests on PostgreSQL, when METSHUB_TEST_PG_URL is set (always in
 * CI, where its absence is a failure).
 */
class ConsoleHttpPostgresTest extends ConsoleHttpTests {
  @Override
  String vendor() {
    Assumptions.assumeTrue(TestDatabases.vendors().contains("postgresql"),
        "METSHUB_TEST_PG_URL is not set: PostgreSQL tests skipped");
    return "postgresql";
  }
}
