package org.metshub.cli;

import org.metshub.App;
import org.metshub.Config;
import org.metshub.search.IndexHeldException;
import org.metshub.search.IndexProgress;
import org.metshub.search.IndexUpdate;
import org.metshub.search.SearchIndex;

/** Opens the search index of a data folder and brings it up to date with a KB folder. */
final class SearchOptions {
  private SearchOptions() {}

  /**
   * The index in the configured data folder, synced with the KB; the update is reported on stderr,
   * and progress while it runs.
   *
   * @throws IndexHeldException when a running server holds the index
   */
  static SearchIndex openSynced(Env env, Config config, boolean rebuild, boolean quiet) {
    ProgressMeter meter = new ProgressMeter("passages indexed", env);
    SearchIndex index =
        App.openIndex(config, env.clock(), new App.Opening(rebuild, false, false, meter));
    IndexUpdate u;
    try {
      u = App.indexer(App.reviewSchedule(env.clock())).index(index, config.kb());
    } catch (RuntimeException e) {
      index.close();
      throw e;
    } finally {
      meter.finish();
      index.progress(IndexProgress.NONE);
    }
    if (!quiet || u.added() + u.changed() + u.removed() > 0) {
      env.err()
          .println(
              "metshub: index "
                  + u.summary()
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
   * The configured index synced with the KB, or, when a running server holds it, the server's index
   * opened read-only (said on stderr): what search does.
   */
  static SearchIndex openForSearch(Env env, Config config) {
    try {
      return openSynced(env, config, false, /* quiet= */ true);
    } catch (IndexHeldException held) {
      env.err().println(Commands.readOnlyNote(held));
      return App.openIndex(
          config,
          env.clock(),
          new App.Opening(false, /* readOnly= */ true, false, IndexProgress.NONE));
    }
  }
}
