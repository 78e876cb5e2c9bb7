package org.metshub.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.metshub.error.MetsHubException.Conflict;
import org.metshub.error.MetsHubException.Internal;
import org.metshub.error.MetsHubException.Unavailable;
import org.metshub.kb.FrontMatter;
import org.metshub.kb.KbDocument;
import org.metshub.kb.ReviewSchedule;
import org.metshub.kb.Vocabularies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk Lucene index of passages under {@code DATA/index}, with its embedding cache under
 * {@code DATA/embeddings.bin}. {@link #sync} brings it in line with a set of KB documents
 * incrementally: a document whose file hash is unchanged is left alone, a changed one has its
 * passages replaced (delete by doc id, then add), a vanished one is deleted. An index that is
 * missing, unreadable or built with other options is rebuilt from scratch, with a log line saying
 * why. Writes are committed before {@code sync} returns. Thread-safe: one writer, searchers
 * refreshed through a {@link SearcherManager}.
 *
 * <p>Only one process may write an index (Lucene's {@code write.lock}). {@link #open} checks the
 * lock before anything else, so an index held by a running server is never cleared for a rebuild;
 * it throws {@link IndexHeldException} instead, and {@link #openReadOnly} then opens the same index
 * for searching only, as the server last committed it.
 */
public final class SearchIndex implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
  private static final String SIGNATURE_KEY = "metshub.signature";
  private static final int EMBED_BATCH = 32;

  private final Path dir;
  private final Directory directory;

  /** Null when the index was opened read-only. */
  private final @Nullable IndexWriter writer;

  private final SearcherManager searchers;
  private final Analyzers analyzers;
  private final Embedder embedder;
  private final EmbeddingCache cache;
  private final IndexOptions options;
  private final ReviewSchedule schedule;
  private final Vocabularies vocab;
  private final FacetsConfig facetsConfig = facetsConfig();

  /** Why the index was rebuilt on open; null when it was not. */
  private final @Nullable String openReason;

  private final java.util.concurrent.atomic.AtomicLong generation =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile IndexProgress progress = IndexProgress.NONE;
  private volatile boolean closing;

  private SearchIndex(
      Path dataDir,
      Analyzers analyzers,
      Embedder embedder,
      EmbeddingCache cache,
      IndexOptions options,
      ReviewSchedule schedule,
      Vocabularies vocab)
      throws IOException {
    this.dir = dataDir.resolve("index");
    this.analyzers = analyzers;
    this.embedder = embedder;
    this.cache = cache;
    this.options = options;
    this.schedule = schedule;
    this.vocab = vocab;
    Files.createDirectories(dir);
    probeLock(dir);
    String reason = checkExisting();
    if (reason != null) {
      LOG.info("rebuilding the search index at {}: {}", dir, reason);
      clear(dir);
    }
    this.openReason = reason;
    this.directory = FSDirectory.open(dir);
    IndexWriterConfig cfg = new IndexWriterConfig(analyzers.indexAnalyzer());
    cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    cfg.setRAMBufferSizeMB(64);
    // Every sync commits before it returns; what a sync stopped by close() had written is
    // dropped rather than committed half-done.
    cfg.setCommitOnClose(false);
    try {
      this.writer = new IndexWriter(directory, cfg);
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new IndexHeldException(dir, e);
    }
    if (reason != null) {
      writer.setLiveCommitData(Map.of(SIGNATURE_KEY, options.signature(embedder)).entrySet());
      writer.commit();
    }
    this.searchers = new SearcherManager(writer, null);
  }

  /**
   * Opens the index in {@code dataDir}, rebuilding it (empty) when needed.
   *
   * @throws IndexHeldException when another writer (a running server) holds the index
   */
  public static SearchIndex open(
      Path dataDir,
      Analyzers analyzers,
      Embedder embedder,
      IndexOptions options,
      ReviewSchedule schedule,
      Vocabularies vocab) {
    return open(dataDir, analyzers, embedder, options, schedule, vocab, Optional.empty());
  }

  /**
   * Opens the index in {@code dataDir} with shipped embeddings ({@link EmbeddingSeed}) behind the
   * local cache: texts found there are not embedded again.
   *
   * @throws IndexHeldException when another writer (a running server) holds the index
   */
  public static SearchIndex open(
      Path dataDir,
      Analyzers analyzers,
      Embedder embedder,
      IndexOptions options,
      ReviewSchedule schedule,
      Vocabularies vocab,
      Optional<Path> seed) {
    EmbeddingCache cache =
        options.withVectors()
            ? EmbeddingCache.open(dataDir.resolve("embeddings.bin"))
            : EmbeddingCache.inMemory();
    if (options.withVectors() && seed.isPresent()) {
      cache.seedWhenMissing(
          () -> EmbeddingSeed.load(seed.get(), embedder.modelId(), embedder.dimension(), cache));
    }
    try {
      return new SearchIndex(dataDir, analyzers, embedder, cache, options, schedule, vocab);
    } catch (IOException e) {
      cache.close();
      throw new Internal("cannot open the search index in " + dataDir + ": " + e, e);
    } catch (RuntimeException e) {
      cache.close();
      throw e;
    }
  }

  /**
   * Opens the index in {@code dataDir} for searching only, as its writer last committed it, without
   * taking the write lock: what the CLI does beside a running server. Nothing is written, not even
   * the embedding cache (queries are embedded on the fly).
   *
   * @throws Unavailable when there is no index there yet
   * @throws Conflict when it was built with other settings
   */
  public static SearchIndex openReadOnly(
      Path dataDir,
      Analyzers analyzers,
      Embedder embedder,
      IndexOptions options,
      ReviewSchedule schedule,
      Vocabularies vocab) {
    Path dir = dataDir.resolve("index");
    Directory directory = null;
    try {
      directory = FSDirectory.open(dir);
      if (!DirectoryReader.indexExists(directory)) {
        throw new Unavailable(
            "cannot open the search index "
                + dir
                + " read-only: there is no index there yet (the server may still be building it)");
      }
      SearcherManager searchers = new SearcherManager(directory, null);
      var s = searchers.acquire();
      String sig;
      try {
        sig =
            ((DirectoryReader) s.getIndexReader())
                .getIndexCommit()
                .getUserData()
                .get(SIGNATURE_KEY);
      } finally {
        searchers.release(s);
      }
      if (!options.signature(embedder).equals(sig)) {
        searchers.close();
        throw new Conflict(
            "cannot search the index "
                + dir
                + " read-only: it was built with"
                + " other settings ("
                + sig
                + ", expected "
                + options.signature(embedder)
                + ")");
      }
      return new SearchIndex(
          dir, directory, searchers, analyzers, embedder, options, schedule, vocab);
    } catch (IOException e) {
      closeQuietly(directory);
      throw new Internal("cannot open the search index " + dir + " read-only: " + e, e);
    } catch (RuntimeException e) {
      closeQuietly(directory);
      throw e;
    }
  }

  private SearchIndex(
      Path dir,
      Directory directory,
      SearcherManager searchers,
      Analyzers analyzers,
      Embedder embedder,
      IndexOptions options,
      ReviewSchedule schedule,
      Vocabularies vocab) {
    this.dir = dir;
    this.directory = directory;
    this.writer = null;
    this.searchers = searchers;
    this.analyzers = analyzers;
    this.embedder = embedder;
    this.cache = EmbeddingCache.inMemory();
    this.options = options;
    this.schedule = schedule;
    this.vocab = vocab;
    this.openReason = null;
  }

  private static void closeQuietly(@Nullable Directory d) {
    if (d != null) {
      try {
        d.close();
      } catch (IOException ignored) {
        // already failing; the first error is the one reported
      }
    }
  }

  /** Throws {@link IndexHeldException} when another writer holds the index's write lock. */
  private static void probeLock(Path dir) throws IOException {
    try (Directory d = FSDirectory.open(dir);
        Lock lock = d.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
      lock.ensureValid();
    } catch (LockObtainFailedException e) {
      throw new IndexHeldException(dir, e);
    }
  }

  /** Whether this index was opened with {@link #openReadOnly}: it can be searched, not synced. */
  public boolean readOnly() {
    return writer == null;
  }

  /**
   * How many times a sync has changed what searches see since the index was opened; caches of
   * search results are keyed by it.
   */
  public long generation() {
    return generation.get();
  }

  /** Reports indexing progress to {@code listener} from now on (one at a time). */
  public void progress(IndexProgress listener) {
    this.progress = listener;
  }

  /** Why the index had to be rebuilt on open, if it had to. */
  public java.util.Optional<String> rebuildReason() {
    return java.util.Optional.ofNullable(openReason);
  }

  /** Why the index must be rebuilt, or null when it can be used as it is. */
  private @Nullable String checkExisting() {
    try {
      if (!DirectoryReader.indexExists(FSDirectory.open(dir))) {
        return "no index yet";
      }
      try (Directory d = FSDirectory.open(dir);
          DirectoryReader r = DirectoryReader.open(d)) {
        String sig = r.getIndexCommit().getUserData().get(SIGNATURE_KEY);
        if (!options.signature(embedder).equals(sig)) {
          return "it was built with other settings (" + sig + ")";
        }
        r.leaves()
            .forEach(
                l -> {
                  try {
                    l.reader().checkIntegrity();
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                });
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return "it is unreadable (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
    }
  }

  private static void clear(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(dir)) {
          Files.delete(p);
        }
      }
    }
  }

  /** Deletes the index folder of a data folder (the embedding cache is kept). */
  public static void deleteIndex(Path dataDir) {
    Path d = dataDir.resolve("index");
    if (!Files.isDirectory(d)) {
      return;
    }
    try {
      clear(d);
    } catch (IOException e) {
      throw new Internal("cannot delete the search index " + d + ": " + e.getMessage(), e);
    }
  }

  /** The ids and file hashes of the documents in the index. */
  public Map<String, String> indexedHashes() {
    Map<String, String> out = new HashMap<>();
    try {
      searchers.maybeRefreshBlocking();
      var s = searchers.acquire();
      try {
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
          Bits live = leaf.reader().getLiveDocs();
          StoredFields stored = leaf.reader().storedFields();
          Set<String> fields = Set.of(Fields.DOC_ID, Fields.DOC_HASH);
          for (int i = 0; i < leaf.reader().maxDoc(); i++) {
            if (live == null || live.get(i)) {
              Document d = stored.document(i, fields);
              out.putIfAbsent(d.get(Fields.DOC_ID), d.get(Fields.DOC_HASH));
            }
          }
        }
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new Internal("cannot read the search index in " + dir + ": " + e, e);
    }
    return out;
  }

  /**
   * Makes the index hold exactly these documents (id → document with its file hash). Documents with
   * errors must be left out by the caller and listed in {@code skipped}.
   */
  public synchronized IndexUpdate sync(
      Map<String, Hashed> documents, List<IndexUpdate.Skipped> skipped) {
    if (writer == null) {
      throw new IllegalStateException("the index " + dir + " was opened read-only");
    }
    long start = System.nanoTime();
    long embeddedBefore = cache.misses();
    long hitsBefore = cache.hits();
    Map<String, String> indexed = indexedHashes();
    int added = 0;
    int changed = 0;
    int unchanged = 0;
    int removed = 0;
    int passages = 0;
    try {
      List<Passage> toAdd = new ArrayList<>();
      Map<String, PageOpenings.Opening> openings = openings(documents.values(), options);
      for (var e : documents.entrySet()) {
        String old = indexed.get(e.getKey());
        if (e.getValue().hash().equals(old)) {
          unchanged++;
          continue;
        }
        if (old == null) {
          added++;
        } else {
          changed++;
          writer.deleteDocuments(new Term(Fields.DOC_ID, e.getKey()));
        }
        toAdd.addAll(
            PageOpenings.apply(
                openings,
                e.getValue().document(),
                Passages.of(e.getValue().document(), e.getValue().hash())));
      }
      Set<String> gone = new HashSet<>(indexed.keySet());
      gone.removeAll(documents.keySet());
      for (String id : gone) {
        writer.deleteDocuments(new Term(Fields.DOC_ID, id));
        removed++;
      }
      passages = addAll(writer, toAdd);
      writer.setLiveCommitData(Map.of(SIGNATURE_KEY, options.signature(embedder)).entrySet());
      writer.commit();
      cache.flush();
      searchers.maybeRefreshBlocking();
      if (added + changed + removed > 0) {
        generation.incrementAndGet();
      }
    } catch (IOException e) {
      throw new Internal("cannot write the search index in " + dir + ": " + e, e);
    }
    return new IndexUpdate(
        added,
        changed,
        unchanged,
        removed,
        passages,
        cache.misses() - embeddedBefore,
        cache.hits() - hitsBefore,
        skipped,
        openReason != null,
        openReason == null ? "" : openReason,
        (System.nanoTime() - start) / 1_000_000);
  }

  /** A document with the hash of its file. */
  public record Hashed(KbDocument document, String hash) {}

  private static Map<String, PageOpenings.Opening> openings(
      java.util.Collection<Hashed> documents, IndexOptions options) {
    return options.withTitles()
        ? Map.of()
        : PageOpenings.of(documents.stream().map(Hashed::document).toList());
  }

  /**
   * Every text a full sync of these documents embeds (each passage's text and its section lead), in
   * passage order, without duplicates: what a shipped embeddings file must hold.
   */
  public static List<String> embeddingTexts(
      Map<String, Hashed> documents, IndexOptions options, Embedder embedder) {
    Map<String, PageOpenings.Opening> openings = openings(documents.values(), options);
    java.util.LinkedHashSet<String> texts = new java.util.LinkedHashSet<>();
    for (Hashed h : documents.values()) {
      for (Passage p :
          PageOpenings.apply(openings, h.document(), Passages.of(h.document(), h.hash()))) {
        if (options.passageVectors()) {
          texts.add(passageInput(p, options, embedder));
        }
        texts.add(leadInput(p, options));
        texts.addAll(partInputs(p, options));
      }
    }
    return List.copyOf(texts);
  }

  private int addAll(IndexWriter writer, List<Passage> passages) throws IOException {
    int n = 0;
    progress.passages(0, passages.size());
    // A document's passages go in as one block: they stay together in one segment, which lets
    // facet counting count documents rather than passages.
    List<Document> block = new ArrayList<>();
    String blockDoc = null;
    for (int from = 0; from < passages.size(); from += EMBED_BATCH) {
      if (closing) {
        throw new Unavailable("the search index " + dir + " was closed during a sync");
      }
      List<Passage> batch = passages.subList(from, Math.min(passages.size(), from + EMBED_BATCH));
      List<float[]> vectors = null;
      List<float[]> leads = null;
      List<byte[]> parts = null;
      if (options.passageVectors()) {
        vectors =
            cache.embedAll(
                embedder, batch.stream().map(p -> passageInput(p, options, embedder)).toList());
      }
      if (options.withVectors()) {
        leads = cache.embedAll(embedder, batch.stream().map(p -> leadInput(p, options)).toList());
        parts = partVectors(batch);
      }
      for (int i = 0; i < batch.size(); i++) {
        Passage p = batch.get(i);
        if (!block.isEmpty() && !p.docId().equals(blockDoc)) {
          writer.addDocuments(block);
          block.clear();
        }
        blockDoc = p.docId();
        block.add(
            facetsConfig.build(
                toDocument(
                    p,
                    vectors == null ? null : vectors.get(i),
                    leads == null ? null : leads.get(i),
                    parts == null ? null : parts.get(i))));
        n++;
      }
      progress.passages(from + batch.size(), passages.size());
    }
    if (!block.isEmpty()) {
      writer.addDocuments(block);
    }
    return n;
  }

  /**
   * What the model reads for a passage's own vector, its section lead and its questions: a Spanish
   * page's words glossed into English ({@link Gloss}), others as written.
   */
  private static String passageInput(Passage p, IndexOptions options, Embedder embedder) {
    return embedder.clip(
        Gloss.forModel(p.document().language(), p.embeddingText(options.withTitles())),
        options.passageTokens());
  }

  private static String leadInput(Passage p, IndexOptions options) {
    return Gloss.forModel(p.document().language(), p.leadText(options.withTitles()));
  }

  /**
   * What the model reads for each section of a passage ({@link Passage#parts}): its lead, then its
   * questions, section after section, as {@link Fields#PART_VECTORS} stores their vectors. A
   * passage of one section leaves its lead out: it is the passage's own lead vector.
   */
  private static List<String> partInputs(Passage p, IndexOptions options) {
    String language = p.document().language();
    boolean leads = p.parts().size() > 1;
    List<String> out = new ArrayList<>();
    for (Passage.Part part : p.parts()) {
      if (leads) {
        out.add(Gloss.forModel(language, p.leadText(options.withTitles(), part)));
      }
      part.questions().forEach(q -> out.add(Gloss.forModel(language, q)));
    }
    return out;
  }

  /** Each passage's sections packed as {@link Fields#PART_VECTORS} stores them, in one call. */
  private List<byte[]> partVectors(List<Passage> batch) {
    List<List<String>> inputs = batch.stream().map(p -> partInputs(p, options)).toList();
    List<String> all = inputs.stream().flatMap(List::stream).toList();
    List<float[]> vectors = all.isEmpty() ? List.of() : cache.embedAll(embedder, all);
    List<byte[]> out = new ArrayList<>(batch.size());
    int at = 0;
    for (int i = 0; i < batch.size(); i++) {
      int n = inputs.get(i).size();
      out.add(packParts(batch.get(i).parts(), vectors.subList(at, at + n)));
      at += n;
    }
    return out;
  }

  /**
   * The sections' vectors as {@link Fields#PART_VECTORS} stores them.
   *
   * @param vectors for each part in order, its lead's vector (only when there are several parts)
   *     and then its questions'
   */
  static byte[] packParts(List<Passage.Part> parts, List<float[]> vectors) {
    int dims = vectors.isEmpty() ? 0 : vectors.get(0).length;
    boolean leads = parts.size() > 1;
    java.nio.ByteBuffer b =
        java.nio.ByteBuffer.allocate(parts.size() * Integer.BYTES + vectors.size() * dims * 4);
    int at = 0;
    for (Passage.Part part : parts) {
      int questions = part.questions().size();
      b.putInt(questions);
      for (int i = leads ? 0 : 1; i <= questions; i++) {
        float[] v = vectors.get(at++);
        if (v.length != dims) {
          throw new Internal("section vectors of different lengths: " + v.length + ", " + dims);
        }
        for (float x : v) {
          b.putFloat(x);
        }
      }
    }
    if (at != vectors.size()) {
      throw new Internal(vectors.size() + " section vectors for " + at + " texts");
    }
    return b.array();
  }

  static FacetsConfig facetsConfig() {
    FacetsConfig c = new FacetsConfig();
    c.setMultiValued(Fields.CANCER_TYPE, true);
    c.setMultiValued(Fields.SITE, true);
    return c;
  }

  private Document toDocument(
      Passage p, float @Nullable [] vector, float @Nullable [] lead, byte @Nullable [] parts) {
    FrontMatter fm = p.document();
    String lang = "es".equals(fm.language()) ? "es" : "en";
    Document d = new Document();
    d.add(new StringField(Fields.PASSAGE_ID, p.id(), Field.Store.YES));
    d.add(new StringField(Fields.DOC_ID, p.docId(), Field.Store.YES));
    // Doc values for what ranking reads of every candidate (collapse by document, priors):
    // column reads instead of decompressing stored documents.
    d.add(new SortedDocValuesField(Fields.DOC_ID, new BytesRef(p.docId())));
    tierNumber(fm.sourceType())
        .ifPresent(t -> d.add(new NumericDocValuesField(Fields.TIER_NUMBER, t)));
    d.add(new NumericDocValuesField(Fields.PROFESSIONAL, professional(fm) ? 1 : 0));
    d.add(new StoredField(Fields.DOC_HASH, p.docHash()));
    d.add(new StoredField(Fields.ORDINAL, p.ordinal()));
    d.add(new StoredField(Fields.STORED_TITLE, fm.title()));
    if (options.withTitles()) {
      d.add(new TextField(Fields.localized(Fields.TITLE, lang), fm.title(), Field.Store.NO));
    }
    d.add(new TextField(Fields.localized(Fields.HEADING, lang), p.heading(), Field.Store.YES));
    d.add(new TextField(Fields.localized(Fields.BODY, lang), p.text(), Field.Store.YES));
    if (!p.asks().isEmpty()) {
      d.add(
          new TextField(
              Fields.localized(Fields.ASKS, lang), String.join("\n", p.asks()), Field.Store.NO));
    }
    String spelling = (options.withTitles() ? fm.title() + "\n" : "") + p.text();
    d.add(new TextField(Fields.SPELL, spelling, Field.Store.NO));
    d.add(new TextField(Fields.localized(Fields.SPELL, lang), spelling, Field.Store.NO));
    if (vector != null) {
      d.add(new KnnFloatVectorField(Fields.VECTOR, vector, VectorSimilarityFunction.COSINE));
    }
    if (lead != null) {
      d.add(new KnnFloatVectorField(Fields.LEAD_VECTOR, lead, VectorSimilarityFunction.COSINE));
    }
    if (parts != null) {
      if (p.parts().size() > 1) {
        for (Passage.Part part : p.parts()) {
          d.add(new StoredField(Fields.PARTS, part.heading()));
        }
      }
      d.add(new StoredField(Fields.PART_VECTORS, parts));
    }
    d.add(new StoredField(Fields.URL, fm.url()));
    d.add(new StoredField(Fields.SOURCE, fm.source()));
    d.add(new StoredField(Fields.LICENSE, fm.license()));
    d.add(new StoredField(Fields.REVIEW_FREQUENCY, fm.reviewFrequency()));
    d.add(new StringField(Fields.STATUS, fm.status(), Field.Store.YES));
    fm.lastReviewed()
        .ifPresent(
            day -> {
              d.add(new StoredField(Fields.LAST_REVIEWED, day.toString()));
              d.add(new LongPoint(Fields.LAST_REVIEWED_DAYS, day.toEpochDay()));
            });
    schedule
        .nextReviewDue(fm.lastReviewed(), fm.reviewFrequency())
        .ifPresent(
            due -> {
              d.add(new LongPoint(Fields.NEXT_REVIEW_DUE, due.toEpochDay()));
              d.add(new NumericDocValuesField(Fields.NEXT_REVIEW_DUE, due.toEpochDay()));
            });
    long published = fm.datePublished().or(fm::lastReviewed).map(LocalDate::toEpochDay).orElse(0L);
    d.add(new LongPoint(Fields.PUBLISHED_DAYS, published));
    d.add(new NumericDocValuesField(Fields.PUBLISHED_DAYS, published));
    for (String ct : fm.cancerTypes()) {
      facet(d, Fields.CANCER_TYPE, ct);
    }
    for (String site : fm.metastaticSites()) {
      facet(d, Fields.SITE, site);
    }
    facet(d, Fields.AUDIENCE, fm.audienceLevel());
    facet(d, Fields.LANGUAGE, lang);
    facet(d, Fields.SOURCE_TIER, fm.sourceType());
    facet(d, Fields.DOC_TYPE, fm.docType());
    facet(d, Fields.LICENSE_CLASS, vocab.quotable(fm.license()) ? "quotable" : "link-only");
    return d;
  }

  /** The number a source tier's id starts with ({@code 04_metshub_editorial} is 4). */
  static java.util.OptionalInt tierNumber(String sourceType) {
    if (sourceType.length() < 2
        || !Character.isDigit(sourceType.charAt(0))
        || !Character.isDigit(sourceType.charAt(1))) {
      return java.util.OptionalInt.empty();
    }
    return java.util.OptionalInt.of(Integer.parseInt(sourceType.substring(0, 2)));
  }

  /** Whether a document is written for clinicians or researchers. */
  private boolean professional(FrontMatter fm) {
    return vocab
        .audienceLevels()
        .byId(fm.audienceLevel())
        .map(x -> x.flag("professional"))
        .orElse(false);
  }

  private static void facet(Document d, String dim, String value) {
    String v = value == null || value.isBlank() ? "unknown" : value;
    d.add(new StringField(dim, v, Field.Store.YES));
    d.add(new SortedSetDocValuesFacetField(dim, v));
  }

  SearcherManager searchers() {
    return searchers;
  }

  Analyzers analyzers() {
    return analyzers;
  }

  Embedder embedder() {
    return embedder;
  }

  IndexOptions options() {
    return options;
  }

  ReviewSchedule schedule() {
    return schedule;
  }

  Vocabularies vocab() {
    return vocab;
  }

  /** Size of the index files on disk, in bytes. */
  public long sizeOnDisk() {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      return -1;
    }
  }

  /** Number of passages (live Lucene documents). */
  public int passageCount() {
    try {
      searchers.maybeRefreshBlocking();
      var s = searchers.acquire();
      try {
        return s.getIndexReader().numDocs();
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new Internal("cannot read the search index in " + dir + ": " + e, e);
    }
  }

  /** Closes the index; a sync running on another thread stops at its next batch. */
  @Override
  public void close() {
    closing = true;
    closeNow();
  }

  private synchronized void closeNow() {
    try {
      searchers.close();
      if (writer != null) {
        writer.close();
      }
      directory.close();
    } catch (IOException e) {
      LOG.warn("closing the search index {}: {}", dir, e.getMessage());
    } finally {
      cache.close();
    }
  }
}
