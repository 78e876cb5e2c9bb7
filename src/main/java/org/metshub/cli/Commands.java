package org.metshub.cli;

import java.nio.file.Files;
import org.metshub.App;
import org.metshub.answer.SafetyScreen;

/** Shared set-up of the commands that need the whole application. */
final class Commands {
  private Commands() {}

  /** Opens the application on the --kb and --data folders; reports index changes on stderr. */
  static App openApp(Env env, KbOptions options) {
    if (!Files.isDirectory(options.kbDir())) {
      throw new UsageException(options.kbDir() + ": no such KB folder");
    }
    App app = App.open(options.kbDir(), options.dataDir(), env.clock(), safety(),
        /* rebuild= */ false);
    var u = app.lastUpdate();
    if (u.added() + u.changed() + u.removed() > 0) {
      env.err().println("metshub: index " + u.summary());
    }
    return app;
  }

  static SafetyScreen safety() {
    return SafetyScreen.policy(org.metshub.safety.SafetyPolicy.bundled());
  }
}
