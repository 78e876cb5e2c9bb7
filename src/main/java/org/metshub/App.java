package org.metshub;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metshub.answer.AnswerEngine;
import org.metshub.answer.ConversationStore;
import org.metshub.answer.GapLog;
import org.metshub.answer.SafetyScreen;
import org.metshub.curation.AuditLog;
import org.metshub.curation.Curation;
import org.metshub.curation.Feedback;
import org.metshub.curation.KbFolder;
import org.metshub.curation.KbLive;
import org.metshub.curation.Sessions;
import org.metshub.answer.store.SqlConversations;
import org.metshub.answer.store.SqlGapLog;
import org.metshub.curation.Submissions;
import org.metshub.curation.Users;
import org.metshub.directory.Directory;
import org.metshub.kb.KbFile;
import org.metshub.kb.ReviewSchedule;
import org.metshub.kb.Vocabularies;
import org.metshub.search.Analyzers;
import org.metshub.search.BgeSmallEmbedder;
import org.metshub.search.Embedder;
import org.metshub.search.IndexOptions;
import org.metshub.search.IndexUpdate;
import org.metshub.search.KbIndexer;
import org.metshub.search.LuceneSearch;
import org.metshub.search.Ranking;
import org.metshub.search.SearchIndex;
import org.metshub.store.Database;

/**
 * The application wired by hand, in one place: vocabularies, the KB read and validated, the
 * search index brought up to date, the directory, the answer engine, and the operational store
 * with curation (accounts, suggestions, reviews, feedback, content gaps, audit). The CLI and the
 * web server both start from here. After a curator's change, {@link #live} re-reads the KB.
 * Close it to release the index.
 */
public final class App implements AutoCloseable {
  private final Path kb;
  private final Vocabularies vocab;
  private final ReviewSchedule schedule;
  private final Analyzers analyzers;
  private final SearchIndex index;
  private final LuceneSearch search;
  private final IndexUpdate lastUpdate;
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

  private App(Path kb, Path data, Clock clock, Embedder embedder, SafetyScreen safety,
      boolean rebuild, Database db) {
    this.kb = kb;
    this.vocab = Vocabularies.bundled();
    this.schedule = new ReviewSchedule(clock, vocab.reviewFrequencies());
    this.analyzers = Analyzers.bundled();
    if (rebuild) {
      org.metshub.search.SearchIndex.deleteIndex(data);
    }
    this.index = SearchIndex.open(data, analyzers, embedder, IndexOptions.DEFAULT, schedule,
        vocab);
    // Curation's changes re-read the folder through this; each refresh updates the index
    // incrementally (only changed passages are embedded) and the directory.
    this.live = new KbFolder(kb, vocab, schedule, fresh -> {
      IndexUpdate u = KbIndexer.index(index, fresh);
      this.directory = Directory.of(fresh);
      return u.summary();
    });
    this.lastUpdate = KbIndexer.index(index, live.files());
    this.search = new LuceneSearch(index, Ranking.fromSystemProperties());
    this.directory = Directory.of(live.files());
    this.db = db;
    this.gaps = new SqlGapLog(db, clock);
    this.conversations = new SqlConversations(db, clock);
    this.answers = new AnswerEngine(search, safety, () -> this.directory, conversations, gaps,
        vocab, id -> Optional.ofNullable(documentsById().get(id)));
    this.audit = new AuditLog(db, clock);
    this.users = new Users(db, clock, audit);
    this.sessions = new Sessions(db, clock);
    this.submissions = new Submissions(db, clock, live);
    this.curation = new Curation(db, clock, live, audit);
    this.feedback = new Feedback(db, clock);
    curation.recover();
  }

  /**
   * Opens the application on a KB folder and data folder, with the bundled model and the
   * configured store ({@code METSHUB_DB_URL}, else {@code DATA/metshub.db}).
   */
  public static App open(Path kb, Path data, Clock clock, SafetyScreen safety, boolean rebuild) {
    return new App(kb, data, clock, new BgeSmallEmbedder(), safety, rebuild,
        Database.configured(System.getenv("METSHUB_DB_URL"), data));
  }

  /** Opens with a given embedder (tests use a small deterministic one), SQLite in DATA. */
  public static App open(Path kb, Path data, Clock clock, Embedder embedder,
      SafetyScreen safety) {
    return new App(kb, data, clock, embedder, safety, false,
        Database.sqlite(data.resolve("metshub.db")));
  }

  /** Opens with a given embedder and store. */
  public static App open(Path kb, Path data, Clock clock, Embedder embedder,
      SafetyScreen safety, Database db) {
    return new App(kb, data, clock, embedder, safety, false, db);
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

  public LuceneSearch search() {
    return search;
  }

  public IndexUpdate lastUpdate() {
    return lastUpdate;
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

  private volatile DocumentsById byId;

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
    index.close();
  }
}
