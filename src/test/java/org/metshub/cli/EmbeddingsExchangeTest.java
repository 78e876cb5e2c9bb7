package org.metshub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.search.BgeSmallEmbedder;
import org.metshub.search.EmbeddingCache;
import org.metshub.search.EmbeddingSeed;

/**
 * {@code embeddings export} and {@code embeddings import}: one node's embedding cache written to a
 * file and added to another node's cache, which keeps it after a restart; and every way the file or
 * the folders can be wrong.
 */
class EmbeddingsExchangeTest {
  @TempDir Path dir;

  private static float[] vector(float first) {
    float[] v = new float[BgeSmallEmbedder.DIMENSION];
    v[0] = first;
    v[1] = 1;
    return v;
  }

  private Path cacheWith(Path data, String... texts) {
    try (EmbeddingCache c = EmbeddingCache.open(data.resolve("embeddings.bin"))) {
      java.util.Map<String, float[]> m = new java.util.HashMap<>();
      for (int i = 0; i < texts.length; i++) {
        m.put(EmbeddingCache.key(BgeSmallEmbedder.MODEL_ID, texts[i]), vector(i));
      }
      c.absorb(m);
    }
    return data;
  }

  @Test
  void aSecondNodeGetsTheFirstNodesVectorsAndKeepsThem() {
    Path a = cacheWith(dir.resolve("a"), "bone pain", "liver", "fatigue");
    Path b = cacheWith(dir.resolve("b"), "liver");
    Path file = dir.resolve("a.bin.gz");

    CliRun export = CliRun.of("embeddings", "export", file.toString(), "--data", a.toString());
    assertThat(export.code()).as(export.err()).isZero();
    assertThat(export.out()).contains("3 vectors from");

    CliRun in = CliRun.of("embeddings", "import", file.toString(), "--data", b.toString());
    assertThat(in.code()).as(in.err()).isZero();
    assertThat(in.out()).contains("2 of 3 vectors added", "(3 held now)");

    try (EmbeddingCache reopened = EmbeddingCache.open(b.resolve("embeddings.bin"))) {
      assertThat(reopened.size()).isEqualTo(3);
      assertThat(reopened.get(EmbeddingCache.key(BgeSmallEmbedder.MODEL_ID, "fatigue")))
          .hasValueSatisfying(v -> assertThat(v[0]).isEqualTo(2f));
      // the vector b already held is kept, not replaced by a's
      assertThat(reopened.get(EmbeddingCache.key(BgeSmallEmbedder.MODEL_ID, "liver")))
          .hasValueSatisfying(v -> assertThat(v[0]).isEqualTo(0f));
    }

    CliRun again = CliRun.of("embeddings", "import", file.toString(), "--data", b.toString());
    assertThat(again.out()).contains("0 of 3 vectors added", "(3 held now)");
  }

  @Test
  void exportWithoutACacheIsAUsageError() {
    CliRun r =
        CliRun.of(
            "embeddings",
            "export",
            dir.resolve("x.gz").toString(),
            "--data",
            dir.resolve("empty").toString());
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("no embedding cache here");
    assertThat(dir.resolve("x.gz")).doesNotExist();
  }

  @Test
  void importOfAMissingDamagedOrForeignFileIsRefusedAndChangesNothing() throws IOException {
    Path b = cacheWith(dir.resolve("b"), "liver");
    long before = Files.size(b.resolve("embeddings.bin"));

    CliRun missing =
        CliRun.of(
            "embeddings", "import", dir.resolve("nope.gz").toString(), "--data", b.toString());
    assertThat(missing.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(missing.err()).contains("nope.gz", "no such file");

    Path text = Files.writeString(dir.resolve("text.gz"), "not gzip at all");
    CliRun notGzip = CliRun.of("embeddings", "import", text.toString(), "--data", b.toString());
    assertThat(notGzip.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(notGzip.err()).contains("not gzip data");

    Path foreign = dir.resolve("foreign.gz");
    EmbeddingSeed.write(
        foreign,
        "other-model",
        4,
        Map.of(EmbeddingCache.key("other-model", "x"), new float[] {1, 0, 0, 0}));
    CliRun other = CliRun.of("embeddings", "import", foreign.toString(), "--data", b.toString());
    assertThat(other.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(other.err())
        .contains(
            "made with model other-model (4 dimensions), expected " + BgeSmallEmbedder.MODEL_ID);

    Path good = dir.resolve("good.gz");
    CliRun export = CliRun.of("embeddings", "export", good.toString(), "--data", b.toString());
    assertThat(export.code()).isZero();
    byte[] all = Files.readAllBytes(good);
    Path cut = Files.write(dir.resolve("cut.gz"), java.util.Arrays.copyOf(all, all.length / 2));
    CliRun torn = CliRun.of("embeddings", "import", cut.toString(), "--data", b.toString());
    assertThat(torn.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(torn.err()).contains("cut.gz");

    assertThat(Files.size(b.resolve("embeddings.bin"))).isEqualTo(before);
  }
}
