package org.metshub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.kb.Vocabularies;

/**
 * Issue 14, defect 5: importing text without sentence punctuation took quadratic time. The
 * inference is linear now, and each file has a time budget past which it is rejected with a reason,
 * so one pathological file cannot hold an import for hours.
 */
class ImportBudgetTest {
  @TempDir Path dir;

  private Path oneLinePage() throws Exception {
    Path page = dir.resolve("one-line.txt");
    Files.writeString(
        page,
        "Living with metastatic cancer\n\n"
            + org.metshub.ingest.infer.UnpunctuatedTextTestAccess.oneLine(1_000_000)
            + "\n");
    return page;
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aMegabyteOnOneLineIsImportedWithinTheBudget() throws Exception {
    ImportReport r =
        new Importer(Vocabularies.bundled(), ImportOptions.defaults().withDryRun(true))
            .run(ImportKind.TEXT, List.of(oneLinePage()), dir.resolve("kb"));
    assertThat(r.rejected()).noneMatch(x -> x.reason().contains("time allowed"));
    assertThat(r.files()).isNotEmpty();
  }

  @Test
  void aFileOverItsBudgetIsRejectedWithAClearReason() throws Exception {
    ImportReport r =
        new Importer(
                Vocabularies.bundled(),
                ImportOptions.defaults().withDryRun(true),
                Duration.ofNanos(1))
            .run(ImportKind.TEXT, List.of(oneLinePage()), dir.resolve("kb"));
    assertThat(r.files()).isEmpty();
    assertThat(r.rejected())
        .isNotEmpty()
        .allSatisfy(
            x -> assertThat(x.reason()).contains("took longer than the time allowed for one file"));
  }
}
