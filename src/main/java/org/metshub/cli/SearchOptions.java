package org.metshub.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.metshub.Config;
import org.metshub.kb.KbReader;
import org.metshub.kb.ReviewSchedule;
import org.metshub.kb.Validator;
import org.metshub.kb.Vocabularies;
import org.metshub.search.Analyzers;
import org.metshub.search.BgeSmallEmbedder;
import org.metshub.search.EmbeddingSeed;
import org.metshub.search.Embedder;
import org.metshub.search.IndexHeldException;
import org.metshub.search.IndexProgress;
import org.metshub.search.QueryEmbeddingCache;
import org.metshub.search.IndexUpdate;
import org.metshub.search.KbIndexer;
import org.metshub.search.SearchIndex;

/** Opens the search index of a data folder and brings it up to date with a KB folder. */
final class SearchOptions {
  private SearchOptions() {}

  /**
   * The index in the configured data folder, synced with the KB; the update is reported on
   * stderr, and progress while it runs.
   *
   * @throws IndexHeldException when a running server holds the index
   */
  static SearchIndex openSynced(Env env, Config config, boolean rebuild, boolean quiet) {
    Path kb = config.kb();
    Path data = config.data();
    Vocabularies vocab = Vocabularies.bundled();
    ReviewSchedule schedule = new ReviewSchedule(env.clock(), vocab.reviewFrequencies());
    Embedder embedder = new QueryEmbeddingCache(new BgeSmallEmbedder(), 1024);
    SearchIndex index;
    if (rebuild) {
      // Opening first takes the lock, so a server's index is never deleted under it.
      SearchIndex.open(data, Analyzers.bundled(), embedder, config.index(), schedule, vocab)
          .close();
      deleteIndex(data);
    }
    index = SearchIndex.open(data, Analyzers.bundled(), embedder, config.index(), schedule,
        vocab, Optional.of(EmbeddingSeed.of(kb)));
    ProgressMeter meter = new ProgressMeter("passages indexed", env);
    index.progress(meter);
    IndexUpdate u;
    try {
      u = new KbIndexer(new KbReader(vocab), new Validator(vocab, schedule)).index(index, kb);
    } catch (RuntimeException e) {
      index.close();
      throw e;
    } finally {
      meter.finish();
      index.progress(IndexProgress.NONE);
    }
    if (!quiet || u.added() + u.changed() + u.removed() > 0) {
      env.err().println("metshub: index " + u.summary()
          + (u.rebuildReason().isEmpty() ? "" : " (rebuilt: " + u.rebuildReason() + ")"));
    }
    if (!quiet) {
      for (IndexUpdate.Skipped s : u.skipped()) {
        env.err().println("metshub: skipped " + s.describe());
      }
    }
    return index;
  }

  /**
   * The configured index synced with the KB, or, when a running server holds it, the server's
   * index opened read-only (said on stderr): what search does.
   */
  static SearchIndex openForSearch(Env env, Config config) {
    try {
      return openSynced(env, config, false, /* quiet= */ true);
    } catch (IndexHeldException held) {
      env.err().println(Commands.readOnlyNote(held));
      Vocabularies vocab = Vocabularies.bundled();
      return SearchIndex.openReadOnly(config.data(), Analyzers.bundled(), new BgeSmallEmbedder(),
          config.index(), new ReviewSchedule(env.clock(), vocab.reviewFrequencies()), vocab);
    }
  }

  private static void deleteIndex(Path data) {
    SearchIndex.deleteIndex(data);
  }
}
