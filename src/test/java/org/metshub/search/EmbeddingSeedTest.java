package org.metshub.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.kb.Validator;
import org.metshub.kb.Vocabularies;
import org.metshub.testing.Fixtures;

/**
 * The embeddings shipped beside a KB: a fresh index takes its vectors from the file instead of the
 * model, and a file that is damaged, cut short or made with another model is reported clearly and
 * not used, with nothing lost.
 */
class EmbeddingSeedTest {
  @TempDir Path dir;

  private Map<String, SearchIndex.Hashed> docs(String... texts) {
    List<org.metshub.kb.KbFile> files = new java.util.ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      files.add(Fixtures.parse("d" + i + ".md", texts[i]));
    }
    return KbIndexer.documents(
        new Validator(Vocabularies.bundled(), Fixtures.schedule()).validate(files));
  }

  private Path seedOf(Map<String, SearchIndex.Hashed> docs) {
    Path file = dir.resolve("kb").resolve(EmbeddingSeed.FILE_NAME);
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    HashingEmbedder e = new HashingEmbedder();
    EmbeddingSeed.refresh(
        file, docs, IndexOptions.DEFAULT, e, EmbeddingCache.inMemory(), IndexProgress.NONE);
    return file;
  }

  private SearchIndex open(Path data, Embedder e, Path seed) {
    return SearchIndex.open(
        data,
        Analyzers.bundled(),
        e,
        IndexOptions.DEFAULT,
        Fixtures.schedule(),
        Vocabularies.bundled(),
        Optional.of(seed));
  }

  @Test
  void aFreshIndexTakesEveryVectorFromTheShippedFile() {
    Path seed = seedOf(docs(TestIndex.BONE, TestIndex.LIVER));
    HashingEmbedder e = new HashingEmbedder();
    try (SearchIndex index = open(dir.resolve("data"), e, seed)) {
      IndexUpdate u = TestIndex.sync(index, TestIndex.BONE, TestIndex.LIVER);
      assertThat(u.passagesWritten()).isPositive();
      assertThat(u.passagesEmbedded()).isZero();
      assertThat(e.passagesEmbedded).isZero();
      var hits = new LuceneSearch(index, Ranking.DEFAULT).search(SearchRequest.of("bone pain", 3));
      assertThat(hits.hits()).isNotEmpty();
    }
  }

  @Test
  void aRefreshOfAnUnchangedKbChangesNoByteAndChecksCurrent() throws IOException {
    var docs = docs(TestIndex.BONE, TestIndex.LIVER);
    Path seed = seedOf(docs);
    byte[] first = Files.readAllBytes(seed);
    seedOf(docs);
    assertThat(Files.readAllBytes(seed)).isEqualTo(first);
    assertThat(
            EmbeddingSeed.check(seed, docs, IndexOptions.DEFAULT, new HashingEmbedder()).current())
        .isTrue();
  }

  @Test
  void aChangedKbMakesTheFileStale() {
    Path seed = seedOf(docs(TestIndex.BONE, TestIndex.LIVER));
    var changed =
        docs(
            TestIndex.BONE.replace("Radiation therapy", "Radiotherapy"),
            TestIndex.LIVER,
            TestIndex.NEWS);
    EmbeddingSeed.Staleness s =
        EmbeddingSeed.check(seed, changed, IndexOptions.DEFAULT, new HashingEmbedder());
    assertThat(s.current()).isFalse();
    assertThat(s.missing()).isPositive();
    assertThat(s.extra()).isPositive();
    assertThat(s.toString()).startsWith("stale: ");
  }

  @Test
  void aFileMadeWithAnotherModelIsNotUsed() {
    Path seed = seedOf(docs(TestIndex.BONE));
    BadInput e =
        assertThrows(
            BadInput.class,
            () ->
                EmbeddingSeed.check(
                    seed,
                    docs(TestIndex.BONE),
                    IndexOptions.DEFAULT,
                    new Embedder() {
                      @Override
                      public String modelId() {
                        return "bge-small-en-v1.5-q/int8";
                      }

                      @Override
                      public int dimension() {
                        return 384;
                      }

                      @Override
                      public float[] embedQuery(String query) {
                        throw new AssertionError("a check embeds nothing");
                      }

                      @Override
                      public java.util.List<float[]> embedPassages(
                          java.util.List<String> passages) {
                        throw new AssertionError("a check embeds nothing");
                      }
                    }));
    assertThat(e.getMessage())
        .contains(seed.toString(), "made with model hashing-64, expected bge-small-en-v1.5-q/int8");
    EmbeddingCache cache = EmbeddingCache.inMemory();
    assertThat(EmbeddingSeed.load(seed, "other-model", 64, cache)).isZero();
    assertThat(cache.size()).isZero();
  }

  @Test
  void aCutShortFileIsNamedAndNotUsedAndTheLocalCacheIsKept() throws IOException {
    Path seed = seedOf(docs(TestIndex.BONE, TestIndex.LIVER));
    byte[] whole = ungzip(Files.readAllBytes(seed));
    // Cut inside the records, and again just before the end mark, each re-compressed whole.
    for (int keep : new int[] {whole.length / 2, whole.length - 4, 10}) {
      Files.write(seed, gzip(Arrays.copyOf(whole, keep)));
      BadInput e = assertThrows(BadInput.class, () -> EmbeddingSeed.read(seed));
      assertThat(e.getMessage())
          .startsWith("embeddings file " + seed + ": it ")
          .containsAnyOf("cut short", "no end mark");
    }
    // A gzip stream cut mid-way (a partial download).
    byte[] gz = gzip(whole);
    Files.write(seed, Arrays.copyOf(gz, gz.length / 2));
    assertThat(assertThrows(BadInput.class, () -> EmbeddingSeed.read(seed)).getMessage())
        .contains("cut short");
    // Opening an index with it embeds what it would have given and keeps the local cache.
    Path data = dir.resolve("data");
    HashingEmbedder e = new HashingEmbedder();
    try (SearchIndex index = open(data, e, seed)) {
      assertThat(TestIndex.sync(index, TestIndex.BONE).passagesEmbedded()).isPositive();
    }
    long cached = Files.size(data.resolve("embeddings.bin"));
    try (SearchIndex index = open(data, e, seed)) {
      assertThat(index.passageCount()).isPositive();
    }
    assertThat(Files.size(data.resolve("embeddings.bin"))).isEqualTo(cached);
    assertThat(Files.readAllBytes(seed)).isEqualTo(Arrays.copyOf(gz, gz.length / 2));
  }

  @Test
  void aFileThatIsNotAnEmbeddingsFileIsNamed() throws IOException {
    Path seed = dir.resolve(EmbeddingSeed.FILE_NAME);
    Files.writeString(seed, "version https://git-lfs.github.com/spec/v1\n");
    assertThat(assertThrows(BadInput.class, () -> EmbeddingSeed.read(seed)).getMessage())
        .contains("not gzip data");
    Files.write(seed, gzip("plain text, gzipped".getBytes()));
    assertThat(assertThrows(BadInput.class, () -> EmbeddingSeed.read(seed)).getMessage())
        .contains("bad magic number");
    assertThat(
            assertThrows(BadInput.class, () -> EmbeddingSeed.read(dir.resolve("none.gz")))
                .getMessage())
        .contains("no such file");
    EmbeddingCache cache = EmbeddingCache.inMemory();
    assertThat(EmbeddingSeed.load(seed, "hashing-64", 64, cache)).isZero();
    assertThat(EmbeddingSeed.load(dir.resolve("none.gz"), "hashing-64", 64, cache)).isZero();
  }

  private static byte[] gzip(byte[] data) throws IOException {
    var out = new java.io.ByteArrayOutputStream();
    try (var gz = new java.util.zip.GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] ungzip(byte[] data) throws IOException {
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(data))) {
      return in.readAllBytes();
    }
  }
}
