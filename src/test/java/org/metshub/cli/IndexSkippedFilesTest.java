package org.metshub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, defect 14: {@code index} said "1 files skipped (errors)" and named none. */
class IndexSkippedFilesTest {
  @Test
  void indexNamesEachSkippedFileWithItsFirstError(@TempDir Path dir) throws Exception {
    Path kb = dir.resolve("kb");
    Files.createDirectories(kb.resolve("learn"));
    Path good = Path.of("kb/learn/bone-metastases.md");
    Files.copy(good, kb.resolve("learn/bone-metastases.md"));
    Files.writeString(
        kb.resolve("learn/broken-copy.md"),
        Files.readString(good)
            .replace("lastReviewed: '2026-11-22'", "lastReviewed: 'someday'")
            .replace("id: bone-metastases", "id: broken-copy"));
    CliRun r = CliRun.of("index", "--kb", kb.toString(), "--data", dir.resolve("data").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("1 files skipped (errors)")
        .containsPattern(
            "skipped "
                + java.util.regex.Pattern.quote(kb.resolve("learn/broken-copy.md").toString())
                + ":[0-9]+: lastReviewed: .*"
                + "someday");
  }
}
