package org.metshub.cli;

import java.nio.file.Path;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.store.Database;
import picocli.CommandLine.Option;

/** Where the operational database is: --db, else METSHUB_DB_URL, else DATA/metshub.db. */
final class DbOptions {
  @Option(
      names = "--db",
      paramLabel = "JDBC_URL",
      description = "The database: a jdbc:postgresql:// URL (user and password from "
          + "METSHUB_DB_USER and METSHUB_DB_PASSWORD) or jdbc:sqlite:FILE. Default: "
          + "$METSHUB_DB_URL, else DATA/metshub.db.")
  String url;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "The data folder, home of the default SQLite database (default: ./data).")
  Path data;

  Path dataDir() {
    return data != null ? data : Path.of("data");
  }

  String urlOrNull() {
    return url != null ? url : System.getenv("METSHUB_DB_URL");
  }

  Database open() {
    if (url != null && !url.startsWith("jdbc:")) {
      throw new UsageException("--db must be a JDBC URL (jdbc:postgresql://HOST/DB or "
          + "jdbc:sqlite:FILE), got '" + url + "'");
    }
    try {
      return Database.configured(urlOrNull(), dataDir());
    } catch (BadInput e) {
      throw new UsageException(e.getMessage()); // --db or METSHUB_DB_URL is not one we take
    }
  }
}
