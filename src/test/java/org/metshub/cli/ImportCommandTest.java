package org.metshub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
  private static final String PAGE = "src/test/resources/ingest/text/support-page.txt";

  @TempDir Path dir;

  @Test
  void importsAndPrintsTheReportWithExitZero() {
    CliRun r = CliRun.of("import", "text", PAGE, "--out", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("created support-after-a-diagnosis.md (en, patient, grade")
        .contains("import text: 4 items read from 1 source: 4 written, 0 rejected")
        .contains("files: created 4, changed 0, unchanged 0, kept 0")
        .contains("corrections: audienceLevel 0 documents");
    assertThat(r.err()).isEmpty();
    assertThat(dir.resolve("support-after-a-diagnosis.md")).exists();
  }

  @Test
  void aRejectedItemExits65AndNamesItsReason() {
    CliRun r =
        CliRun.of(
            "import",
            "text",
            PAGE,
            dir.resolve("missing.txt").toString(),
            "--out",
            dir.resolve("kb").toString());
    assertThat(r.code()).isEqualTo(65);
    assertThat(r.out())
        .contains("rejected: " + dir.resolve("missing.txt") + ": no such file or folder")
        .contains("5 items read from 2 sources: 4 written, 1" + " rejected");
  }

  @Test
  void dryRunWritesNothing() {
    CliRun r =
        CliRun.of("import", "text", PAGE, "--out", dir.resolve("kb").toString(), "--dry-run");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("would be created");
    assertThat(Files.exists(dir.resolve("kb"))).isFalse();
  }

  @Test
  void jsonReportHasTheCountsFilesAndCorrections() throws Exception {
    CliRun r =
        CliRun.of(
            "import", "kb", "src/test/resources/ingest/kb", "--out", dir.toString(), "--json");
    assertThat(r.code()).isEqualTo(65);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("itemsRead").asInt()).isEqualTo(5);
    assertThat(j.get("written").asInt()).isEqualTo(3);
    assertThat(j.get("rejectedCount").asInt()).isEqualTo(2);
    assertThat(j.get("corrections").get("audienceLevel").asInt()).isEqualTo(1);
    assertThat(j.get("corrections").get("cancerTypes").asInt()).isEqualTo(2);
    assertThat(j.get("files").get(0).has("readabilityGrade")).isTrue();
  }

  @Test
  void usageErrorsExit64() {
    assertThat(CliRun.of("import", "pdf", PAGE, "--out", dir.toString()).err())
        .contains("KIND must be one of [kb, text, html, news, medquad], got 'pdf'");
    assertThat(CliRun.of("import", "pdf", PAGE, "--out", dir.toString()).code()).isEqualTo(64);
    CliRun noOut = CliRun.of("import", "text", PAGE);
    assertThat(noOut.code()).isEqualTo(64);
    assertThat(noOut.err()).contains("Missing required option: '--out=DIR'");
    assertThat(
            CliRun.of("import", "text", PAGE, "--out", dir.toString(), "--status", "published")
                .code())
        .isEqualTo(64);
    assertThat(
            CliRun.of("import", "text", PAGE, "--out", dir.toString(), "--license", "mine").err())
        .contains("--license must be one of");
    assertThat(CliRun.of("import", "text", "--out", dir.toString()).code()).isEqualTo(64);
  }

  @Test
  void helpListsTheKindsAndOptions() {
    CliRun r = CliRun.of("import", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("Usage: metshub import")
        .contains("medquad")
        .contains("--out=DIR", "--dry-run", "--status=STATUS", "--json", "--base-url=URL");
    assertThat(CliRun.of("--help").out()).contains("import");
  }
}
