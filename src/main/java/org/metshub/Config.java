package org.metshub;

import java.nio.file.Path;
import java.util.Objects;
import org.metshub.search.IndexOptions;
import org.metshub.search.Ranking;
import org.metshub.store.Database;

/**
 * The configuration of one run: where the KB and the data folder are, the database, the per-client
 * limits of the web forms, and how search indexes and ranks. The CLI reads it once ({@link
 * ConfigReader}: flags, then {@code -D} properties, then the environment, then the defaults) and
 * passes it down; nothing below reads the environment or system properties. Tests start from {@link
 * #defaults()} and change what they need, so nothing a developer has set (a {@code METSHUB_DB_URL},
 * say) reaches them. Immutable.
 *
 * @param kb the KB folder
 * @param data where the index, the embedding cache and the default SQLite database live
 * @param db the operational database
 * @param limits what one client may send to the site's forms
 * @param ranking how search scores and fuses
 * @param index how passages are indexed (only {@code passageTokens} is configured; the rest is the
 *     default)
 */
public record Config(
    Path kb, Path data, Database.Settings db, Limits limits, Ranking ranking, IndexOptions index) {

  public Config {
    Objects.requireNonNull(kb, "kb");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(ranking, "ranking");
    Objects.requireNonNull(index, "index");
  }

  /** Every default: {@code ./kb}, {@code ./data}, SQLite in it, the measured ranking. */
  public static Config defaults() {
    return new Config(
        Path.of("kb"),
        Path.of("data"),
        Database.Settings.DEFAULT,
        Limits.DEFAULT,
        Ranking.DEFAULT,
        IndexOptions.DEFAULT);
  }

  /** This configuration on another KB and data folder (benchmarks and tests open several). */
  public Config withFolders(Path kb, Path data) {
    return new Config(kb, data, db, limits, ranking, index);
  }

  public Config withDb(Database.Settings d) {
    return new Config(kb, data, d, limits, ranking, index);
  }

  public Config withLimits(Limits l) {
    return new Config(kb, data, db, l, ranking, index);
  }

  public Config withRanking(Ranking r) {
    return new Config(kb, data, db, limits, r, index);
  }

  public Config withIndex(IndexOptions i) {
    return new Config(kb, data, db, limits, ranking, i);
  }

  /**
   * What one client (address) may send to the site, counted in the database so that every node
   * counts the same.
   *
   * @param suggestionsPerHour organisations suggested on {@code /suggest}
   * @param feedbackPerHour answer feedback entries ({@code POST /feedback}; then 429)
   * @param loginsPerMinute console login attempts
   */
  public record Limits(int suggestionsPerHour, int feedbackPerHour, int loginsPerMinute) {
    /**
     * A person suggests a handful of organisations at a sitting and rates a few answers; 10 logins
     * a minute leave room for typos while slowing a password guesser to a crawl.
     */
    public static final Limits DEFAULT = new Limits(5, 20, 10);

    public Limits {
      if (suggestionsPerHour < 1 || feedbackPerHour < 1 || loginsPerMinute < 1) {
        throw new IllegalArgumentException(
            "limits are at least 1, got "
                + suggestionsPerHour
                + ", "
                + feedbackPerHour
                + " and "
                + loginsPerMinute);
      }
    }
  }
}
