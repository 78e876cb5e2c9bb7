package org.metshub.web;

/** The console and suggest tests on the default store, SQLite. */
class ConsoleHttpSqliteTest extends ConsoleHttpTests {
  @Override
  String vendor() {
    return "sqlite";
  }
}
