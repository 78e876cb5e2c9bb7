package org.metshub.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.Internal;
import org.metshub.error.MetsHubException.NotFound;
import org.metshub.error.MetsHubException.Unavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operational store: a SQLite file in the data folder by default, PostgreSQL when a JDBC URL is
 * configured. Opening it runs the Flyway migrations of its vendor ({@code db/migration/sqlite} or
 * {@code db/migration/postgresql}). Every unit of work runs in one transaction on its own
 * connection ({@link #tx}); a commit that returns is durable: SQLite runs in WAL mode with {@code
 * synchronous=FULL} (a commit is fsynced before it returns) and foreign keys on, PostgreSQL with
 * its default {@code synchronous_commit=on}. Thread-safe.
 *
 * <p>No connection pool: curation traffic is a few writes a minute, a SQLite connection opens in
 * well under a millisecond, and a PostgreSQL one in a few; a pool can be put behind {@link
 * #connect} when that changes.
 */
public final class Database {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  /** The SQL dialects the migrations and queries are written for. */
  public enum Vendor {
    SQLITE,
    POSTGRESQL
  }

  private final String url;
  private final Properties props;
  private final Vendor vendor;
  private final @Nullable String schema;

  /** Pooled connections (PostgreSQL opened by {@link #configured}); null: one per use. */
  private volatile com.zaxxer.hikari.@Nullable HikariDataSource pool;

  /**
   * SQLite lets one transaction write at a time; the others would wait in its busy handler, which
   * sleeps in steps of up to 100 ms and so gave the answer API a p99 of half a second under eight
   * concurrent readers' writes. This process's write transactions queue here instead, in arrival
   * order, and each starts as soon as the one before commits. (Other processes on the same file, a
   * CLI beside the server, still meet the busy timeout.)
   */
  private final java.util.concurrent.locks.ReentrantLock sqliteWriters =
      new java.util.concurrent.locks.ReentrantLock(/* fair= */ true);

  /** Connections a node keeps to PostgreSQL at most, unless configured otherwise. */
  public static final int POOL_SIZE = 8;

  /**
   * Where the store is and how to log in, as configured ({@code metshub config} shows it). {@code
   * toString} masks the password.
   *
   * @param url a {@code jdbc:postgresql://} or {@code jdbc:sqlite:} URL; empty: the SQLite file in
   *     the data folder
   * @param user the PostgreSQL user, if any
   * @param password the PostgreSQL password, if any
   * @param poolSize connections a node keeps to PostgreSQL at most (see {@link #pool})
   */
  public record Settings(
      Optional<String> url, Optional<String> user, Optional<String> password, int poolSize) {
    /** The SQLite file in the data folder, with the default pool size for PostgreSQL. */
    public static final Settings DEFAULT =
        new Settings(Optional.empty(), Optional.empty(), Optional.empty(), POOL_SIZE);

    public Settings {
      if (poolSize < 1 || poolSize > 100) {
        throw new IllegalArgumentException("a pool of 1 to 100 connections, got " + poolSize);
      }
    }

    /** These settings with the store at {@code jdbcUrl}. */
    public Settings withUrl(String jdbcUrl) {
      return new Settings(Optional.of(jdbcUrl), user, password, poolSize);
    }

    @Override
    public String toString() {
      return "Settings[url="
          + url.map(Database::redact)
          + ", user="
          + user
          + ", password="
          + password.map(p -> "***")
          + ", poolSize="
          + poolSize
          + "]";
    }
  }

  private Database(
      String url, @Nullable String user, @Nullable String password, @Nullable String schema) {
    this.url = url;
    this.vendor = vendorOf(url);
    this.schema = schema;
    this.props = new Properties();
    if (user != null && !user.isBlank()) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    if (vendor == Vendor.SQLITE) {
      // Applied by the driver to every connection it opens.
      props.setProperty("journal_mode", "WAL");
      props.setProperty("synchronous", "FULL");
      props.setProperty("foreign_keys", "true");
      props.setProperty("busy_timeout", "10000");
      // Writers take the lock when the transaction begins, so a transaction that reads before
      // it writes waits its turn instead of failing with SQLITE_BUSY_SNAPSHOT.
      props.setProperty("transaction_mode", "IMMEDIATE");
    }
  }

  /** The default store: {@code DATA/metshub.db}. */
  public static Database sqlite(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (java.io.IOException e) {
      throw new Internal("cannot create the folder of " + file + ": " + e.getMessage(), e);
    }
    return open("jdbc:sqlite:" + file.toAbsolutePath(), null, null, null);
  }

  /**
   * Opens and migrates the store at {@code url}. {@code schema}, for PostgreSQL only, puts the
   * tables in that schema (created when missing); tests use one schema each.
   */
  public static Database open(
      String url, @Nullable String user, @Nullable String password, @Nullable String schema) {
    Database db = new Database(url, user, password, schema);
    db.migrate();
    return db;
  }

  /**
   * The configured store: PostgreSQL (with a pool of {@code poolSize} connections) or SQLite at the
   * settings' URL; without one, the SQLite file in {@code data}.
   */
  public static Database configured(Settings settings, Path data) {
    if (settings.url().isEmpty() || settings.url().get().isBlank()) {
      return sqlite(data.resolve("metshub.db"));
    }
    Database db =
        open(
            settings.url().get(),
            settings.user().orElse(null),
            settings.password().orElse(null),
            null);
    if (db.vendor == Vendor.POSTGRESQL) {
      db.pool(settings.poolSize());
    }
    return db;
  }

  /**
   * From now on, connections come from a pool of at most {@code size} (PostgreSQL): a connection
   * per transaction costs PostgreSQL an authenticated handshake, and a node with many requests in
   * flight would open as many connections. Each node of a cluster holds at most {@code size}, so 10
   * nodes of 8 stay under PostgreSQL's default of 100. Idle connections beyond one are closed after
   * a minute. The pool is released when the process ends.
   */
  public Database pool(int size) {
    if (vendor != Vendor.POSTGRESQL) {
      throw new IllegalStateException("only PostgreSQL connections are pooled");
    }
    if (size < 1 || size > 100) {
      throw new IllegalArgumentException("a pool of 1 to 100 connections, got " + size);
    }
    com.zaxxer.hikari.HikariConfig c = new com.zaxxer.hikari.HikariConfig();
    c.setJdbcUrl(url);
    c.setDataSourceProperties(props);
    c.setMaximumPoolSize(size);
    c.setMinimumIdle(1);
    c.setIdleTimeout(60_000);
    c.setPoolName("metshub-db");
    c.setAutoCommit(true);
    if (schema != null) {
      c.setConnectionInitSql("SET search_path TO \"" + schema.replace("\"", "") + "\"");
    }
    this.pool = new com.zaxxer.hikari.HikariDataSource(c);
    return this;
  }

  /** Whether connections come from a pool ({@link #pool}). */
  public boolean pooled() {
    return pool != null;
  }

  static Vendor vendorOf(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    if (u.startsWith("jdbc:sqlite:")) {
      return Vendor.SQLITE;
    }
    if (u.startsWith("jdbc:postgresql:")) {
      return Vendor.POSTGRESQL;
    }
    throw new BadInput(
        "unsupported database URL '"
            + redact(url)
            + "': use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
  }

  /** The URL without a password parameter, for messages and logs. */
  public static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  private void migrate() {
    var config =
        Flyway.configure()
            .dataSource(url, props.getProperty("user"), props.getProperty("password"))
            // Portable migrations in common/, the ones that differ in the vendor's folder.
            .locations(
                "classpath:db/migration/common",
                "classpath:db/migration/" + vendor.name().toLowerCase(Locale.ROOT))
            .failOnMissingLocations(true);
    if (schema != null) {
      config = config.schemas(schema).createSchemas(true);
    }
    if (vendor == Vendor.SQLITE) {
      // Flyway's own connections need the same pragmas (WAL is persistent once set).
      config = config.dataSource(new SqliteDataSource(this));
    }
    try {
      var result = config.load().migrate();
      if (result.migrationsExecuted > 0) {
        LOG.info(
            "database {}: {} migration(s) applied, now at version {}",
            redact(url),
            result.migrationsExecuted,
            result.targetSchemaVersion);
      }
    } catch (org.flywaydb.core.api.FlywayException e) {
      throw new Unavailable("cannot open the database " + redact(url) + ": " + e.getMessage(), e);
    }
  }

  public Vendor vendor() {
    return vendor;
  }

  public String url() {
    return url;
  }

  /** A new connection in auto-commit mode; the caller closes it. */
  public Connection connect() throws SQLException {
    com.zaxxer.hikari.HikariDataSource p = pool;
    if (p != null) {
      return p.getConnection(); // its search_path was set when the pool opened it
    }
    Connection c = DriverManager.getConnection(url, props);
    if (schema != null && vendor == Vendor.POSTGRESQL) {
      try (Statement s = c.createStatement()) {
        s.execute("SET search_path TO \"" + schema.replace("\"", "") + "\"");
      }
    }
    return c;
  }

  /** A unit of work and its result. */
  @FunctionalInterface
  public interface Work<T extends @Nullable Object> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
   * SQL errors become {@link Internal} failures; SQLite's "busy" is retried by the driver's busy
   * timeout before that. On SQLite, this process's transactions take turns (see {@link
   * #sqliteWriters}).
   */
  public <T extends @Nullable Object> T tx(Work<T> work) {
    // The connection opens before this process's turn (opening sets its pragmas), so the turn
    // lasts only as long as the transaction.
    try (Connection c = connect()) {
      if (vendor != Vendor.SQLITE) {
        return inTransaction(c, work);
      }
      sqliteWriters.lock();
      try {
        return inTransaction(c, work);
      } finally {
        sqliteWriters.unlock();
      }
    } catch (SQLException e) {
      throw new Internal("database error: " + e.getMessage(), e);
    }
  }

  private static <T extends @Nullable Object> T inTransaction(Connection c, Work<T> work)
      throws SQLException {
    c.setAutoCommit(false);
    try {
      T result = work.run(c);
      c.commit();
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      try {
        c.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** The number of rows in a table of this store (a fixed name, never user input). */
  public int rowCount(String table) {
    if (!table.matches("[a-z_]{1,40}")) {
      throw new IllegalArgumentException("not a table name: " + table);
    }
    return read(
        c -> {
          try (var ps = c.prepareStatement("SELECT count(*) FROM " + table);
              var rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
          }
        });
  }

  /**
   * Runs read-only {@code work} in auto-commit mode: each statement reads a consistent snapshot and
   * takes no write lock, so a read on a hot path (a conversation's context on every question) never
   * waits for a writer. For work that needs several statements to agree, use {@link #tx}.
   */
  public <T extends @Nullable Object> T read(Work<T> work) {
    try (Connection c = connect()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new Internal("database error: " + e.getMessage(), e);
    }
  }

  /** Whether a SQL error is a unique-constraint violation (both vendors). */
  public static boolean isUniqueViolation(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        String state = s.getSQLState();
        if ("23505".equals(state)) {
          return true; // PostgreSQL unique_violation
        }
        String m = String.valueOf(s.getMessage());
        if (m.contains("UNIQUE constraint failed") || m.contains("SQLITE_CONSTRAINT_UNIQUE")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * An online, consistent copy of a SQLite store to {@code target}, made with SQLite's backup API
   * while other connections keep reading and writing.
   */
  public void backupTo(Path target) {
    requireSqlite("backup");
    try (Connection c = connect()) {
      // The driver's API, not its "backup to 'file'" statement, whose parser cannot quote a
      // path that contains an apostrophe.
      int rc =
          c.unwrap(org.sqlite.SQLiteConnection.class)
              .getDatabase()
              .backup("main", target.toAbsolutePath().toString(), null);
      if (rc != 0) {
        throw new SQLException("SQLite backup returned code " + rc);
      }
    } catch (SQLException e) {
      throw new Internal("backup to " + target + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Replaces the contents of this SQLite store with the backup {@code source}, through the backup
   * API (in one step, under SQLite's locks), after checking that the source is a MetsHub database
   * that passes SQLite's integrity check.
   */
  public void restoreFrom(Path source) {
    requireSqlite("restore");
    if (!Files.isRegularFile(source)) {
      throw new NotFound(source + ": no such backup file");
    }
    Properties readOnly = new Properties();
    readOnly.setProperty("open_mode", "1");
    try (Connection check =
            DriverManager.getConnection("jdbc:sqlite:" + source.toAbsolutePath(), readOnly);
        Statement s = check.createStatement()) {
      try (var rs = s.executeQuery("PRAGMA integrity_check")) {
        if (!rs.next() || !"ok".equals(rs.getString(1))) {
          throw new BadInput(source + " fails SQLite's integrity check");
        }
      }
      try (var rs =
          s.executeQuery(
              "SELECT count(*) FROM sqlite_master WHERE name IN ('flyway_schema_history','users')")) {
        if (!rs.next() || rs.getInt(1) != 2) {
          throw new BadInput(source + " is not a MetsHub database backup");
        }
      }
    } catch (SQLException e) {
      throw new BadInput(source + " is not a readable SQLite database: " + e.getMessage(), e);
    }
    try (Connection c = connect()) {
      int rc =
          c.unwrap(org.sqlite.SQLiteConnection.class)
              .getDatabase()
              .restore("main", source.toAbsolutePath().toString(), null);
      if (rc != 0) {
        throw new SQLException("SQLite restore returned code " + rc);
      }
    } catch (SQLException e) {
      throw new Internal("restore from " + source + " failed: " + e.getMessage(), e);
    }
    migrate(); // a backup from an older version is brought up to date
  }

  private void requireSqlite(String what) {
    if (vendor != Vendor.SQLITE) {
      throw new BadInput(
          what + " works on the SQLite store only; for PostgreSQL use " + "pg_dump and pg_restore");
    }
  }

  /** Flyway's data source for SQLite, so its connections get the same pragmas. */
  private record SqliteDataSource(Database db) implements javax.sql.DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      return db.connect();
    }

    @Override
    public Connection getConnection(String u, String p) throws SQLException {
      return db.connect();
    }

    @Override
    public java.io.@Nullable PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(java.io.PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public java.util.logging.Logger getParentLogger() {
      return java.util.logging.Logger.getLogger("org.metshub.store");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
