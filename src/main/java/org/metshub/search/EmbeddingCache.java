package org.metshub.search;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.metshub.error.MetsHubException.Internal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeddings on disk, keyed by the SHA-256 of model id and text, so re-indexing an unchanged
 * passage never embeds it again. The file is an append-only log of records (32-byte key, vector
 * length, floats); a torn last record after a crash is ignored and overwritten. Loaded into memory
 * on open. Thread-safe (synchronised).
 */
public final class EmbeddingCache implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddingCache.class);
  private static final int MAGIC = 0x4D484543; // "MHEC"

  /** Null for a cache kept in memory only. */
  private final @Nullable Path file;

  private final Map<String, float[]> vectors = new HashMap<>();

  /** Null in memory only, and once closed. */
  private @Nullable DataOutputStream out;

  private long hits;
  private long misses;
  private @Nullable Runnable seeder;

  private EmbeddingCache(@Nullable Path file) {
    this.file = file;
  }

  /** Opens (or creates) the cache file. */
  public static EmbeddingCache open(Path file) {
    EmbeddingCache c = new EmbeddingCache(file);
    c.load(file);
    return c;
  }

  /** A cache that keeps nothing on disk (benchmarks of the embedding cost itself). */
  public static EmbeddingCache inMemory() {
    return new EmbeddingCache(null);
  }

  private void load(Path file) {
    try {
      Files.createDirectories(file.getParent());
      long valid = 0;
      if (Files.exists(file)) {
        try (InputStream raw = Files.newInputStream(file);
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
          if (in.readInt() != MAGIC) {
            throw new IOException("not an embedding cache (bad magic number)");
          }
          valid = 4;
          while (true) {
            byte[] key = new byte[32];
            in.readFully(key);
            int n = in.readInt();
            if (n <= 0 || n > 8192) {
              throw new IOException("corrupt record (vector length " + n + ")");
            }
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
              v[i] = in.readFloat();
            }
            vectors.put(HexFormat.of().formatHex(key), v);
            valid += 32 + 4 + 4L * n;
          }
        } catch (EOFException end) {
          // normal end, or a torn last record: keep what was whole
        } catch (IOException corrupt) {
          LOG.warn(
              "embedding cache {} is damaged ({}); keeping {} whole records",
              file,
              corrupt.getMessage(),
              vectors.size());
        }
      }
      if (valid == 0) {
        try (OutputStream o = Files.newOutputStream(file)) {
          new DataOutputStream(o).writeInt(MAGIC);
        }
      } else if (Files.size(file) != valid) {
        try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
          ch.truncate(valid);
        }
      }
      out =
          new DataOutputStream(
              new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.APPEND)));
    } catch (IOException e) {
      throw new Internal("cannot open embedding cache " + file + ": " + e.getMessage(), e);
    }
  }

  /** The key of a text under a model. */
  public static String key(String modelId, String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(modelId.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Adds vectors that were made elsewhere (a shipped {@link EmbeddingSeed}) to what this cache
   * answers from, in memory only: the file keeps what this machine embedded itself.
   */
  public synchronized void seed(Map<String, float[]> shipped) {
    shipped.forEach(vectors::putIfAbsent);
  }

  /**
   * Like {@link #seed}, but reads the vectors only when a text is first missing: a sync that finds
   * everything cached (the usual case) never opens the shipped file.
   */
  public synchronized void seedWhenMissing(Runnable loader) {
    this.seeder = loader;
  }

  /**
   * Adds vectors made elsewhere (another node's export) to this cache and to its file, so they stay
   * after a restart; keys already held are kept as they are.
   *
   * @return how many were new
   */
  public synchronized int absorb(Map<String, float[]> made) {
    int added = 0;
    for (var e : made.entrySet()) {
      if (!vectors.containsKey(e.getKey())) {
        put(e.getKey(), e.getValue());
        added++;
      }
    }
    flush();
    return added;
  }

  /** A copy of every vector held, by key (what an export writes). */
  public synchronized Map<String, float[]> snapshot() {
    return Map.copyOf(vectors);
  }

  public synchronized Optional<float[]> get(String key) {
    return Optional.ofNullable(vectors.get(key));
  }

  /**
   * Vectors for all texts: cached ones looked up, the rest embedded in one batch and stored. A text
   * that is missing and appears more than once (the passages of one section share their lead) is
   * embedded once; each of its places counts as a miss.
   */
  public List<float[]> embedAll(Embedder embedder, List<String> texts) {
    List<float[]> result = new ArrayList<>(texts.size());
    Map<String, List<Integer>> missingAt = new java.util.LinkedHashMap<>();
    List<String> keys = new ArrayList<>();
    synchronized (this) {
      if (seeder != null
          && !vectors
              .keySet()
              .containsAll(texts.stream().map(t -> key(embedder.modelId(), t)).toList())) {
        Runnable load = seeder;
        seeder = null;
        load.run();
      }
      for (int i = 0; i < texts.size(); i++) {
        String k = key(embedder.modelId(), texts.get(i));
        keys.add(k);
        float[] v = vectors.get(k);
        result.add(v);
        if (v == null) {
          missingAt.computeIfAbsent(texts.get(i), t -> new ArrayList<>()).add(i);
          misses++;
        } else {
          hits++;
        }
      }
    }
    if (!missingAt.isEmpty()) {
      List<String> missing = List.copyOf(missingAt.keySet());
      List<List<Integer>> places = List.copyOf(missingAt.values());
      List<float[]> fresh = embedder.embedPassages(missing);
      synchronized (this) {
        for (int j = 0; j < fresh.size(); j++) {
          List<Integer> at = places.get(j);
          for (int i : at) {
            result.set(i, fresh.get(j));
          }
          put(keys.get(at.get(0)), fresh.get(j));
        }
      }
    }
    return result;
  }

  private void put(String key, float[] v) {
    vectors.put(key, v);
    if (out == null) {
      return;
    }
    try {
      out.write(HexFormat.of().parseHex(key));
      out.writeInt(v.length);
      for (float x : v) {
        out.writeFloat(x);
      }
    } catch (IOException e) {
      throw new Internal("cannot write embedding cache " + file + ": " + e.getMessage(), e);
    }
  }

  /** Makes appended vectors durable. */
  public synchronized void flush() {
    if (out != null) {
      try {
        out.flush();
      } catch (IOException e) {
        throw new Internal("cannot write embedding cache " + file + ": " + e.getMessage(), e);
      }
    }
  }

  public synchronized long hits() {
    return hits;
  }

  public synchronized long misses() {
    return misses;
  }

  public synchronized int size() {
    return vectors.size();
  }

  @Override
  public synchronized void close() {
    flush();
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        LOG.warn("closing embedding cache {}: {}", file, e.getMessage());
      }
      out = null;
    }
  }
}
