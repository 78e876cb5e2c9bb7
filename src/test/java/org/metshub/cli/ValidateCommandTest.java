package org.metshub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.testing.Fixtures;

class ValidateCommandTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void validFolderExitsZeroWithSummary() throws IOException {
    write("a.md", Fixtures.validDoc("", "# A\n\nMetastatic cancer.\n"));
    CliRun r = CliRun.of("validate", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("1 files read: 1 valid, 0 with warnings, 0 with errors")
        .contains("review states: current 1")
        .contains("cancer types: metastatic cancer 1")
        .contains("licenses: owned 1");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void errorsExit65AndPrintOneLinePerProblem() throws IOException {
    Path bad = write("sub/bad.md", "---\ntitle: T\nlastReviewed: '2025-13-01'\n---\nx\n");
    write("README.md", "# Not a KB file\n");
    CliRun r = CliRun.of("validate", dir.toString());
    assertThat(r.code()).isEqualTo(65);
    assertThat(r.out())
        .contains(
            bad + ":3: error: lastReviewed: must be a date (YYYY-MM-DD)," + " got '2025-13-01'");
    assertThat(r.out())
        .contains(dir.resolve("README.md") + ":1: error: file: must start with a '---' line");
    assertThat(r.out()).contains("2 files read: 0 valid");
  }

  @Test
  void jsonOutputHasCountsAndDocuments() throws IOException {
    write(
        "a.md",
        Fixtures.validDoc("", "# A\n\nMetastatic cancer.\n")
            .replace("lastReviewed: '2026-11-01'", "lastReviewed: '2025-01-01'"));
    CliRun r = CliRun.of("validate", "--json", dir.toString());
    assertThat(r.code()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("files").asInt()).isEqualTo(1);
    assertThat(j.get("valid").asInt()).isEqualTo(1);
    assertThat(j.get("withWarnings").asInt()).isEqualTo(1);
    assertThat(j.get("withErrors").asInt()).isZero();
    JsonNode d = j.get("documents").get(0);
    assertThat(d.get("id").asText()).isEqualTo("test-doc");
    assertThat(d.get("reviewState").asText()).isEqualTo("overdue");
    assertThat(d.get("nextReviewDue").asText()).isEqualTo("2026-01-01");
    assertThat(d.get("cancerTypes").get(0).asText()).isEqualTo("metastatic cancer");
    JsonNode p = d.get("problems").get(0);
    assertThat(p.get("severity").asText()).isEqualTo("warning");
    assertThat(p.get("field").asText()).isEqualTo("lastReviewed");
    assertThat(p.get("line").asInt()).isEqualTo(13);
  }

  @Test
  void missingPathIsAUsageError() {
    CliRun r = CliRun.of("validate", dir.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err()).contains("no such file or folder");
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun r = CliRun.of("validate", "--frobnicate");
    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err())
        .contains("Unknown option: '--frobnicate'")
        .contains("metshub validate --help");
  }

  @Test
  void everyCommandHasHelp() {
    for (String cmd :
        new String[] {
          "validate", "import", "index", "search", "ask", "chat", "eval", "bench", "serve"
        }) {
      CliRun r = CliRun.of(cmd, "--help");
      assertThat(r.code()).as(cmd).isZero();
      assertThat(r.out()).as(cmd).contains("Usage: metshub " + cmd).contains("--help");
      if (!cmd.equals("import")) {
        assertThat(r.out()).as(cmd).contains("--kb");
      }
    }
    CliRun top = CliRun.of("--help");
    assertThat(top.code()).isZero();
    assertThat(top.out()).contains("validate").contains("serve");
  }

  @Test
  void serveRefusesABadPortOrKbPollBeforeOpeningAnything() {
    for (String[] args :
        new String[][] {
          {"--port", "70000"}, {"--kb-poll", "-1"}, {"--kb-poll", "3601"}, {"--kb-poll", "soon"}
        }) {
      CliRun r = CliRun.of("serve", args[0], args[1], "--data", "target/never-opened");
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(Main.USAGE);
      assertThat(r.err()).as(String.join(" ", args)).contains(args[0]);
    }
    assertThat(java.nio.file.Path.of("target/never-opened")).doesNotExist();
    assertThat(CliRun.of("serve", "--help").out()).contains("--kb-poll");
  }

  @Test
  void unknownCommandIsAUsageError() {
    assertThat(CliRun.of("frobnicate").code()).isEqualTo(64);
  }
}
