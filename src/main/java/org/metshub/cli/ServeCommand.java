package org.metshub.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.metshub.App;
import org.metshub.Config;
import org.metshub.web.TrustedProxies;
import org.metshub.web.WebOptions;
import org.metshub.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code metshub serve}: opens the application (the index in DATA is brought up to date, not
 * rebuilt), serves the web site and JSON API, and runs until interrupted; on Ctrl-C or SIGTERM it
 * stops listening and closes the index.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the web site (English and Spanish pages that need no JavaScript) and the JSON "
          + "API under /api/v1 on the KB.",
      "Pages: / /ask /search /docs/{id} /cancer-types/{slug} /sites/{slug} /directory /news "
          + "/news.atom /sitemap.xml /robots.txt /suggest, and the curator console under "
          + "/console (accounts: 'metshub user add'). API: /api/v1/openapi.json describes it; "
          + "/healthz and /readyz are the probes. The site answers at once; until the index "
          + "is in line with the KB, search and answer pages say that search is being "
          + "prepared and /readyz answers 503 with what is missing. KB files with errors are not served; the "
          + "start-up log and /readyz name each with its first error.",
      "Suggestions, reader feedback, content gaps, accounts and the audit log go to the "
          + "database: DATA/metshub.db (SQLite), or PostgreSQL when METSHUB_DB_URL is a "
          + "jdbc:postgresql:// URL (with METSHUB_DB_USER and METSHUB_DB_PASSWORD). "
          + "Stop with Ctrl-C.",
      "Slow or stalled clients are cut off: at most 32 open connections per client address "
          + "(trusted proxies exempt), 10 s to send request headers and 10 s for a body of "
          + "at most 16 KiB."
    })
final class ServeCommand implements Callable<Integer> {
  private final Env env;

  @Mixin KbOptions kbOptions = new KbOptions();

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "TCP port; 0 picks a free one (default: 8080).")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      description = "Address to listen on; 0.0.0.0 for all (default: 127.0.0.1).")
  String bind;

  @Option(
      names = "--trusted-proxy",
      split = ",",
      paramLabel = "CIDR",
      arity = "1..*",
      description =
          "Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto headers are "
              + "believed, as IP addresses or CIDR blocks (e.g. 127.0.0.1 10.0.0.0/8). Default: "
              + "none, so those headers are ignored.")
  java.util.List<String> trustedProxies = new java.util.ArrayList<>();

  @Option(
      names = "--public-url",
      paramLabel = "URL",
      description =
          "The site's public address (e.g. https://metshub.example.org), used for "
              + "absolute links in robots.txt, the sitemap, Atom feeds and JSON-LD. Without it, "
              + "links are relative where the format allows and on the bind address otherwise; "
              + "the request's Host header is never used.")
  @Nullable String publicUrl;

  @Option(
      names = "--kb-poll",
      paramLabel = "SECONDS",
      defaultValue = "3",
      description =
          "Look at the KB folder every SECONDS and serve files added, changed or "
              + "removed outside MetsHub (git pull, an editor) without a restart; 0 turns it off "
              + "(default: 3).")
  int kbPoll;

  @Option(
      names = "--log-file",
      paramLabel = "FILE",
      description =
          "Also write the log to FILE, rolled daily and at 10 MB (gzip), keeping 14 "
              + "days and at most 1 GB.")
  java.nio.file.@Nullable Path logFile;

  ServeCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be between 0 and 65535, got " + port);
    }
    if (kbPoll < 0 || kbPoll > 3600) {
      throw new UsageException("--kb-poll must be between 0 (off) and 3600 seconds, got " + kbPoll);
    }
    Config config = env.config(kbOptions.flags());
    WebOptions options;
    try {
      options =
          WebOptions.defaults(bind, port)
              .withRateLimits(config.limits())
              .withTrustedProxies(TrustedProxies.parse(trustedProxies))
              .withPublicUrl(
                  java.util.Optional.ofNullable(publicUrl)
                      .map(
                          u -> {
                            try {
                              return new java.net.URI(u);
                            } catch (java.net.URISyntaxException e) {
                              throw new IllegalArgumentException(
                                  "--public-url must be an absolute http(s) URL "
                                      + "such as https://metshub.example.org, got '"
                                      + u
                                      + "'");
                            }
                          }));
    } catch (IllegalArgumentException e) {
      throw new UsageException(java.util.Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }
    if (logFile != null) {
      LogFile.attach(logFile);
    }
    long started = System.nanoTime();
    if (!java.nio.file.Files.isDirectory(config.kb())) {
      throw new UsageException(config.kb() + ": no such KB folder");
    }
    // The site answers while the index is synced in the background; search pages and /readyz
    // say so until it is done. Progress goes to the log as a line every few seconds.
    App app =
        App.open(
            config,
            env.clock(),
            Commands.safety(),
            new App.Opening(
                false,
                false,
                /* syncInBackground= */ true,
                new ProgressMeter(
                    "passages indexed", env.err(), /* terminal= */ false, System::nanoTime)));
    WebServer server;
    try {
      server = WebServer.start(app, env.clock(), bind, port, options);
    } catch (RuntimeException e) {
      app.close();
      throw new UsageException(
          "cannot listen on "
              + bind
              + ":"
              + port
              + ": "
              + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
    }
    if (kbPoll > 0) {
      app.watchKb(kbPoll * 1000L);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  env.err()
                      .println(
                          "metshub: stopping (no new connections; requests in flight get up to "
                              + WebServer.DRAIN.toSeconds()
                              + " s to finish)");
                  server.close();
                  app.close();
                  stopped.countDown();
                },
                "metshub-shutdown"));
    String host = bind.contains(":") ? "[" + bind + "]" : bind;
    env.err()
        .printf(
            java.util.Locale.ROOT,
            "metshub: serving %s on http://%s:%d/ (%d documents, up in %.1f s%s)%n",
            config.kb(),
            host,
            server.port(),
            app.files().size(),
            (System.nanoTime() - started) / 1e9,
            app.preparing().isPresent() ? "; search is being prepared, /readyz says when" : "");
    env.err().flush();
    stopped.await();
    return Main.OK;
  }
}
