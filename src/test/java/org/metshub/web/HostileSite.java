package org.metshub.web;

import java.nio.file.Path;
import org.metshub.App;
import org.metshub.answer.SafetyScreen;
import org.metshub.safety.SafetyPolicy;
import org.metshub.search.HashingEmbedder;
import org.metshub.testing.Fixtures;

/**
 * An application of its own for the hostile-client tests (their content gaps and feedback stay out
 * of the other tests' store), on which each test starts servers with the options it needs. Opened
 * once per JVM.
 */
final class HostileSite {
  private static App app;

  private HostileSite() {}

  static synchronized App app() {
    if (app == null) {
      TestSite.freshDatabase(Path.of("target/hostile-test-data"));
      App a =
          App.open(
              Path.of("kb"),
              Path.of("target/hostile-test-data"),
              Fixtures.clock(),
              new HashingEmbedder(),
              SafetyScreen.policy(SafetyPolicy.bundled()));
      Runtime.getRuntime().addShutdownHook(new Thread(a::close));
      app = a;
    }
    return app;
  }

  /** A server on a free loopback port with {@code options}. */
  static WebServer start(WebOptions options) {
    return WebServer.start(app(), Fixtures.clock(), "127.0.0.1", 0, options);
  }

  static WebOptions defaults() {
    return WebOptions.defaults("127.0.0.1", 0);
  }
}
