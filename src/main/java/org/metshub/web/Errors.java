package org.metshub.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns failures into responses. A {@link WebException} keeps its status; a
 * rejected value from the core ({@link IllegalArgumentException}, whose message names the input
 * and the rule) is a 400; malformed JSON is a 400; anything else is a 500 that is logged and
 * never shown. Routing failures (404, 405, 413) get the same treatment. Under {@code /api/} the
 * answer is {@code application/problem+json} (RFC 9457); elsewhere, a friendly page.
 */
final class Errors {
  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);
  private static final String RENDERED = "metshub.error.rendered";
  private static final List<Integer> STATUSES = List.of(400, 401, 403, 404, 405, 409, 413, 415, 429, 500);

  private Errors() {}

  static void register(RoutesConfig r, Site site) {
    r.exception(WebException.class,
        (e, ctx) -> respond(site, ctx, e.status(), e.getMessage()));
    r.exception(org.metshub.curation.CurationException.class, (e, ctx) -> respond(site, ctx,
        switch (e.kind()) {
          case INVALID -> 400;
          case NOT_FOUND -> 404;
          case CONFLICT -> 409;
        }, e.getMessage()));
    r.exception(IllegalArgumentException.class,
        (e, ctx) -> respond(site, ctx, 400, e.getMessage()));
    r.exception(JsonProcessingException.class, (e, ctx) -> respond(site, ctx, 400,
        "the request body is not valid JSON: " + e.getOriginalMessage()
            + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
            + ", column " + e.getLocation().getColumnNr() + ")")));
    r.exception(Exception.class, (e, ctx) -> {
      LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
      respond(site, ctx, 500, "something went wrong on our side; please try again later");
    });
    for (int status : STATUSES) {
      r.error(status, ctx -> {
        if (ctx.attribute(RENDERED) == null) {
          respond(site, ctx, status, defaultDetail(status, ctx));
        }
      });
    }
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 409 -> "Conflict";
      case 429 -> "Too many requests";
      case 405 -> "Method not allowed";
      case 413 -> "Content too large";
      case 415 -> "Unsupported media type";
      default -> "Internal server error";
    };
  }

  private static String defaultDetail(int status, Context ctx) {
    return switch (status) {
      case 404 -> "there is nothing at " + Text.clip(ctx.path(), 100);
      case 405 -> ctx.method() + " is not allowed on " + Text.clip(ctx.path(), 100);
      case 413 -> "the request body must be at most " + WebServer.MAX_BODY_BYTES + " bytes";
      case 415 -> "the request body must be application/json";
      case 400 -> "the request could not be understood";
      case 401 -> "please log in first";
      case 403 -> "you may not do that";
      case 409 -> "someone else changed this first";
      case 429 -> "too many requests; please wait a little";
      default -> "something went wrong on our side; please try again later";
    };
  }

  /** Marks a response as complete, so the status handlers leave its body alone. */
  static void rendered(Context ctx) {
    ctx.attribute(RENDERED, Boolean.TRUE);
  }

  static boolean isApi(Context ctx) {
    String p = ctx.path();
    return p.startsWith("/api/") || p.equals("/healthz") || p.equals("/readyz");
  }

  /** Writes the error as a problem document (API) or a page (people), with the headers. */
  static void respond(Site site, Context ctx, int status, String detail) {
    ctx.attribute(RENDERED, Boolean.TRUE);
    SecurityHeaders.apply(ctx);
    ctx.status(status);
    if (isApi(ctx)) {
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("type", "about:blank");
      problem.put("title", title(status));
      problem.put("status", status);
      problem.put("detail", detail);
      problem.put("instance", Text.clip(ctx.path(), 200));
      ctx.contentType("application/problem+json").result(Json.write(problem));
      return;
    }
    Ui ui = site.ui(ctx);
    String heading = ui.t("error." + (STATUSES.contains(status) ? status : 500));
    site.page(ctx, "error", site.chrome(ctx, heading, ""),
        new Views.ErrorView(status, heading,
            status == 500 ? ui.t("error.500.detail") : detail));
  }
}
