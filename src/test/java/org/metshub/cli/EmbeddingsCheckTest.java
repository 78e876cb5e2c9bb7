package org.metshub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.search.BgeSmallEmbedder;
import org.metshub.search.EmbeddingSeed;
import org.metshub.testing.Fixtures;

/**
 * {@code embeddings check}: a KB's shipped file that lacks the vectors its documents need is stale
 * (exit 65, with the fix); a KB folder that is not there is a usage error. Nothing is embedded.
 */
class EmbeddingsCheckTest {
  @TempDir Path dir;

  @Test
  void aShippedFileWithoutTheDocumentsVectorsIsStale() throws Exception {
    Path kb = dir.resolve("kb");
    Files.createDirectories(kb);
    Files.writeString(
        kb.resolve("bone.md"), Fixtures.validDoc("", "# Bone\n\nMetastatic cancer.\n"));
    EmbeddingSeed.write(
        EmbeddingSeed.of(kb), BgeSmallEmbedder.MODEL_ID, BgeSmallEmbedder.DIMENSION, Map.of());
    CliRun run = CliRun.of("embeddings", "check", "--kb", kb.toString());
    assertThat(run.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.out())
        .startsWith(EmbeddingSeed.of(kb) + ": stale: ")
        .contains(" needed vectors missing, 0 not needed");
    assertThat(run.err())
        .contains("metshub: run 'metshub embeddings refresh' and commit " + EmbeddingSeed.of(kb));
  }

  @Test
  void aMissingKbFolderIsAUsageError() {
    Path none = dir.resolve("none");
    CliRun run = CliRun.of("embeddings", "check", "--kb", none.toString());
    assertThat(run.code()).isEqualTo(Main.USAGE);
    assertThat(run.err()).contains(none + ": no such KB folder");
  }
}
