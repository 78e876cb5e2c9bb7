package org.metshub.acceptance;

import java.nio.file.Path;
import org.metshub.App;
import org.metshub.Config;
import org.metshub.answer.SafetyScreen;
import org.metshub.safety.SafetyPolicy;
import org.metshub.testing.Fixtures;

/**
 * The app over the bundled KB with the real model, as the acceptance tests open it: its index and
 * embeddings live in {@link #DATA}, shared by every test that opens it (and by the CLI tests), so
 * the KB is indexed once per build.
 */
final class BundledApp {
  /** The data folder the bundled KB's index and embeddings are kept in across tests. */
  static final Path DATA = Path.of("target/it-data");

  private BundledApp() {}

  static App open() {
    return App.open(
        Config.defaults().withFolders(Path.of("kb"), DATA),
        Fixtures.clock(),
        SafetyScreen.policy(SafetyPolicy.bundled()),
        App.Opening.DEFAULT);
  }
}
