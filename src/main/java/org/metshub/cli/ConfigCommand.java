package org.metshub.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.metshub.ConfigReader;
import org.metshub.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code metshub config}: the effective configuration, each setting with where its value came from,
 * read the way every other command reads it ({@link ConfigReader}). Secrets are masked.
 */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = {
      "Print the effective configuration, each setting with where its value came from.",
      "One 'key = value  (source)' line per setting; the database password is masked, and so "
          + "is a password inside the database URL. Every command reads its settings this "
          + "way. A setting's value is the first of:",
      "  1. its flag (only kb, data and db.url have one: --kb, --data, --db)",
      "  2. the -D property metshub.KEY (pass it to the launcher in METSHUB_JAVA_OPTS)",
      "  3. the environment variable METSHUB_KEY: the key in capitals, words joined",
      "     by '_' (db.poolSize is METSHUB_DB_POOL_SIZE)",
      "  4. the default",
      "A bad value, or a -Dmetshub.* property that names no setting, is a usage error "
          + "(exit 64) that says where the value came from.",
      "Settings (the README's Configuration section says more):",
      "  kb, data                   the KB and data folders (--kb, --data)",
      "  db.url                     the database, a JDBC URL (--db)",
      "  db.user, db.password       PostgreSQL credentials",
      "  db.poolSize                PostgreSQL connections a node keeps, 1 to 100",
      "  suggest.perHour            suggestions accepted per client and hour",
      "  feedback.perHour           answer feedback accepted per client and hour",
      "  login.perMinute            console login attempts per client and minute",
      "  index.passageTokens        none, whole or N (at least 3) word pieces",
      "  ranking.titleBoost         BM25 boost of titles",
      "  ranking.headingBoost       BM25 boost of headings",
      "  ranking.fusion             linear or rrf",
      "  ranking.lexicalWeight      weight of BM25 in linear fusion, 0 to 1",
      "  ranking.leadWeight         weight of the section-lead vector, 0 to 1",
      "  ranking.rrfK               the k of reciprocal rank fusion",
      "  ranking.candidates         results each ranker gives before fusion",
      "  ranking.tier.NN            prior of source tier NN, 01 to 07",
      "  ranking.review.STATE       prior of a review state: current, due-soon,",
      "                             overdue, unscheduled",
      "  ranking.professionalPrior  prior of documents for clinicians, researchers",
      "  ranking.pageContext        share of the best same-page score, 0 to 2",
      "  ranking.headingMatch       multiplier for a heading with every query word,",
      "                             1 to 10"
    })
final class ConfigCommand implements Callable<Integer> {
  private final Env env;

  @Mixin KbOptions kbOptions = new KbOptions();

  @Option(
      names = "--db",
      paramLabel = "JDBC_URL",
      description =
          "The database, as 'user --db' takes it (default: $METSHUB_DB_URL, else "
              + "DATA/metshub.db).")
  @Nullable String db;

  @Option(names = "--json", description = "Print one JSON object with a list of settings.")
  boolean json;

  ConfigCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    Map<String, String> flags = kbOptions.flags();
    if (db != null) {
      flags.put("db.url", db);
    }
    List<ConfigReader.Setting> settings = env.configure(flags).settings();
    if (json) {
      env.out()
          .println(
              Json.PRETTY.writeValueAsString(
                  Map.of(
                      "settings",
                      settings.stream()
                          .map(
                              s -> {
                                Map<String, Object> x = new LinkedHashMap<>();
                                x.put("key", s.key());
                                x.put("value", s.value().orElse(null));
                                x.put("source", s.source().name().toLowerCase(Locale.ROOT));
                                x.put("name", s.name().isEmpty() ? null : s.name());
                                return x;
                              })
                          .toList())));
      return Main.OK;
    }
    for (ConfigReader.Setting s : settings) {
      env.out().println(s.line());
    }
    return Main.OK;
  }
}
