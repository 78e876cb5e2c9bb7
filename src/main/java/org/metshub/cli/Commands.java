package org.metshub.cli;

import java.nio.file.Files;
import org.metshub.App;
import org.metshub.Config;
import org.metshub.answer.SafetyScreen;
import org.metshub.search.IndexHeldException;
import org.metshub.search.IndexProgress;

/** Shared set-up of the commands that need the whole application. */
final class Commands {
  private Commands() {}

  /**
   * Opens the application as configured; reports index changes on stderr. When a running server
   * holds the index, opens it read-only (as the server last synced it) and says so on stderr.
   */
  static App openApp(Env env, Config config) {
    if (!Files.isDirectory(config.kb())) {
      throw new UsageException(config.kb() + ": no such KB folder");
    }
    App app;
    ProgressMeter meter = new ProgressMeter("passages indexed", env);
    try {
      app = App.open(config, env.clock(), safety(), new App.Opening(false, false, false, meter));
    } catch (IndexHeldException held) {
      env.err().println(readOnlyNote(held));
      app =
          App.open(
              config,
              env.clock(),
              safety(),
              new App.Opening(false, /* readOnly= */ true, false, IndexProgress.NONE));
    } finally {
      meter.finish();
    }
    var u = app.lastUpdate();
    if (u.added() + u.changed() + u.removed() > 0) {
      env.err().println("metshub: index " + u.summary());
    }
    return app;
  }

  /** What search and ask say when they search a server's index read-only. */
  static String readOnlyNote(IndexHeldException held) {
    return "metshub: a running server holds the index "
        + held.indexDir()
        + "; searching it "
        + "read-only, as the server last synced it (KB changes the server has not seen yet "
        + "are not searched)";
  }

  static SafetyScreen safety() {
    return SafetyScreen.policy(org.metshub.safety.SafetyPolicy.bundled());
  }
}
