package org.metshub;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.metshub.answer.AnswerEngine;
import org.metshub.answer.ConversationStore;
import org.metshub.answer.FileGapLog;
import org.metshub.answer.GapLog;
import org.metshub.answer.SafetyScreen;
import org.metshub.directory.Directory;
import org.metshub.kb.KbFile;
import org.metshub.kb.KbReader;
import org.metshub.kb.ReviewSchedule;
import org.metshub.kb.Validator;
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

/**
 * The application wired by hand, in one place: vocabularies, the KB read and validated, the
 * search index brought up to date, the directory, and the answer engine. The CLI and the web
 * server both start from here. Close it to release the index.
 */
public final class App implements AutoCloseable {
  private final Path kb;
  private final Vocabularies vocab;
  private final ReviewSchedule schedule;
  private final Analyzers analyzers;
  private final SearchIndex index;
  private final LuceneSearch search;
  private final IndexUpdate lastUpdate;
  private final List<KbFile> files;
  private final Directory directory;
  private final AnswerEngine answers;
  private final GapLog gaps;
  private final ConversationStore conversations;

  private App(Path kb, Path data, Clock clock, Embedder embedder, SafetyScreen safety,
      boolean rebuild) {
    this.kb = kb;
    this.vocab = Vocabularies.bundled();
    this.schedule = new ReviewSchedule(clock, vocab.reviewFrequencies());
    this.analyzers = Analyzers.bundled();
    if (rebuild) {
      org.metshub.search.SearchIndex.deleteIndex(data);
    }
    this.index = SearchIndex.open(data, analyzers, embedder, IndexOptions.DEFAULT, schedule,
        vocab);
    this.files = new Validator(vocab, schedule).validate(new KbReader(vocab).readAll(List.of(kb)));
    this.lastUpdate = KbIndexer.index(index, files);
    this.search = new LuceneSearch(index, Ranking.fromSystemProperties());
    this.directory = Directory.of(files);
    this.gaps = new FileGapLog(data.resolve("gaps.jsonl"), clock);
    this.conversations = new ConversationStore(clock);
    this.answers = new AnswerEngine(search, safety, directory, conversations, gaps, analyzers,
        vocab);
  }

  /** Opens the application on a KB folder and data folder, with the bundled model. */
  public static App open(Path kb, Path data, Clock clock, SafetyScreen safety, boolean rebuild) {
    return new App(kb, data, clock, new BgeSmallEmbedder(), safety, rebuild);
  }

  /** Opens with a given embedder (tests use a small deterministic one). */
  public static App open(Path kb, Path data, Clock clock, Embedder embedder,
      SafetyScreen safety) {
    return new App(kb, data, clock, embedder, safety, false);
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

  public List<KbFile> files() {
    return files;
  }

  public Directory directory() {
    return directory;
  }

  public AnswerEngine answers() {
    return answers;
  }

  public GapLog gaps() {
    return gaps;
  }

  public ConversationStore conversations() {
    return conversations;
  }

  @Override
  public void close() {
    index.close();
  }
}
