package org.metshub;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.metshub.search.IndexOptions;
import org.metshub.search.Ranking;
import org.metshub.store.Database;
import org.metshub.text.Clip;

/**
 * Reads the {@link Config} of a run from the places a setting can come from, given as maps so that
 * nothing here looks at the process: the command's flags, the JVM's {@code -D} properties and the
 * environment. A setting's value is its flag, else {@code -Dmetshub.KEY}, else the environment
 * variable {@code METSHUB_KEY} (the key in capitals, words joined by '_': {@code db.poolSize} is
 * {@code -Dmetshub.db.poolSize} and {@code METSHUB_DB_POOL_SIZE}), else the default. Only {@code
 * kb}, {@code data} and {@code db.url} have flags ({@code --kb}, {@code --data}, {@code --db}). A
 * blank property or variable counts as not set.
 *
 * <p>Every value is checked here, where it enters: a bad one is a {@link ConfigException} that
 * names the flag, property or variable it came from, the rule and the value. A {@code -Dmetshub.*}
 * property that names no setting is refused as well, since a misspelt one would otherwise be
 * ignored in silence; environment variables that are not settings are left alone, because the
 * launcher and the tests have their own ({@code METSHUB_JAVA_OPTS}, {@code METSHUB_TEST_PG_URL}).
 * Besides the config, {@link #read} returns every setting with its value and source, secrets
 * masked, for {@code metshub config}. Stateless to its callers; an instance lives for one read.
 */
public final class ConfigReader {
  /** What {@code metshub config} shows instead of a secret. */
  public static final String MASK = "********";

  /** {@code -D} properties the launcher sets for the CLI itself; they are not settings. */
  static final Set<String> LAUNCHER_PROPERTIES = Set.of("metshub.home", "metshub.terminal");

  /** The settings that have a flag, and the flag. */
  static final Map<String, String> FLAGS = Map.of("kb", "--kb", "data", "--data", "db.url", "--db");

  /** Where a setting's value came from, in order of precedence. */
  public enum Source {
    FLAG,
    PROPERTY,
    ENVIRONMENT,
    DEFAULT
  }

  /**
   * The {@code -D} properties and the environment of a process, which the CLI's {@code main}
   * captures once. Tests pass their own, usually {@link #NONE}.
   */
  public record Sources(Map<String, String> properties, Map<String, String> environment) {
    /** No properties and no environment: every setting has its default unless flagged. */
    public static final Sources NONE = new Sources(Map.of(), Map.of());

    public Sources {
      properties = Map.copyOf(properties);
      environment = Map.copyOf(environment);
    }
  }

  /**
   * One effective setting.
   *
   * @param value as shown (a secret masked, a URL's password hidden); empty when unset
   * @param name the flag, property or variable it came from; empty for a default
   */
  public record Setting(String key, Optional<String> value, Source source, String name) {
    /** {@code key = value (source)}, as {@code metshub config} prints it. */
    public String line() {
      return key + " = " + value.orElse("unset") + "  (" + from() + ")";
    }

    /** "flag --db", "-Dmetshub.db.poolSize", "environment METSHUB_DB_URL" or "default". */
    public String from() {
      return switch (source) {
        case FLAG -> "flag " + name;
        case PROPERTY -> "-D" + name;
        case ENVIRONMENT -> "environment " + name;
        case DEFAULT -> "default";
      };
    }
  }

  /** The configuration, and every setting that went into it, in a stable order. */
  public record Result(Config config, List<Setting> settings) {
    public Result {
      settings = List.copyOf(settings);
    }
  }

  /** A value as found, before it is checked. */
  private record Raw(String value, Source source, String name) {
    /** How an error names where the value came from. */
    String where() {
      return switch (source) {
        case FLAG -> name;
        case PROPERTY -> "-D" + name;
        case ENVIRONMENT -> name + " from the environment";
        case DEFAULT -> "the default";
      };
    }
  }

  private final Map<String, String> flags;
  private final Sources sources;
  private final List<Setting> settings = new ArrayList<>();

  /** The property names of the settings read so far. */
  private final Set<String> known = new HashSet<>();

  private ConfigReader(Map<String, String> flags, Sources sources) {
    this.flags = Map.copyOf(flags);
    this.sources = sources;
  }

  /**
   * The configuration given the command's {@code flags} (by setting key: {@code kb}, {@code data},
   * {@code db.url}) and the process's {@code sources}.
   *
   * @throws ConfigException when a value is bad or a {@code -Dmetshub.*} property is unknown
   */
  public static Result read(Map<String, String> flags, Sources sources) {
    for (String k : flags.keySet()) {
      if (!FLAGS.containsKey(k)) {
        throw new IllegalArgumentException("setting '" + k + "' has no flag");
      }
    }
    ConfigReader r = new ConfigReader(flags, sources);
    Config config = r.config();
    r.refuseUnknownProperties();
    return new Result(config, r.settings);
  }

  /** The environment variable of a setting: {@code db.poolSize} is METSHUB_DB_POOL_SIZE. */
  public static String environmentName(String key) {
    StringBuilder sb = new StringBuilder("METSHUB_");
    for (char c : key.toCharArray()) {
      if (c == '.' || c == '-') {
        sb.append('_');
      } else if (Character.isUpperCase(c)) {
        sb.append('_').append(c);
      } else {
        sb.append(Character.toUpperCase(c));
      }
    }
    return sb.toString();
  }

  private Config config() {
    Path kb = get("kb", defaultKb(), ConfigReader::folder, ConfigReader::shown);
    Path data = get("data", Path.of("data"), ConfigReader::folder, ConfigReader::shown);
    Optional<String> url =
        get(
            "db.url",
            Optional.empty(),
            v -> Optional.of(jdbcUrl(v)),
            u -> Optional.of(maskUrl(u.orElse("jdbc:sqlite:" + data.resolve("metshub.db")))));
    Optional<String> user = get("db.user", Optional.empty(), Optional::of, u -> u);
    Optional<String> password =
        get("db.password", Optional.empty(), Optional::of, p -> p.map(secret -> MASK));
    int pool = get("db.poolSize", Database.POOL_SIZE, whole(1, 100), ConfigReader::shown);
    Config.Limits d = Config.Limits.DEFAULT;
    Config.Limits limits =
        new Config.Limits(
            get("suggest.perHour", d.suggestionsPerHour(), positive(), ConfigReader::shown),
            get("feedback.perHour", d.feedbackPerHour(), positive(), ConfigReader::shown),
            get("login.perMinute", d.loginsPerMinute(), positive(), ConfigReader::shown));
    IndexOptions i = IndexOptions.DEFAULT;
    int tokens =
        get(
            "index.passageTokens",
            i.passageTokens(),
            ConfigReader::passageTokens,
            t ->
                Optional.of(
                    t == IndexOptions.WHOLE
                        ? "whole"
                        : t == IndexOptions.NO_PASSAGE_VECTOR ? "none" : Integer.toString(t)));
    return new Config(
        kb,
        data,
        new Database.Settings(url, user, password, pool),
        limits,
        ranking(),
        new IndexOptions(i.withTitles(), i.withVectors(), tokens));
  }

  private Ranking ranking() {
    Ranking d = Ranking.DEFAULT;
    double titleBoost = number("ranking.titleBoost", d.titleBoost(), 0, Double.MAX_VALUE);
    double headingBoost = number("ranking.headingBoost", d.headingBoost(), 0, Double.MAX_VALUE);
    String fusion =
        get(
            "ranking.fusion",
            d.fusion(),
            v -> {
              String f = v.strip().toLowerCase(Locale.ROOT);
              if (!f.equals("linear") && !f.equals("rrf")) {
                throw new IllegalArgumentException("expected linear or rrf");
              }
              return f;
            },
            Optional::of);
    double lexicalWeight = number("ranking.lexicalWeight", d.lexicalWeight(), 0, 1);
    double leadWeight = number("ranking.leadWeight", d.leadWeight(), 0, 1);
    int rrfK = get("ranking.rrfK", d.rrfK(), positive(), ConfigReader::shown);
    int candidates = get("ranking.candidates", d.candidates(), positive(), ConfigReader::shown);
    java.util.TreeMap<String, Double> tiers = new java.util.TreeMap<>();
    for (var tier : new java.util.TreeMap<>(d.tierPriors()).entrySet()) {
      tiers.put(
          tier.getKey(),
          number("ranking.tier." + tier.getKey(), tier.getValue(), 0, Double.MAX_VALUE));
    }
    java.util.TreeMap<String, Double> reviews = new java.util.TreeMap<>();
    for (var state : new java.util.TreeMap<>(d.reviewPriors()).entrySet()) {
      reviews.put(
          state.getKey(),
          number("ranking.review." + state.getKey(), state.getValue(), 0, Double.MAX_VALUE));
    }
    double professional =
        number("ranking.professionalPrior", d.professionalPrior(), 0, Double.MAX_VALUE);
    double pageContext = number("ranking.pageContext", d.pageContext(), 0, 2);
    double headingMatch = number("ranking.headingMatch", d.headingMatch(), 1, 10);
    try {
      return new Ranking(
          titleBoost,
          headingBoost,
          fusion,
          lexicalWeight,
          leadWeight,
          rrfK,
          candidates,
          tiers,
          reviews,
          professional,
          pageContext,
          headingMatch);
    } catch (IllegalArgumentException e) {
      // Each value was fine alone; together they are not (the fusion weights' sum).
      throw new ConfigException(
          "the ranking settings do not fit together ("
              + fromOf("ranking.lexicalWeight")
              + ", "
              + fromOf("ranking.leadWeight")
              + "): "
              + e.getMessage());
    }
  }

  /** The setting {@code key} read so far, as "key from source". */
  private String fromOf(String key) {
    return settings.stream()
        .filter(s -> s.key().equals(key))
        .findFirst()
        .map(s -> key + " from " + s.from())
        .orElse(key);
  }

  /**
   * The value of {@code key}: the first source that has it, checked by {@code parse} (which says
   * what it expected in an {@link IllegalArgumentException}), else {@code dflt}. Records the
   * setting as {@code show} renders it.
   */
  private <T> T get(
      String key, T dflt, Function<String, T> parse, Function<T, Optional<String>> show) {
    Optional<Raw> raw = raw(key);
    T value = dflt;
    if (raw.isPresent()) {
      try {
        value = parse.apply(raw.get().value());
      } catch (IllegalArgumentException e) {
        String got = key.equals("db.url") ? maskUrl(raw.get().value()) : raw.get().value();
        throw new ConfigException(
            raw.get().where() + ": " + e.getMessage() + ", got '" + Clip.of(got, 80) + "'");
      }
    }
    settings.add(
        new Setting(
            key,
            show.apply(value),
            raw.map(Raw::source).orElse(Source.DEFAULT),
            raw.map(Raw::name).orElse("")));
    return value;
  }

  private Optional<Raw> raw(String key) {
    String property = "metshub." + key;
    known.add(property);
    String flag = flags.get(key);
    if (flag != null) {
      return Optional.of(new Raw(flag, Source.FLAG, FLAGS.getOrDefault(key, key)));
    }
    String p = sources.properties().get(property);
    if (p != null && !p.isBlank()) {
      return Optional.of(new Raw(p, Source.PROPERTY, property));
    }
    String variable = environmentName(key);
    String e = sources.environment().get(variable);
    if (e != null && !e.isBlank()) {
      return Optional.of(new Raw(e, Source.ENVIRONMENT, variable));
    }
    return Optional.empty();
  }

  private void refuseUnknownProperties() {
    for (String p : new TreeSet<>(sources.properties().keySet())) {
      if (p.startsWith("metshub.") && !known.contains(p) && !LAUNCHER_PROPERTIES.contains(p)) {
        throw new ConfigException(
            "-D" + p + ": no such setting ('metshub config --help' lists" + " them)");
      }
    }
  }

  /** The bundled KB beside the launcher ({@code -Dmetshub.home}), else {@code ./kb}. */
  private Path defaultKb() {
    String home = sources.properties().get("metshub.home");
    if (home != null && !home.isBlank() && Files.isDirectory(Path.of(home, "kb"))) {
      return Path.of(home, "kb");
    }
    return Path.of("kb");
  }

  private double number(String key, double dflt, double min, double max) {
    return get(
        key,
        dflt,
        v -> {
          String expected =
              max == Double.MAX_VALUE
                  ? "expected a number of at least " + fmt(min)
                  : "expected a number from " + fmt(min) + " to " + fmt(max);
          double x;
          try {
            x = Double.parseDouble(v.strip());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(expected, e);
          }
          if (!Double.isFinite(x) || x < min || x > max) {
            throw new IllegalArgumentException(expected);
          }
          return x;
        },
        x -> Optional.of(Double.toString(x)));
  }

  private static String fmt(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
  }

  private static Function<String, Integer> positive() {
    return whole(1, Integer.MAX_VALUE);
  }

  private static Function<String, Integer> whole(int min, int max) {
    String expected =
        max == Integer.MAX_VALUE
            ? "expected a positive whole number"
            : "expected a whole number from " + min + " to " + max;
    return v -> {
      int n;
      try {
        n = Integer.parseInt(v.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(expected, e);
      }
      if (n < min || n > max) {
        throw new IllegalArgumentException(expected);
      }
      return n;
    };
  }

  private static Path folder(String v) {
    if (v.isBlank()) {
      throw new IllegalArgumentException("expected a folder");
    }
    try {
      return Path.of(v);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("expected a folder", e);
    }
  }

  private static String jdbcUrl(String v) {
    String u = v.strip().toLowerCase(Locale.ROOT);
    if (!u.startsWith("jdbc:postgresql:") && !u.startsWith("jdbc:sqlite:")) {
      throw new IllegalArgumentException(
          "expected a JDBC URL (jdbc:postgresql://HOST/DB or jdbc:sqlite:FILE)");
    }
    return v.strip();
  }

  private static int passageTokens(String v) {
    String expected = "expected none, whole or a number of word pieces of at least 3";
    int n;
    try {
      n = IndexOptions.parsePassageTokens(v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(expected, e);
    }
    if (n != IndexOptions.WHOLE && n != IndexOptions.NO_PASSAGE_VECTOR && n < 3) {
      throw new IllegalArgumentException(expected);
    }
    return n;
  }

  /** A URL with its password, as a parameter or in {@code //user:password@}, hidden. */
  static String maskUrl(String url) {
    return Database.redact(url).replaceAll("(//[^/@:?]*:)[^@/?]*@", "$1***@");
  }

  private static Optional<String> shown(Object value) {
    return Optional.of(value.toString());
  }
}
