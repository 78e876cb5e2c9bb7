package org.metshub;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.metshub.answer.AnswerEngine;
import org.metshub.answer.ConversationStore;
import org.metshub.answer.SafetyScreen;
import org.metshub.answer.store.SqlConversations;
import org.metshub.answer.store.SqlGapLog;
import org.metshub.curation.AuditLog;
import org.metshub.curation.Curation;
import org.metshub.curation.Feedback;
import org.metshub.curation.KbFolder;
import org.metshub.curation.KbLive;
import org.metshub.curation.KbWatcher;
import org.metshub.curation.Sessions;
import org.metshub.curation.Submissions;
import org.metshub.curation.Users;
import org.metshub.directory.Directory;
import org.metshub.kb.KbFile;
import org.metshub.kb.KbReader;
import org.metshub.kb.ReviewSchedule;
import org.metshub.kb.Validator;
import org.metshub.kb.Vocabularies;
import org.metshub.search.Analyzers;
import org.metshub.search.BgeSmallEmbedder;
import org.metshub.search.CachedSearch;
import org.metshub.search.Embedder;
import org.metshub.search.EmbeddingSeed;
import org.metshub.search.IndexOptions;
import org.metshub.search.IndexProgress;
import org.metshub.search.IndexUpdate;
import org.metshub.search.KbIndexer;
import org.metshub.search.LuceneSearch;
import org.metshub.search.QueryEmbeddingCache;
import org.metshub.search.Ranking;
import org.metshub.search.Search;
import org.metshub.search.SearchIndex;
import org.metshub.store.Database;

/**
 * The application wired by hand, in one place: vocabularies, the KB read and validated, the search
 * index brought up to date, the directory, the answer engine, and the operational store with
 * curation (accounts, suggestions, reviews, feedback, content gaps, audit). The CLI and the web
 * server both start from here. After a curator's change, {@link #live} re-reads the KB. Close it to
 * release the index.
 *
 * <p>An {@link Opening} says how: {@code open} syncs the index before returning; a server may sync
 * in the background instead and answer meanwhile ({@link #preparing} says what is missing until
 * search is ready); the CLI beside a running server opens the index read-only, neither syncing it
 * nor recovering curation (the server does both). Query vectors and recent search responses are
 * cached ({@link QueryEmbeddingCache}, {@link CachedSearch}).
 *
 * <p>Commands that need a part of the core and not the whole (an index without the store, the
 * accounts without the index, a benchmark's index with other analyzers) build it through the static
 * factories here ({@link #openIndex}, {@link #indexer}, {@link #reviewSchedule}, {@link #readKb},
 * {@link #validatedKb}, {@link #database}, {@link #users}), so the core is wired in this one class.
 */
public final class App implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(App.class);
  private final Path kb;
  private final Vocabularies vocab;
  private final ReviewSchedule schedule;
  private final Analyzers analyzers;

  /** Query vectors kept: a few hundred distinct questions a minute at most (1.6 KB each). */
  static final int QUERY_VECTORS = 4096;

  /** Responses kept, and for how long: a burst of the same question is served from memory. */
  static final int RESPONSES = 2048;

  static final java.time.Duration RESPONSE_TTL = java.time.Duration.ofSeconds(60);

  private final SearchIndex index;
  private final CachedSearch search;
  private final QueryEmbeddingCache queryVectors;
  @Nullable private volatile IndexUpdate lastUpdate;
  @Nullable private volatile String preparing;

  /** Notices KB files changed outside MetsHub once {@link #watchKb} starts it. */
  private final KbWatcher watcher;

  private volatile Directory directory;
  private final AnswerEngine answers;
  private final SqlGapLog gaps;
  private final ConversationStore conversations;
  private final Database db;
  private final AuditLog audit;
  private final Users users;
  private final Sessions sessions;
  private final Submissions submissions;
  private final Curation curation;
  private final Feedback feedback;
  private final KbFolder live;

  /**
   * How the application starts.
   *
   * @param rebuild delete the index first and build it from scratch
   * @param readOnly open the index without writing it (a server holds it)
   * @param syncInBackground return before the index is in line with the KB; {@link #preparing} says
   *     so until it is
   * @param progress hears how the sync goes
   */
  public record Opening(
      boolean rebuild, boolean readOnly, boolean syncInBackground, IndexProgress progress) {
    public static final Opening DEFAULT = new Opening(false, false, false, IndexProgress.NONE);

    public Opening {
      if (readOnly && (rebuild || syncInBackground)) {
        throw new IllegalArgumentException("a read-only opening neither rebuilds nor syncs");
      }
    }
  }

  private App(
      Path kb,
      Path data,
      Clock clock,
      Embedder embedder,
      SafetyScreen safety,
      Opening opening,
      Database db,
      Ranking ranking,
      IndexOptions indexOptions) {
    this.kb = kb;
    this.vocab = Vocabularies.bundled();
    this.schedule = reviewSchedule(clock);
    this.analyzers = Analyzers.bundled();
    this.queryVectors = new QueryEmbeddingCache(embedder, QUERY_VECTORS);
    this.index = openIndex(kb, data, analyzers, queryVectors, indexOptions, schedule, opening);
    // Curation's changes re-read the folder through this; each refresh updates the index
    // incrementally (only changed passages are embedded) and the directory.
    // Taken before the folder is read, so a file changed in between is refreshed once more
    // rather than missed.
    this.watcher = new KbWatcher(kb, this::refreshKb, () -> this.preparing != null);
    this.live =
        new KbFolder(
            kb,
            vocab,
            schedule,
            fresh -> {
              IndexUpdate u = KbIndexer.index(index, fresh);
              this.directory = Directory.of(fresh);
              return u.summary();
            });
    this.search =
        new CachedSearch(
            new LuceneSearch(index, ranking), index::generation, RESPONSES, RESPONSE_TTL);
    this.directory = Directory.of(live.files());
    this.db = db;
    this.gaps = new SqlGapLog(db, clock);
    this.conversations = new SqlConversations(db, clock);
    this.answers =
        new AnswerEngine(
            search,
            safety,
            () -> this.directory,
            conversations,
            gaps,
            vocab,
            id -> Optional.ofNullable(documentsById().get(id)));
    this.audit = new AuditLog(db, clock);
    this.users = new Users(db, clock, audit);
    this.sessions = new Sessions(db, clock);
    this.submissions = new Submissions(db, clock, live);
    this.curation = new Curation(db, clock, live, audit);
    this.feedback = new Feedback(db, clock);
    if (opening.readOnly()) {
      this.lastUpdate = IndexUpdate.none(KbIndexer.skipped(live.files()));
    } else if (opening.syncInBackground()) {
      this.preparing = "the search index is being brought up to date with the KB";
      Thread t = new Thread(this::firstSync, "metshub-first-sync");
      t.setDaemon(true);
      t.start();
    } else {
      curation.recover();
      this.lastUpdate = KbIndexer.index(index, live.files());
    }
  }

  /** Recovers curation and brings the index in line with the KB, off the serving thread. */
  private void firstSync() {
    try {
      curation.recover();
      this.lastUpdate = KbIndexer.index(index, live.files());
      this.preparing = null;
      LOG.info("search is ready: index {}", lastUpdate.summary());
    } catch (RuntimeException e) {
      this.preparing = "the search index could not be built: " + e.getMessage();
      LOG.error("the search index could not be built", e);
    }
  }

  /**
   * What is still missing before search answers from the whole KB (the first sync of a server
   * started in the background), or empty when search is ready.
   */
  public Optional<String> preparing() {
    return Optional.ofNullable(preparing);
  }

  /** Whether the index was opened read-only beside a server that holds it. */
  public boolean readOnly() {
    return index.readOnly();
  }

  /** How often query vectors and search responses were served from memory. */
  public Map<String, org.metshub.search.CacheStats> cacheStats() {
    return Map.of("queryVectors", queryVectors.stats(), "searchResponses", search.stats());
  }

  /**
   * Opens the application on the configured KB and data folders, with the bundled model, the
   * configured store, ranking and index options, as {@code opening} says.
   *
   * @throws org.metshub.search.IndexHeldException when a running server holds the index (and the
   *     opening is not read-only)
   */
  public static App open(Config config, Clock clock, SafetyScreen safety, Opening opening) {
    return new App(
        config.kb(),
        config.data(),
        clock,
        new BgeSmallEmbedder(),
        safety,
        opening,
        database(config),
        config.ranking(),
        config.index());
  }

  /**
   * The configured operational store: {@code db.url} (PostgreSQL or SQLite), else SQLite in the
   * data folder.
   *
   * @throws org.metshub.error.MetsHubException.BadInput when the URL is not one MetsHub takes
   */
  public static Database database(Config config) {
    return Database.configured(config.db(), config.data());
  }

  /** Opens with a given embedder (tests use a small deterministic one), SQLite in DATA. */
  public static App open(Path kb, Path data, Clock clock, Embedder embedder, SafetyScreen safety) {
    return open(
        kb,
        data,
        clock,
        embedder,
        safety,
        Opening.DEFAULT,
        Database.sqlite(data.resolve("metshub.db")));
  }

  /** Opens with a given embedder and store. */
  public static App open(
      Path kb, Path data, Clock clock, Embedder embedder, SafetyScreen safety, Database db) {
    return open(kb, data, clock, embedder, safety, Opening.DEFAULT, db);
  }

  /** Opens with a given embedder, store and opening; the default ranking and index options. */
  public static App open(
      Path kb,
      Path data,
      Clock clock,
      Embedder embedder,
      SafetyScreen safety,
      Opening opening,
      Database db) {
    Config d = Config.defaults();
    return new App(kb, data, clock, embedder, safety, opening, db, d.ranking(), d.index());
  }

  /**
   * Opens the configured search index alone, without the store or curation: what the CLI's {@code
   * index} and {@code search} use. The bundled model embeds (query vectors cached); the bundled
   * vocabularies and analyzers and the configured index options apply. {@code opening} says whether
   * to rebuild it first or to open it read-only; the caller syncs it with the KB ({@link #indexer})
   * and closes it.
   *
   * @throws org.metshub.search.IndexHeldException when a running server holds the index (and the
   *     opening is not read-only)
   */
  public static SearchIndex openIndex(Config config, Clock clock, Opening opening) {
    if (opening.syncInBackground()) {
      throw new IllegalArgumentException(
          "an index opened alone is synced by its caller, not " + "in the background");
    }
    return openIndex(
        config.kb(),
        config.data(),
        Analyzers.bundled(),
        new QueryEmbeddingCache(new BgeSmallEmbedder(), QUERY_VECTORS),
        config.index(),
        reviewSchedule(clock),
        opening);
  }

  /**
   * Opens (creating) the index in {@code data} with the bundled vocabularies and the given
   * analyzers, embedder and options, without shipped embeddings: what the benchmarks compare.
   *
   * @throws org.metshub.search.IndexHeldException when another writer holds the index
   */
  public static SearchIndex openIndex(
      Path data,
      Analyzers analyzers,
      Embedder embedder,
      IndexOptions options,
      ReviewSchedule schedule) {
    return SearchIndex.open(data, analyzers, embedder, options, schedule, Vocabularies.bundled());
  }

  /** Opens the index of {@code data} as {@code opening} says, seeded from the KB's vectors. */
  private static SearchIndex openIndex(
      Path kb,
      Path data,
      Analyzers analyzers,
      Embedder embedder,
      IndexOptions options,
      ReviewSchedule schedule,
      Opening opening) {
    Vocabularies vocab = Vocabularies.bundled();
    SearchIndex index;
    if (opening.readOnly()) {
      index = SearchIndex.openReadOnly(data, analyzers, embedder, options, schedule, vocab);
    } else {
      if (opening.rebuild()) {
        // Opening first takes the lock, so a server's index is never deleted under it.
        SearchIndex.open(data, analyzers, embedder, options, schedule, vocab).close();
        SearchIndex.deleteIndex(data);
      }
      index =
          SearchIndex.open(
              data,
              analyzers,
              embedder,
              options,
              schedule,
              vocab,
              Optional.of(EmbeddingSeed.of(kb)));
    }
    index.progress(opening.progress());
    return index;
  }

  /** When each document falls due, by the bundled review frequencies, on {@code clock}. */
  public static ReviewSchedule reviewSchedule(Clock clock) {
    return new ReviewSchedule(clock, Vocabularies.bundled().reviewFrequencies());
  }

  /** Reads a KB folder, validates it on {@code schedule} and brings an index in line with it. */
  public static KbIndexer indexer(ReviewSchedule schedule) {
    Vocabularies vocab = Vocabularies.bundled();
    return new KbIndexer(new KbReader(vocab), new Validator(vocab, schedule));
  }

  /**
   * Reads the KB folder {@code kb} with the bundled vocabularies, not validated: the documents as
   * written, for a report on them (coverage) or a benchmark's corpus. Links do not leave the
   * folder.
   */
  public static List<KbFile> readKb(Path kb) {
    return new KbReader(Vocabularies.bundled()).readAll(List.of(kb));
  }

  /**
   * Reads the KB folder {@code kb} and validates it on {@code schedule} (from {@link
   * #reviewSchedule}), with the bundled vocabularies: each file carries its problems, as the index
   * sees it. Links do not leave the folder.
   */
  public static List<KbFile> validatedKb(Path kb, ReviewSchedule schedule) {
    return validatedKb(List.of(kb), /* followLinks= */ false, schedule);
  }

  /**
   * Reads the Markdown files under {@code roots} (files or folders) and validates them together on
   * {@code schedule}, with the bundled vocabularies. An entry not read (a FIFO, a link out of its
   * folder unless {@code followLinks}) is a file whose problem says why; the result is in path
   * order.
   */
  public static List<KbFile> validatedKb(
      List<Path> roots, boolean followLinks, ReviewSchedule schedule) {
    Vocabularies vocab = Vocabularies.bundled();
    return new Validator(vocab, schedule).validate(new KbReader(vocab).readAll(roots, followLinks));
  }

  /** The curator accounts in {@code db}, each change written to its audit log. */
  public static Users users(Database db, Clock clock) {
    return new Users(db, clock, new AuditLog(db, clock));
  }

  public Path kb() {
    return kb;
  }

  public Vocabularies vocab() {
    return vocab;
  }

  public ReviewSchedule schedule() {
    return schedule;
  }

  public SearchIndex index() {
    return index;
  }

  public Search search() {
    return search;
  }

  /**
   * What the last sync did: the one on opening, or nothing yet (all zero) while a background sync
   * runs or when the index was opened read-only.
   */
  public IndexUpdate lastUpdate() {
    IndexUpdate u = lastUpdate;
    return u != null ? u : IndexUpdate.none(List.of());
  }

  /** The valid documents by id, rebuilt when the KB folder's list of files changes. */
  private Map<String, org.metshub.kb.KbDocument> documentsById() {
    List<KbFile> files = live.files();
    DocumentsById current = byId;
    if (current == null || current.files() != files) {
      Map<String, org.metshub.kb.KbDocument> map = new java.util.HashMap<>();
      for (KbFile f : files) {
        if (f instanceof org.metshub.kb.KbDocument d) {
          map.put(d.id(), d);
        }
      }
      current = new DocumentsById(files, Map.copyOf(map));
      byId = current;
    }
    return current.byId();
  }

  /** The valid KB documents by id, as the answer path reads them. */
  public org.metshub.answer.Documents documents() {
    return id -> Optional.ofNullable(documentsById().get(id));
  }

  private record DocumentsById(List<KbFile> files, Map<String, org.metshub.kb.KbDocument> byId) {}

  private volatile @Nullable DocumentsById byId;

  public List<KbFile> files() {
    return live.files();
  }

  public Directory directory() {
    return directory;
  }

  public AnswerEngine answers() {
    return answers;
  }

  public SqlGapLog gaps() {
    return gaps;
  }

  public Database db() {
    return db;
  }

  public AuditLog audit() {
    return audit;
  }

  public Users users() {
    return users;
  }

  public Sessions sessions() {
    return sessions;
  }

  public Submissions submissions() {
    return submissions;
  }

  public Curation curation() {
    return curation;
  }

  public Feedback feedback() {
    return feedback;
  }

  public KbLive live() {
    return live;
  }

  public ConversationStore conversations() {
    return conversations;
  }

  @Override
  public void close() {
    watcher.close();
    index.close();
  }

  /**
   * Looks at the KB folder every {@code periodMillis} and serves files added, changed or removed
   * outside MetsHub (a {@code git pull}, an editor, a deletion) without a restart: search, answers,
   * pages and the directory, as a curation change would. Not while the first sync runs; stopped by
   * {@link #close}.
   */
  public App watchKb(long periodMillis) {
    watcher.start(periodMillis);
    return this;
  }

  private String refreshKb(List<String> paths) {
    return live.refresh(paths);
  }

  /** Looks at the KB folder once now ({@link #watchKb}); the paths refreshed. */
  public List<String> lookAtKb() {
    return watcher.poll();
  }
}
