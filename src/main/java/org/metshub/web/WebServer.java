package org.metshub.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.metshub.App;
import org.metshub.directory.Directory;
import org.metshub.error.MetsHubException.Unavailable;
import org.metshub.search.IndexUpdate;
import org.metshub.search.KbIndexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web site and JSON API on Javalin (Jetty 12): security headers and the interface language on
 * every request, the error handler, then each feature's routes. {@link #routes} is the one routing
 * table, used by {@code serve} and by the tests alike. Close it to stop listening.
 *
 * <p>This is the one class of the package that knows {@link App}: {@link #routes} gives each
 * feature the collaborators it uses (the search, the answer engine, the directory, the curation
 * stores), and no feature can reach the rest of the application.
 *
 * <p>In front of the application sit the defences against hostile clients (see {@link WebOptions}):
 * {@link ClientConnections} caps connections per address and closes those that send no headers in
 * time, {@link BodyGate} reads bodies without holding a thread and within a deadline, and {@link
 * JettyErrors} renders the requests Jetty itself refuses. Client address and scheme come from
 * {@code X-Forwarded-*} only when a trusted proxy sent them.
 */
public final class WebServer implements AutoCloseable {
  /**
   * How long a stopping server waits for the requests in flight: as long as a request may take to
   * send its body ({@link WebOptions#BODY_TIMEOUT}), so none that is on time is cut off.
   */
  public static final java.time.Duration DRAIN = WebOptions.BODY_TIMEOUT;

  /** Largest request body accepted (feedback forms and API questions are far smaller). */
  public static final long MAX_BODY_BYTES = 16 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  private final Javalin javalin;

  private WebServer(Javalin javalin) {
    this.javalin = javalin;
  }

  /** Starts listening on {@code host:port} (port 0 picks a free one) with the defaults. */
  public static WebServer start(App app, Clock clock, String host, int port) {
    return start(app, clock, host, port, WebOptions.defaults(host, port));
  }

  /** Starts listening on {@code host:port} with {@code options}. */
  public static WebServer start(App app, Clock clock, String host, int port, WebOptions options) {
    Site site = site(app, clock, options);
    Javalin javalin = Javalin.create(config -> configure(config, site, app, host, port));
    javalin.start();
    // validate is not the only place that names them: they are missing from the site.
    for (IndexUpdate.Skipped s : KbIndexer.skipped(app.files())) {
      LOG.warn("KB file not served (it has errors): {}", s.describe());
    }
    if (port == 0) {
      // The links of feeds and sitemaps name the port actually bound.
      site.rebind(WebOptions.bindBase(host, javalin.port()));
    }
    return new WebServer(javalin);
  }

  /** What the pages share, on the application's vocabularies and live KB files. */
  static Site site(App app, Clock clock, WebOptions options) {
    return new Site(app.vocab(), app::files, clock, options);
  }

  static void configure(JavalinConfig config, Site site, App app, String host, int port) {
    WebOptions options = site.options;
    LogLimit logs = new LogLimit(Duration.ofMinutes(1), Clock.systemUTC());
    config.http.maxRequestSize = MAX_BODY_BYTES;
    config.http.prefer405over404 = true;
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.router.ignoreTrailingSlashes = true;
    TrustedProxies proxies = options.trustedProxies();
    config.contextResolver.ip =
        ctx -> proxies.client(ctx.req().getRemoteAddr(), ctx.req().getHeader("X-Forwarded-For"));
    config.contextResolver.scheme =
        ctx ->
            SecurityHeaders.scheme(
                ctx.req().getRemoteAddr(),
                ctx.req().getScheme(),
                ctx.req().getHeader("X-Forwarded-Proto"),
                proxies);
    config.jetty.modifyServer(
        server -> {
          server.setErrorHandler(new JettyErrors(site));
          BodyGate gate = new BodyGate(MAX_BODY_BYTES, options.bodyTimeout(), proxies, logs);
          Handler existing = server.getHandler();
          if (existing != null) {
            gate.setHandler(existing);
          }
          // Javalin attaches its servlet context inside the innermost wrapper, so behind the gate.
          // Outermost, the graceful handler: on stop (SIGTERM) the connectors stop accepting, new
          // requests on open connections get 503, and those in flight finish, for at most DRAIN.
          org.eclipse.jetty.server.handler.GracefulHandler graceful =
              new org.eclipse.jetty.server.handler.GracefulHandler();
          graceful.setHandler(gate);
          server.setHandler(graceful);
          server.setStopTimeout(DRAIN.toMillis());
        });
    config.jetty.modifyServletContextHandler(
        context -> context.setErrorHandler(new JettyErrors(site)));
    config.jetty.addConnector(
        (server, http) -> {
          ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
          connector.setHost(host);
          connector.setPort(port);
          connector.addBean(
              new ClientConnections(
                  options.connectionsPerClient(),
                  options.headerTimeout(),
                  proxies,
                  server.getScheduler(),
                  logs));
          return connector;
        });
    routes(config.routes, site, app);
  }

  /**
   * Every route of the site, in one table; each feature is built here with only the parts of {@code
   * app} it uses. The directory and the preparing state are read when a request needs them, since a
   * curator's change or the first sync replaces them.
   */
  static void routes(RoutesConfig r, Site site, App app) {
    Supplier<Directory> directory = app::directory;
    Supplier<Optional<String>> preparing = app::preparing;
    r.before(
        ctx -> {
          SecurityHeaders.apply(ctx);
          Lang.resolve(ctx);
          if (ctx.attribute(BodyGate.REFUSAL) instanceof BodyGate.Refusal refusal) {
            throw new WebException(
                refusal.status(), Errors.title(refusal.status()), refusal.detail());
          }
        });
    Errors.register(r, site);
    r.before(ctx -> refuseWhilePreparing(preparing, ctx));
    Assets.routes(r);
    new HomePages(site, app.vocab(), directory).routes(r);
    new AskPages(site, app.answers(), app.feedback(), app.db()).routes(r);
    new SearchPages(site, app.search()).routes(r);
    new DocumentPages(site, app.vocab(), app.schedule(), directory).routes(r);
    new DirectoryPages(site, app.vocab(), directory).routes(r);
    new NewsPages(site, app.vocab()).routes(r);
    new ApiRoutes(site, app.search(), app.answers(), app.vocab(), app.schedule(), directory)
        .routes(r);
    new Probes(site, app.search(), app.live(), preparing, app.users(), app.curation()).routes(r);
    new SuggestPages(site, app.vocab(), directory, app.submissions(), app.db()).routes(r);
    new ConsolePages(
            site,
            app.live(),
            app.schedule(),
            app.users(),
            app.sessions(),
            app.submissions(),
            app.curation(),
            app.feedback(),
            app.gaps(),
            app.audit(),
            app.db())
        .routes(r);
  }

  /** The paths that need the search index; the rest of the site answers while it is built. */
  private static final java.util.Set<String> NEEDS_SEARCH =
      java.util.Set.of("/search", "/ask", "/api/v1/search", "/api/v1/retrieve", "/api/v1/answer");

  /**
   * While a server's first sync runs, pages and API calls that search say plainly that search is
   * being prepared (503 with Retry-After) instead of answering from a half-built index.
   */
  private static void refuseWhilePreparing(
      Supplier<Optional<String>> preparing, io.javalin.http.Context ctx) {
    if (!NEEDS_SEARCH.contains(ctx.path())) {
      return;
    }
    preparing
        .get()
        .ifPresent(
            why -> {
              ctx.header("Retry-After", "10");
              throw new Unavailable(
                  "Search is being prepared ("
                      + why
                      + "). The rest of the site works; please try again in a minute.");
            });
  }

  public int port() {
    return javalin.port();
  }

  /**
   * Stops listening at once and lets the requests in flight finish, for at most {@link #DRAIN};
   * returns when they have (or the time is up).
   */
  @Override
  public void close() {
    javalin.stop();
  }
}
