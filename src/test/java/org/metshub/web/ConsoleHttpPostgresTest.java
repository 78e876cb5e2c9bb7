package org.metshub.web;

/**
 * The same console and suggest tests on PostgreSQL, when METSHUB_TEST_PG_URL is set (always in CI,
 * where its absence is a failure); otherwise every test shows as skipped.
 */
class ConsoleHttpPostgresTest extends ConsoleHttpTests {
  @Override
  String vendor() {
    return "postgresql";
  }
}
