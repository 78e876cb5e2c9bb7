package org.metshub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad inputs of {@code metshub train-sections}, refused before anything is opened or written.
 * (The training itself is tested in SectionTrainingTest and GateTrainingTest; a real run needs the
 * embedding model and the whole dev split.)
 */
class TrainSectionsCommandTest {
  @TempDir Path dir;

  @Test
  void aMissingCasesFileIsAUsageError() {
    CliRun r =
        CliRun.of(
            "train-sections",
            "--cases",
            dir.resolve("none.yaml").toString(),
            "--data",
            dir.toString());
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("none.yaml: no such file");
  }

  @Test
  void theTestSplitIsNeverTrainedOn() throws Exception {
    Path test = Files.writeString(dir.resolve("answer-sections-test.yaml"), "cases: []\n");
    CliRun r =
        CliRun.of(
            "train-sections",
            "--cases",
            test.toString(),
            "--keep-ranker",
            "--data",
            dir.toString());
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("the test split is for reporting, never for training");
  }

  @Test
  void aWrongBudgetOutsideZeroToOneIsRefusedAndNothingIsWritten() throws Exception {
    Path dev = Files.writeString(dir.resolve("dev.yaml"), "cases: []\n");
    Path gate = dir.resolve("gate.yaml");
    for (String budget : new String[] {"1.5", "-0.1", "NaN"}) {
      CliRun r =
          CliRun.of(
              "train-sections",
              "--cases",
              dev.toString(),
              "--wrong-budget",
              budget,
              "--gate-out",
              gate.toString(),
              "--data",
              dir.toString());
      assertThat(r.code()).as(budget).isEqualTo(Main.USAGE);
      assertThat(r.err()).as(budget).contains("--wrong-budget must be between 0 and 1");
    }
    assertThat(gate).doesNotExist();
  }

  @Test
  void anotherKbsSetIsRefusedWhenItIsMalformedMissingOrATestSplit() throws Exception {
    Path dev = Files.writeString(dir.resolve("dev.yaml"), "cases: []\n");
    Path kb = Files.createDirectories(dir.resolve("kb"));
    Path cases = Files.writeString(dir.resolve("nci.yaml"), "cases: []\n");
    Path test = Files.writeString(dir.resolve("answer-sections-nci-test.yaml"), "cases: []\n");
    Path gate = dir.resolve("gate.yaml");
    String[][] bad = {
      {"only,two", "--also needs KB,DATA,CASES"},
      {kb + ",," + cases, "--also needs KB,DATA,CASES"},
      {dir.resolve("nokb") + "," + dir + "," + cases, "nokb: no such KB folder"},
      {kb + "," + dir + "," + dir.resolve("none.yaml"), "none.yaml: no such file"},
      {kb + "," + dir + "," + test, "the test split is for reporting, never for training"},
    };
    for (String[] b : bad) {
      CliRun r =
          CliRun.of(
              "train-sections",
              "--cases",
              dev.toString(),
              "--also",
              b[0],
              "--gate-out",
              gate.toString(),
              "--data",
              dir.toString());
      assertThat(r.code()).as(b[0]).isEqualTo(Main.USAGE);
      assertThat(r.err()).as(b[0]).contains(b[1]);
    }
    assertThat(gate).doesNotExist();
  }
}
