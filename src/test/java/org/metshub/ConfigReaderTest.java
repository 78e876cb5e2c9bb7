package org.metshub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.ConfigReader.Setting;
import org.metshub.ConfigReader.Source;
import org.metshub.ConfigReader.Sources;
import org.metshub.search.IndexOptions;

class ConfigReaderTest {
  static final Map<String, String> DEVELOPER =
      Map.of(
          "METSHUB_DB_URL", "jdbc:postgresql://db.example.org/metshub",
          "METSHUB_DB_USER", "ada",
          "METSHUB_DB_PASSWORD", "hunter2");

  static ConfigReader.Result read(
      Map<String, String> flags, Map<String, String> properties, Map<String, String> environment) {
    return ConfigReader.read(flags, new Sources(properties, environment));
  }

  static Setting setting(ConfigReader.Result r, String key) {
    return r.settings().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void withNoSourcesEverySettingIsItsDefault() {
    ConfigReader.Result r = ConfigReader.read(Map.of(), Sources.NONE);
    assertThat(r.config()).isEqualTo(Config.defaults());
    assertThat(r.settings()).extracting(Setting::source).containsOnly(Source.DEFAULT);
    assertThat(setting(r, "db.url").value()).contains("jdbc:sqlite:data/metshub.db");
    assertThat(setting(r, "db.password").value()).isEmpty();
  }

  @Test
  void aDevelopersDatabaseReachesOnlyAConfigThatIsGivenTheirEnvironment() {
    // What tests get: the environment is an argument, so the one a developer's shell exports
    // is not read unless a caller passes it (Main.main alone does).
    assertThat(ConfigReader.read(Map.of(), Sources.NONE).config().db().url()).isEmpty();
    Config theirs = read(Map.of(), Map.of(), DEVELOPER).config();
    assertThat(theirs.db().url()).contains("jdbc:postgresql://db.example.org/metshub");
    assertThat(theirs.db().user()).contains("ada");
    assertThat(theirs.db().password()).contains("hunter2");
    assertThat(theirs.db().toString()).doesNotContain("hunter2");
  }

  @Test
  void aFlagBeatsAPropertyWhichBeatsTheEnvironmentWhichBeatsTheDefault() {
    Map<String, String> env =
        Map.of(
            "METSHUB_DB_URL",
            "jdbc:sqlite:env.db",
            "METSHUB_DATA",
            "env-data",
            "METSHUB_DB_POOL_SIZE",
            "3",
            "METSHUB_KB",
            "env-kb");
    Map<String, String> props =
        Map.of(
            "metshub.db.url",
            "jdbc:sqlite:prop.db",
            "metshub.data",
            "prop-data",
            "metshub.db.poolSize",
            "4");
    ConfigReader.Result r = read(Map.of("db.url", "jdbc:sqlite:flag.db"), props, env);
    assertThat(r.config().db().url()).contains("jdbc:sqlite:flag.db");
    assertThat(setting(r, "db.url").from()).isEqualTo("flag --db");
    assertThat(r.config().data()).isEqualTo(Path.of("prop-data"));
    assertThat(setting(r, "data").from()).isEqualTo("-Dmetshub.data");
    assertThat(r.config().db().poolSize()).isEqualTo(4);
    assertThat(r.config().kb()).isEqualTo(Path.of("env-kb"));
    assertThat(setting(r, "kb").from()).isEqualTo("environment METSHUB_KB");
    assertThat(setting(r, "login.perMinute").from()).isEqualTo("default");
    // A blank variable counts as not set.
    assertThat(read(Map.of(), Map.of(), Map.of("METSHUB_DB_URL", " ")).config().db().url())
        .isEmpty();
  }

  @Test
  void everySettingCanComeFromAPropertyOrTheEnvironment() {
    List<Setting> all = ConfigReader.read(Map.of(), Sources.NONE).settings();
    assertThat(all).hasSizeGreaterThan(25);
    for (Setting s : all) {
      String value = s.key().equals("db.url") ? "jdbc:sqlite:x.db" : s.value().orElse("someone");
      Setting viaProperty =
          setting(read(Map.of(), Map.of("metshub." + s.key(), value), Map.of()), s.key());
      assertThat(viaProperty.source()).as(s.key()).isEqualTo(Source.PROPERTY);
      Setting viaEnvironment =
          setting(
              read(Map.of(), Map.of(), Map.of(ConfigReader.environmentName(s.key()), value)),
              s.key());
      assertThat(viaEnvironment.source()).as(s.key()).isEqualTo(Source.ENVIRONMENT);
    }
    assertThat(ConfigReader.environmentName("db.poolSize")).isEqualTo("METSHUB_DB_POOL_SIZE");
    assertThat(ConfigReader.environmentName("ranking.review.due-soon"))
        .isEqualTo("METSHUB_RANKING_REVIEW_DUE_SOON");
  }

  @Test
  void aBadValueNamesWhereItCameFromTheRuleAndTheValue() {
    assertThat(
            assertThrows(
                    ConfigException.class,
                    () -> read(Map.of(), Map.of(), Map.of("METSHUB_DB_POOL_SIZE", "x")))
                .getMessage())
        .isEqualTo(
            "METSHUB_DB_POOL_SIZE from the environment: expected a whole number from 1 "
                + "to 100, got 'x'");
    assertThat(
            assertThrows(
                    ConfigException.class,
                    () -> read(Map.of(), Map.of("metshub.suggest.perHour", "-3"), Map.of()))
                .getMessage())
        .isEqualTo("-Dmetshub.suggest.perHour: expected a positive whole number, got '-3'");
    assertThat(
            assertThrows(
                    ConfigException.class,
                    () -> read(Map.of("db.url", "mysql://x"), Map.of(), Map.of()))
                .getMessage())
        .isEqualTo(
            "--db: expected a JDBC URL (jdbc:postgresql://HOST/DB or jdbc:sqlite:FILE),"
                + " got 'mysql://x'");
    assertThat(
            assertThrows(
                    ConfigException.class,
                    () -> read(Map.of(), Map.of("metshub.ranking.fusion", "best"), Map.of()))
                .getMessage())
        .isEqualTo("-Dmetshub.ranking.fusion: expected linear or rrf, got 'best'");
    assertThat(
            assertThrows(
                    ConfigException.class,
                    () -> read(Map.of(), Map.of(), Map.of("METSHUB_INDEX_PASSAGE_TOKENS", "2")))
                .getMessage())
        .contains("METSHUB_INDEX_PASSAGE_TOKENS from the environment")
        .contains("at least 3, got '2'");
    assertThat(
            assertThrows(
                    ConfigException.class,
                    () -> read(Map.of(), Map.of("metshub.ranking.headingMatch", "0.5"), Map.of()))
                .getMessage())
        .isEqualTo(
            "-Dmetshub.ranking.headingMatch: expected a number from 1 to " + "10, got '0.5'");
    assertThat(
            assertThrows(
                    ConfigException.class,
                    () -> read(Map.of(), Map.of("metshub.ranking.tier.03", "NaN"), Map.of()))
                .getMessage())
        .contains("-Dmetshub.ranking.tier.03: expected a number of at least 0");
    // A password inside a bad URL is not repeated.
    assertThat(
            assertThrows(
                    ConfigException.class,
                    () ->
                        read(
                            Map.of(),
                            Map.of(),
                            Map.of("METSHUB_DB_URL", "jdbc:mysql://h/db?password=hunter2")))
                .getMessage())
        .contains("password=***")
        .doesNotContain("hunter2");
  }

  @Test
  void valuesThatAreFineAloneButNotTogetherNameBothSources() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> read(Map.of(), Map.of("metshub.ranking.leadWeight", "0.95"), Map.of()));
    assertThat(e.getMessage())
        .contains("ranking.lexicalWeight from default")
        .contains("ranking.leadWeight from -Dmetshub.ranking.leadWeight")
        .contains("sum to at most 1");
  }

  @Test
  void aMisspeltPropertyIsRefusedButTheLaunchersOwnAndOtherVariablesAreNot() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> read(Map.of(), Map.of("metshub.ranking.titelBoost", "3"), Map.of()));
    assertThat(e.getMessage()).startsWith("-Dmetshub.ranking.titelBoost: no such setting");
    Map<String, String> launcher =
        Map.of(
            "metshub.terminal",
            "true",
            "metshub.home",
            "/nowhere",
            "java.version",
            "25",
            "ai.djl.offline",
            "true");
    Map<String, String> shell =
        Map.of(
            "METSHUB_JAVA_OPTS",
            "-Xmx1g",
            "METSHUB_TEST_PG_URL",
            "jdbc:postgresql://x/y",
            "METSHUB_RANKING_TITEL_BOOST",
            "3");
    assertThat(read(Map.of(), launcher, shell).config()).isEqualTo(Config.defaults());
  }

  @Test
  void secretsAreMaskedInTheSettings() {
    Map<String, String> env = new HashMap<>(DEVELOPER);
    env.put("METSHUB_DB_URL", "jdbc:postgresql://db/metshub?user=ada&password=hunter3");
    ConfigReader.Result r = read(Map.of(), Map.of(), env);
    assertThat(setting(r, "db.password").value()).contains(ConfigReader.MASK);
    assertThat(setting(r, "db.url").value())
        .contains("jdbc:postgresql://db/metshub?user=ada&password=***");
    assertThat(r.settings().toString()).doesNotContain("hunter2").doesNotContain("hunter3");
    assertThat(ConfigReader.maskUrl("jdbc:postgresql://ada:hunter2@db/metshub"))
        .isEqualTo("jdbc:postgresql://ada:***@db/metshub");
  }

  @Test
  void theKbDefaultsToTheOneBesideTheLauncher(@TempDir Path home) throws Exception {
    Files.createDirectories(home.resolve("kb"));
    ConfigReader.Result r = read(Map.of(), Map.of("metshub.home", home.toString()), Map.of());
    assertThat(r.config().kb()).isEqualTo(home.resolve("kb"));
    assertThat(setting(r, "kb").source()).isEqualTo(Source.DEFAULT);
    assertThat(
            read(Map.of("kb", "mine"), Map.of("metshub.home", home.toString()), Map.of())
                .config()
                .kb())
        .isEqualTo(Path.of("mine"));
  }

  @Test
  void passageTokensAndRankingReachTheConfig() {
    Config c =
        read(
                Map.of(),
                Map.of(
                    "metshub.index.passageTokens",
                    "whole",
                    "metshub.ranking.fusion",
                    " RRF ",
                    "metshub.ranking.tier.07",
                    "0.5"),
                Map.of())
            .config();
    assertThat(c.index().passageTokens()).isEqualTo(IndexOptions.WHOLE);
    assertThat(c.ranking().fusion()).isEqualTo("rrf");
    assertThat(c.ranking().tierPriors()).containsEntry("07", 0.5).containsEntry("01", 1.0);
    assertThat(
            setting(
                    read(Map.of(), Map.of("metshub.index.passageTokens", "128"), Map.of()),
                    "index.passageTokens")
                .value())
        .isEqualTo(Optional.of("128"));
  }
}
