package org.metshub.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.metshub.App;
import org.metshub.Config;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.store.Database;
import picocli.CommandLine.Option;

/** Where the operational database is: --db, else METSHUB_DB_URL, else DATA/metshub.db. */
final class DbOptions {
  @Option(
      names = "--db",
      paramLabel = "JDBC_URL",
      description =
          "The database: a jdbc:postgresql:// URL (user and password from "
              + "METSHUB_DB_USER and METSHUB_DB_PASSWORD) or jdbc:sqlite:FILE. Default: "
              + "$METSHUB_DB_URL, else DATA/metshub.db.")
  @Nullable String url;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "The data folder, home of the default SQLite database (default: ./data).")
  @Nullable Path data;

  /** The flags given, by setting key, for {@link Env#config}. */
  Map<String, String> flags() {
    Map<String, String> flags = new HashMap<>();
    if (url != null) {
      flags.put("db.url", url);
    }
    if (data != null) {
      flags.put("data", data.toString());
    }
    return flags;
  }

  /** Opens the configured database; one that cannot be opened is a usage error. */
  Database open(Env env) {
    Config config = env.config(flags());
    try {
      return App.database(config);
    } catch (BadInput e) {
      throw new UsageException(e.getMessage()); // --db or METSHUB_DB_URL is not one we take
    }
  }
}
