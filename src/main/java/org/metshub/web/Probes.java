package org.metshub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.metshub.curation.Curation;
import org.metshub.curation.KbLive;
import org.metshub.curation.Users;
import org.metshub.search.Search;
import org.metshub.search.SearchMode;
import org.metshub.search.SearchRequest;
import org.metshub.search.SearchResponse;

/**
 * The health and readiness probes of a load balancer or orchestrator: {@code /healthz} answers
 * while the process serves; {@code /readyz} says whether search answers, which KB files are left
 * out for errors, and, once curation is on, whether the server can write the KB.
 */
final class Probes {
  private final Site site;
  private final Search search;
  private final KbLive kb;

  /** What is missing before search is ready (the first sync runs), or empty. */
  private final Supplier<Optional<String>> preparing;

  private final Users users;
  private final Curation curation;

  Probes(
      Site site,
      Search search,
      KbLive kb,
      Supplier<Optional<String>> preparing,
      Users users,
      Curation curation) {
    this.site = site;
    this.search = search;
    this.kb = kb;
    this.preparing = preparing;
    this.users = users;
    this.curation = curation;
  }

  void routes(RoutesConfig r) {
    r.get("/healthz", ctx -> Json.send(ctx, Json.object("status", "ok")));
    r.get("/readyz", this::ready);
  }

  private void ready(Context ctx) {
    Optional<String> missing = preparing.get();
    if (missing.isPresent()) {
      // Not ready for search yet (the first sync of the index runs); the probe says what.
      ctx.status(503);
      Errors.rendered(ctx);
      Json.send(
          ctx,
          Json.object(
              "status", "preparing", "missing", missing.get(), "documents", kb.files().size()));
      return;
    }
    // Ready once a search runs: the index is open and the searcher answers.
    SearchResponse res =
        search.search(
            SearchRequest.builder()
                .query("metastasis")
                .limit(1)
                .mode(SearchMode.LEXICAL)
                .facets(false)
                .build());
    Map<String, Object> m =
        Json.object("status", "ready", "documents", site.docs().size(), "matches", res.total());
    // The KB files left out for errors, so a probe shows what validate would (path in the KB).
    java.nio.file.Path root = kb.root().toAbsolutePath().normalize();
    m.put(
        "skipped",
        org.metshub.search.KbIndexer.skipped(kb.files()).stream()
            .map(
                s ->
                    Json.object(
                        "path",
                        root.relativize(
                                java.nio.file.Path.of(s.path()).toAbsolutePath().normalize())
                            .toString()
                            .replace('\\', '/'),
                        "error",
                        s.error()))
            .toList());
    // Curation is on once the console has an account; only then must the server write the KB.
    if (users.count() > 0) {
      Optional<String> problem = curation.writeProblem();
      m.put("kbWritable", problem.isEmpty());
      problem.ifPresent(p -> m.put("kbProblem", p));
    }
    Json.send(ctx, m);
  }
}
