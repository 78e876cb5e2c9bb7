package org.metshub.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import java.nio.file.Path;
import java.time.Clock;
import org.metshub.App;

/**
 * The web site and JSON API on Javalin (Jetty 12): security headers and the interface language
 * on every request, the error handler, then each feature's routes. {@link #routes} is the one
 * routing table, used by {@code serve} and by the tests alike. Close it to stop listening.
 */
public final class WebServer implements AutoCloseable {
  /** Largest request body accepted (feedback forms and API questions are far smaller). */
  public static final long MAX_BODY_BYTES = 16 * 1024;

  private final Javalin javalin;

  private WebServer(Javalin javalin) {
    this.javalin = javalin;
  }

  /** Starts listening on {@code host:port} (port 0 picks a free one). */
  public static WebServer start(App app, Path data, Clock clock, String host, int port) {
    Site site = new Site(app, clock);
    Javalin javalin = Javalin.create(config -> configure(config, site));
    javalin.start(host, port);
    return new WebServer(javalin);
  }

  static void configure(JavalinConfig config, Site site) {
    config.http.maxRequestSize = MAX_BODY_BYTES;
    config.http.prefer405over404 = true;
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.router.ignoreTrailingSlashes = true;
    routes(config.routes, site);
  }

  /** Every route of the site, in one table. */
  static void routes(RoutesConfig r, Site site) {
    r.before(ctx -> {
      SecurityHeaders.apply(ctx);
      Lang.resolve(ctx);
    });
    Errors.register(r, site);
    Assets.routes(r);
    new HomePages(site).routes(r);
    new AskPages(site).routes(r);
    new SearchPages(site).routes(r);
    new DocumentPages(site).routes(r);
    new DirectoryPages(site).routes(r);
    new NewsPages(site).routes(r);
    new ApiRoutes(site).routes(r);
    new SuggestPages(site).routes(r);
    new ConsolePages(site).routes(r);
  }

  public int port() {
    return javalin.port();
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
