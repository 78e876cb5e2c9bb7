package org.metshub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {
  @TempDir Path dir;

  @Test
  void storesAndReloadsVectorsByText() {
    HashingEmbedder e = new HashingEmbedder();
    Path f = dir.resolve("e.bin");
    try (EmbeddingCache c = EmbeddingCache.open(f)) {
      c.embedAll(e, List.of("bone pain", "liver"));
      c.embedAll(e, List.of("bone pain"));
      assertThat(c.hits()).isEqualTo(1);
      assertThat(c.misses()).isEqualTo(2);
    }
    try (EmbeddingCache c = EmbeddingCache.open(f)) {
      assertThat(c.size()).isEqualTo(2);
      List<float[]> v = c.embedAll(e, List.of("liver", "new text"));
      assertThat(v).hasSize(2);
      assertThat(c.misses()).isEqualTo(1);
    }
    assertThat(e.passagesEmbedded).isEqualTo(3);
  }

  @Test
  void aTextRepeatedInOneBatchIsEmbeddedOnceAndFillsEveryPlace() {
    HashingEmbedder e = new HashingEmbedder();
    Path f = dir.resolve("e.bin");
    try (EmbeddingCache c = EmbeddingCache.open(f)) {
      List<float[]> v =
          c.embedAll(e, List.of("section lead", "other", "section lead", "section lead"));
      assertThat(e.passagesEmbedded).isEqualTo(2);
      assertThat(v).hasSize(4).doesNotContainNull();
      assertThat(v.get(2)).isSameAs(v.get(0)).isSameAs(v.get(3));
      assertThat(v.get(1)).isNotEqualTo(v.get(0));
      assertThat(c.misses()).isEqualTo(4);
      assertThat(c.size()).isEqualTo(2);
    }
    try (EmbeddingCache c = EmbeddingCache.open(f)) {
      assertThat(c.size()).isEqualTo(2); // one record per text in the file
    }
  }

  @Test
  void aTornLastRecordIsDroppedAndTheRestKept() throws IOException {
    HashingEmbedder e = new HashingEmbedder();
    Path f = dir.resolve("e.bin");
    try (EmbeddingCache c = EmbeddingCache.open(f)) {
      c.embedAll(e, List.of("one", "two"));
    }
    Files.write(f, new byte[] {9, 9, 9}, StandardOpenOption.APPEND);
    try (EmbeddingCache c = EmbeddingCache.open(f)) {
      assertThat(c.size()).isEqualTo(2);
      c.embedAll(e, List.of("three"));
    }
    try (EmbeddingCache c = EmbeddingCache.open(f)) {
      assertThat(c.size()).isEqualTo(3);
    }
  }

  @Test
  void aFileThatIsNotACacheIsStartedAfresh() throws IOException {
    Path f = dir.resolve("e.bin");
    Files.writeString(f, "not a cache at all");
    try (EmbeddingCache c = EmbeddingCache.open(f)) {
      assertThat(c.size()).isZero();
      c.embedAll(new HashingEmbedder(), List.of("x"));
    }
    try (EmbeddingCache c = EmbeddingCache.open(f)) {
      assertThat(c.size()).isEqualTo(1);
    }
  }
}
