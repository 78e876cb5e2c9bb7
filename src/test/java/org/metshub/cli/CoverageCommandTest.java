package org.metshub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.testing.Fixtures;

/** {@code metshub coverage}: the report printed or written, and a KB folder that is not there. */
class CoverageCommandTest {
  @TempDir Path dir;

  private Path kbWithOneDocument() throws Exception {
    Path kb = dir.resolve("kb");
    Files.createDirectories(kb);
    Files.writeString(
        kb.resolve("bone.md"), Fixtures.validDoc("", "# Bone\n\nMetastatic cancer.\n"));
    return kb;
  }

  @Test
  void printsTheReportOfTheKbFolder() throws Exception {
    CliRun run = CliRun.of("coverage", "--kb", kbWithOneDocument().toString());
    assertThat(run.code()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .startsWith("# KB coverage\n\nWritten by `metshub coverage` from 1 active documents.\n")
        .contains("| article | 1 |");
  }

  @Test
  void writesTheReportToOutAndSaysHowManyDocumentsItRead() throws Exception {
    Path kb = kbWithOneDocument();
    Path report = dir.resolve("COVERAGE.md");
    CliRun run = CliRun.of("coverage", "--kb", kb.toString(), "--out", report.toString());
    assertThat(run.code()).isZero();
    assertThat(run.out()).isEqualTo("wrote " + report + " (1 documents)\n");
    assertThat(Files.readString(report))
        .isEqualTo(CliRun.of("coverage", "--kb", kb.toString()).out());
  }

  @Test
  void aMissingKbFolderIsAUsageError() {
    Path none = dir.resolve("none");
    CliRun run = CliRun.of("coverage", "--kb", none.toString());
    assertThat(run.code()).isEqualTo(Main.USAGE);
    assertThat(run.err()).contains(none + ": no such folder");
  }
}
