package org.metshub.cli;

import java.nio.file.Path;
import org.metshub.kb.KbReader;
import org.metshub.kb.ReviewSchedule;
import org.metshub.kb.Validator;
import org.metshub.kb.Vocabularies;
import org.metshub.search.Analyzers;
import org.metshub.search.BgeSmallEmbedder;
import org.metshub.search.IndexOptions;
import org.metshub.search.IndexUpdate;
import org.metshub.search.KbIndexer;
import org.metshub.search.SearchIndex;

/** Opens the search index of a data folder and brings it up to date with a KB folder. */
final class SearchOptions {
  private SearchOptions() {}

  /** The index in {@code data}, synced with {@code kb}; the update is reported on stderr. */
  static SearchIndex openSynced(Env env, Path kb, Path data, boolean rebuild, boolean quiet) {
    if (rebuild) {
      deleteIndex(data);
    }
    Vocabularies vocab = Vocabularies.bundled();
    ReviewSchedule schedule = new ReviewSchedule(env.clock(), vocab.reviewFrequencies());
    SearchIndex index = SearchIndex.open(data, Analyzers.bundled(), new BgeSmallEmbedder(),
        IndexOptions.DEFAULT, schedule, vocab);
    IndexUpdate u = new KbIndexer(new KbReader(vocab), new Validator(vocab, schedule))
        .index(index, kb);
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

  private static void deleteIndex(Path data) {
    SearchIndex.deleteIndex(data);
  }
}
