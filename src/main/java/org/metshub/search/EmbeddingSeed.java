package org.metshub.search;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.Internal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeddings shipped with a KB ({@code KB/embeddings.bin.gz}), so that a fresh clone does not embed
 * the bundled KB again. Keys are those of {@link EmbeddingCache} (SHA-256 of model id and text), so
 * a shipped vector stands in for a cached one exactly. The file is gzip of: magic {@code MHES},
 * format version, model id (UTF), dimension, record count, the records sorted by key (32-byte key,
 * then the floats), and the magic again as an end mark, so a cut file is recognised even where gzip
 * would not notice. Sorted records and gzip's zero time stamp make the file a pure function of the
 * KB: refreshing an unchanged KB changes no byte.
 *
 * <p>The file is derived data. One that is missing, damaged, cut short or made with another model
 * is reported and not used; nothing is lost, the texts are embedded as if it were not there.
 */
public final class EmbeddingSeed {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddingSeed.class);

  /** The file's name inside a KB folder. */
  public static final String FILE_NAME = "embeddings.bin.gz";

  private static final int MAGIC = 0x4D484553; // "MHES"
  private static final int VERSION = 1;
  private static final int MAX_DIMENSION = 8192;

  /** What a seed file holds. */
  public record Contents(String modelId, int dimension, Map<String, float[]> vectors) {
    public Contents {
      vectors = Map.copyOf(vectors);
    }
  }

  private EmbeddingSeed() {}

  /** The seed file of a KB folder (which may not exist). */
  public static Path of(Path kbDir) {
    return kbDir.resolve(FILE_NAME);
  }

  /**
   * Reads a seed file.
   *
   * @throws BadInput naming the file and what is wrong with it
   */
  public static Contents read(Path file) {
    return read(file, null);
  }

  /** Reads a seed file; with {@code onlyModel}, stops after the header when it is another's. */
  private static Contents read(Path file, @Nullable String onlyModel) {
    try (DataInputStream in =
        new DataInputStream(
            new BufferedInputStream(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), 1 << 16))) {
      if (in.readInt() != MAGIC) {
        throw bad(file, "it is not a MetsHub embeddings file (bad magic number)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw bad(file, "format version must be " + VERSION + ", got " + version);
      }
      String model = in.readUTF();
      int dim = in.readInt();
      if (dim <= 0 || dim > MAX_DIMENSION) {
        throw bad(file, "dimension must be between 1 and " + MAX_DIMENSION + ", got " + dim);
      }
      int count = in.readInt();
      if (count < 0) {
        throw bad(file, "record count must not be negative, got " + count);
      }
      if (onlyModel != null && !onlyModel.equals(model)) {
        return new Contents(model, dim, Map.of());
      }
      Map<String, float[]> vectors = new TreeMap<>();
      byte[] key = new byte[32];
      for (int r = 0; r < count; r++) {
        try {
          in.readFully(key);
          float[] v = new float[dim];
          for (int i = 0; i < dim; i++) {
            v[i] = in.readFloat();
          }
          vectors.put(HexFormat.of().formatHex(key), v);
        } catch (EOFException e) {
          throw bad(file, "it is cut short: record " + (r + 1) + " of " + count + " is missing");
        }
      }
      if (in.readInt() != MAGIC) {
        throw bad(file, "it has no end mark after " + count + " records");
      }
      return new Contents(model, dim, vectors);
    } catch (BadInput e) {
      throw e;
    } catch (NoSuchFileException e) {
      throw bad(file, "no such file");
    } catch (EOFException e) {
      throw bad(file, "it is cut short");
    } catch (ZipException e) {
      throw bad(file, "it is not gzip data (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw bad(file, "cannot read it (" + e.getMessage() + ")");
    }
  }

  private static BadInput bad(Path file, String why) {
    return new BadInput("embeddings file " + file + ": " + why);
  }

  /**
   * Puts the vectors of a seed file made with {@code modelId} into {@code cache}. A file that is
   * missing is skipped silently; one that cannot be used is reported in the log and skipped.
   *
   * @return how many vectors were taken
   */
  public static int load(Path file, String modelId, int dimension, EmbeddingCache cache) {
    if (!Files.isRegularFile(file)) {
      return 0;
    }
    Contents c;
    try {
      c = read(file, modelId);
    } catch (BadInput e) {
      LOG.warn("{}; not used: every text it would have given is embedded instead", e.getMessage());
      return 0;
    }
    if (!c.modelId().equals(modelId) || c.dimension() != dimension) {
      // Expected with another embedder (the tests' hashing one), so not a warning.
      LOG.info(
          "embeddings file {} was made with model {} ({} dimensions), the index uses {} "
              + "({}); not used",
          file,
          c.modelId(),
          c.dimension(),
          modelId,
          dimension);
      return 0;
    }
    cache.seed(c.vectors());
    LOG.info("{} shipped embeddings read from {}", c.vectors().size(), file);
    return c.vectors().size();
  }

  /** How a seed file compares with what a KB needs: keys it lacks and keys no text needs. */
  public record Staleness(int needed, int missing, int extra) {
    public boolean current() {
      return missing == 0 && extra == 0;
    }

    @Override
    public String toString() {
      return current()
          ? "current (" + needed + " vectors)"
          : "stale: "
              + missing
              + " of "
              + needed
              + " needed vectors missing, "
              + extra
              + " not needed";
    }
  }

  /**
   * Compares a seed file with the texts a full index of {@code documents} embeds under {@code
   * embedder}'s model. Reads only keys: nothing is embedded (the embedder's tokenizer cuts passage
   * texts when {@code options} asks for it).
   *
   * @throws BadInput when the file cannot be read or was made with another model
   */
  public static Staleness check(
      Path file,
      Map<String, SearchIndex.Hashed> documents,
      IndexOptions options,
      Embedder embedder) {
    String modelId = embedder.modelId();
    Contents c = read(file);
    if (!c.modelId().equals(modelId)) {
      throw bad(file, "it was made with model " + c.modelId() + ", expected " + modelId);
    }
    java.util.Set<String> needed = new java.util.HashSet<>();
    for (String t : SearchIndex.embeddingTexts(documents, options, embedder)) {
      needed.add(EmbeddingCache.key(modelId, t));
    }
    int missing = (int) needed.stream().filter(k -> !c.vectors().containsKey(k)).count();
    int extra = (int) c.vectors().keySet().stream().filter(k -> !needed.contains(k)).count();
    return new Staleness(needed.size(), missing, extra);
  }

  /**
   * Writes the seed file of {@code documents}: exactly the vectors a full index of them needs,
   * taken from {@code cache} (which holds the current file, if any, and the local cache) or
   * embedded now.
   *
   * @return how many vectors had to be embedded
   */
  public static long refresh(
      Path file,
      Map<String, SearchIndex.Hashed> documents,
      IndexOptions options,
      Embedder embedder,
      EmbeddingCache cache,
      IndexProgress progress) {
    List<String> texts = SearchIndex.embeddingTexts(documents, options, embedder);
    Map<String, float[]> vectors = new TreeMap<>();
    long before = cache.misses();
    int batch = 32;
    progress.passages(0, texts.size());
    for (int from = 0; from < texts.size(); from += batch) {
      List<String> part = texts.subList(from, Math.min(texts.size(), from + batch));
      List<float[]> v = cache.embedAll(embedder, part);
      for (int i = 0; i < part.size(); i++) {
        vectors.put(EmbeddingCache.key(embedder.modelId(), part.get(i)), v.get(i));
      }
      progress.passages(from + part.size(), texts.size());
    }
    cache.flush();
    write(file, embedder.modelId(), embedder.dimension(), vectors);
    return cache.misses() - before;
  }

  /** Writes a seed file atomically (a temporary file, then a rename). */
  public static void write(Path file, String modelId, int dimension, Map<String, float[]> vectors) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      try (DataOutputStream out =
          new DataOutputStream(
              new BufferedOutputStream(
                  new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16), 1 << 16))) {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(modelId);
        out.writeInt(dimension);
        out.writeInt(vectors.size());
        for (var e : new TreeMap<>(vectors).entrySet()) {
          if (e.getValue().length != dimension) {
            throw new IllegalArgumentException(
                "vector "
                    + e.getKey()
                    + " has "
                    + e.getValue().length
                    + " dimensions, expected "
                    + dimension);
          }
          out.write(HexFormat.of().parseHex(e.getKey()));
          for (float x : e.getValue()) {
            out.writeFloat(x);
          }
        }
        out.writeInt(MAGIC);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the write error is the one to report
      }
      throw new Internal("cannot write embeddings file " + file + ": " + e.getMessage(), e);
    }
  }
}
