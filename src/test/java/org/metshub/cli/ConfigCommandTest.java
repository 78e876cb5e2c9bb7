package org.metshub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metshub.ConfigReader;

class ConfigCommandTest {
  static final ConfigReader.Sources SOURCES =
      new ConfigReader.Sources(
          Map.of("metshub.db.poolSize", "4", "metshub.terminal", "true"),
          Map.of(
              "METSHUB_DB_URL",
              "jdbc:postgresql://db.example.org/metshub?password=hunter2",
              "METSHUB_DB_USER",
              "ada",
              "METSHUB_DB_PASSWORD",
              "s3cret",
              "METSHUB_FEEDBACK_PER_HOUR",
              "40"));

  @Test
  void printsEverySettingWithItsSourceAndMasksSecrets() {
    CliRun r = CliRun.withSources(SOURCES, "config", "--kb", "kb");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines)
        .contains(
            "kb = kb  (flag --kb)",
            "data = data  (default)",
            "db.url = jdbc:postgresql://db.example.org/metshub?password=***  (environment "
                + "METSHUB_DB_URL)",
            "db.user = ada  (environment METSHUB_DB_USER)",
            "db.password = " + ConfigReader.MASK + "  (environment METSHUB_DB_PASSWORD)",
            "db.poolSize = 4  (-Dmetshub.db.poolSize)",
            "feedback.perHour = 40  (environment METSHUB_FEEDBACK_PER_HOUR)",
            "suggest.perHour = 5  (default)",
            "index.passageTokens = none  (default)",
            "ranking.fusion = linear  (default)");
    assertThat(lines).allMatch(l -> l.matches("[a-zA-Z0-9.-]+ = .+  \\(.+\\)"));
    assertThat(r.out()).doesNotContain("hunter2").doesNotContain("s3cret");
  }

  @Test
  void jsonListsTheSameSettingsWithStructuredSources() throws Exception {
    CliRun r = CliRun.withSources(SOURCES, "config", "--json", "--db", "jdbc:sqlite:x.db");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("hunter2").doesNotContain("s3cret");
    JsonNode settings = new ObjectMapper().readTree(r.out()).get("settings");
    List<String> keys = new ArrayList<>();
    settings.forEach(s -> keys.add(s.get("key").asText()));
    List<String> text =
        CliRun.withSources(SOURCES, "config")
            .out()
            .lines()
            .map(l -> l.substring(0, l.indexOf(" = ")))
            .toList();
    assertThat(keys).isEqualTo(text);
    JsonNode url = settings.get(keys.indexOf("db.url"));
    assertThat(url.get("value").asText()).isEqualTo("jdbc:sqlite:x.db");
    assertThat(url.get("source").asText()).isEqualTo("flag");
    assertThat(url.get("name").asText()).isEqualTo("--db");
    JsonNode password = settings.get(keys.indexOf("db.password"));
    assertThat(password.get("value").asText()).isEqualTo(ConfigReader.MASK);
    assertThat(password.get("source").asText()).isEqualTo("environment");
    JsonNode kb = settings.get(keys.indexOf("kb"));
    assertThat(kb.get("source").asText()).isEqualTo("default");
    assertThat(kb.get("name").isNull()).isTrue();
  }

  @Test
  void withoutSourcesTheStoreIsTheDefaultWhateverTheProcessEnvironment() {
    // CliRun, like every CLI test, passes no environment: a METSHUB_DB_URL exported in the
    // developer's shell cannot reach the commands under test.
    CliRun r = CliRun.of("config", "--data", "target/x");
    assertThat(r.out())
        .contains("db.url = jdbc:sqlite:target/x/metshub.db  (default)")
        .contains("db.user = unset  (default)");
  }

  @Test
  void aBadValueIsAUsageErrorNamingItsSourceForEveryCommand() {
    ConfigReader.Sources bad =
        new ConfigReader.Sources(Map.of(), Map.of("METSHUB_DB_POOL_SIZE", "x"));
    for (String command : List.of("config", "validate", "review-due")) {
      CliRun r = CliRun.withSources(bad, command);
      assertThat(r.code()).as(command).isEqualTo(Main.USAGE);
      assertThat(r.err())
          .as(command)
          .isEqualTo(
              "metshub: METSHUB_DB_POOL_SIZE from the "
                  + "environment: expected a whole number from 1 to 100, got 'x'\n");
    }
    CliRun typo =
        CliRun.withSources(
            new ConfigReader.Sources(Map.of("metshub.suggest.perHr", "3"), Map.of()), "config");
    assertThat(typo.code()).isEqualTo(Main.USAGE);
    assertThat(typo.err()).contains("-Dmetshub.suggest.perHr: no such setting");
  }

  @Test
  void helpSaysWhereSettingsComeFrom() {
    CliRun r = CliRun.of("config", "--help");
    assertThat(r.code()).isZero();
    String help = r.out().replaceAll("\\s+", " ");
    assertThat(help)
        .contains("the -D property metshub.KEY")
        .contains("METSHUB_DB_POOL_SIZE")
        .contains("masked");
    assertThat(CliRun.of("--help").out()).contains("config");
  }
}
