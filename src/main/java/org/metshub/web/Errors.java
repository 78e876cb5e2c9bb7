package org.metshub.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.metshub.error.MetsHubException;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.Conflict;
import org.metshub.error.MetsHubException.Internal;
import org.metshub.error.MetsHubException.NotFound;
import org.metshub.error.MetsHubException.Unavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns failures into responses. A domain failure ({@link MetsHubException})
 * gets the status of its kind from {@link #status}, the web's one table of them, and its message as
 * the detail, except an {@link Internal} one, whose message is only logged. A {@link WebException}
 * (a refusal at the HTTP level: no session, no permission, a body too slow, too large, unreadable
 * or of the wrong type, too many requests) keeps its status; malformed JSON is a 400; a body the
 * client broke (a multipart form without its boundary, a malformed chunked encoding; see {@link
 * #clientFault}) is a 400 that is not logged as an error; an {@link Internal} failure and anything
 * else (an {@link IllegalArgumentException} included: a value the client can get wrong is checked
 * and refused as {@link BadInput}) is a 500 with a generic detail, logged at most once a minute per
 * client with its stack trace, and never shown. Routing failures (404, 405, 413) and Jetty's own
 * refusals ({@link JettyErrors}: 414, 431, 505, a bad Host, an ambiguous path) get the same
 * treatment. Under {@code /api/} the answer is {@code application/problem+json} (RFC 9457);
 * elsewhere, a friendly page.
 */
final class Errors {
  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);
  private static final String RENDERED = "metshub.error.rendered";
  private static final List<Integer> STATUSES =
      List.of(400, 401, 403, 404, 405, 408, 409, 413, 414, 415, 429, 431, 500, 503, 505);

  /** Internal errors: one stack trace per client a minute, so one client cannot flood the log. */
  private static final LogLimit INTERNAL = new LogLimit(Duration.ofMinutes(1), Clock.systemUTC());

  private Errors() {}

  static void register(RoutesConfig r, Site site) {
    r.exception(WebException.class, (e, ctx) -> respond(site, ctx, e.status(), e.getMessage()));
    r.exception(
        MetsHubException.class,
        (e, ctx) -> {
          if (e instanceof Internal) {
            ourFault(site, ctx, e);
          } else {
            respond(site, ctx, status(e), e.getMessage());
          }
        });
    r.exception(
        JsonProcessingException.class,
        (e, ctx) ->
            respond(
                site,
                ctx,
                400,
                "the request body is not valid JSON: "
                    + Text.clip(String.valueOf(e.getOriginalMessage()), 200)
                    + (e.getLocation() == null
                        ? ""
                        : " (line "
                            + e.getLocation().getLineNr()
                            + ", column "
                            + e.getLocation().getColumnNr()
                            + ")")));
    r.exception(Exception.class, (e, ctx) -> ourFault(site, ctx, e));
    for (int status : STATUSES) {
      r.error(
          status,
          ctx -> {
            if (ctx.attribute(RENDERED) == null) {
              respond(site, ctx, status, defaultDetail(status, ctx));
            }
          });
    }
  }

  /** The HTTP status of each kind of domain failure: the web's one table of them. */
  static int status(MetsHubException e) {
    return switch (e) {
      case BadInput badInput -> 400;
      case NotFound notFound -> 404;
      case Conflict conflict -> 409;
      case Unavailable unavailable -> 503;
      case Internal internal -> 500;
    };
  }

  /**
   * Answers a failure that is ours, or that a client's broken body caused deep in Jetty: the latter
   * is a 400 logged at debug level; the former a 500 whose detail says nothing of it, logged with
   * its stack trace at most once a minute per client.
   */
  private static void ourFault(Site site, Context ctx, Exception e) {
    String fault = clientFault(e);
    if (fault != null) {
      LOG.debug("refused {} {} from {}: {}", ctx.method(), ctx.path(), ctx.ip(), fault);
      respond(site, ctx, 400, fault);
      return;
    }
    long dropped = INTERNAL.admit(ctx.ip(), "internal");
    if (dropped >= 0) {
      LOG.error(
          "internal error on {} {}{}",
          ctx.method(),
          Text.clip(ctx.path(), 200),
          LogLimit.dropped(dropped),
          e);
    }
    respond(site, ctx, 500, defaultDetail(500, "", ""));
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 408 -> "Request timeout";
      case 409 -> "Conflict";
      case 414 -> "URI too long";
      case 429 -> "Too many requests";
      case 426 -> "Upgrade required";
      case 431 -> "Request header fields too large";
      case 505 -> "HTTP version not supported";
      case 503 -> "Service unavailable";
      case 405 -> "Method not allowed";
      case 413 -> "Content too large";
      case 415 -> "Unsupported media type";
      default -> "Internal server error";
    };
  }

  private static String defaultDetail(int status, Context ctx) {
    return defaultDetail(status, ctx.path(), ctx.method().name());
  }

  private static String defaultDetail(int status, String path, String method) {
    return switch (status) {
      case 404 -> "there is nothing at " + Text.clip(path, 80);
      case 405 -> method + " is not allowed on " + Text.clip(path, 80);
      case 413 -> "the request body must be at most " + WebServer.MAX_BODY_BYTES + " bytes";
      case 415 -> "the request body must be application/json";
      case 400 -> "the request could not be understood";
      case 401 -> "please log in first";
      case 403 -> "you may not do that";
      case 409 -> "someone else changed this first";
      case 429 -> "too many requests; please wait a little";
      case 408 -> "the request did not arrive in time";
      case 414 -> "the address is too long";
      case 431 -> "the request headers are too large";
      case 426, 505 -> "only HTTP/1.0 and HTTP/1.1 are spoken here";
      case 503 -> "this cannot be done right now; please try again later";
      default -> "something went wrong on our side; please try again later";
    };
  }

  /** Marks a response as complete, so the status handlers leave its body alone. */
  static void rendered(Context ctx) {
    ctx.attribute(RENDERED, true);
  }

  static boolean isApi(Context ctx) {
    return isApiPath(ctx.path());
  }

  /**
   * The cause of a failure that a client's malformed request caused (the multipart parser, a broken
   * body), as a short detail for a 400; null when it is our own fault.
   */
  @SuppressWarnings("removal") // Jetty 12 still throws BadMessageException; we only test for it
  static @Nullable String clientFault(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String name = t.getClass().getName();
      if (t instanceof org.eclipse.jetty.http.BadMessageException
          || t instanceof org.eclipse.jetty.io.EofException
          || name.startsWith("org.eclipse.jetty.http.MultiPart")
          || (t instanceof jakarta.servlet.ServletException
              && String.valueOf(t.getMessage())
                  .toLowerCase(java.util.Locale.ROOT)
                  .contains("multipart"))) {
        return "the request body could not be read as "
            + (name.contains("MultiPart") || String.valueOf(t.getMessage()).contains("ultipart")
                ? "a multipart form"
                : "sent");
      }
    }
    return null;
  }

  /** Writes the error as a problem document (API) or a page (people), with the headers. */
  static void respond(Site site, Context ctx, int status, String detail) {
    ctx.attribute(RENDERED, true);
    SecurityHeaders.apply(ctx);
    ctx.status(status);
    if (isApi(ctx)) {
      ctx.contentType(PROBLEM).result(problem(status, detail, ctx.path()));
      return;
    }
    Ui ui = site.ui(ctx);
    site.page(ctx, "error", site.chrome(ctx, heading(ui, status), ""), view(ui, status, detail));
  }

  static final String PROBLEM = "application/problem+json";

  static boolean isApiPath(String p) {
    return p.startsWith("/api/") || p.equals("/healthz") || p.equals("/readyz");
  }

  /** The problem document (RFC 9457) of an error. */
  static String problem(int status, String detail, String path) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", title(status));
    problem.put("status", status);
    problem.put("detail", detail);
    problem.put("instance", Text.clip(path, 200));
    return Json.write(problem);
  }

  private static String heading(Ui ui, int status) {
    return ui.t(
        "error."
            + (STATUSES.contains(status) && ui.has("error." + status)
                ? status
                : status >= 500 ? 500 : 400));
  }

  private static Views.ErrorView view(Ui ui, int status, String detail) {
    String heading = heading(ui, status);
    // People get words for people; the exact reason stays in the API's problem document.
    if (status == 404) {
      // A near miss ("/cancer-types/brest") keeps its suggestion.
      java.util.regex.Matcher near =
          java.util.regex.Pattern.compile("did you mean '([^']+)'\\?").matcher(detail);
      return new Views.ErrorView(
          status,
          heading,
          ui.t("error.404.detail")
              + (near.find() ? " " + ui.t("error.didYouMean", near.group(1)) : ""));
    }
    return new Views.ErrorView(status, heading, status == 500 ? ui.t("error.500.detail") : detail);
  }

  /**
   * The error page of a request the application never saw (Jetty refused it), in English, or a
   * problem document under the API's paths: the body and its content type.
   */
  static String[] outside(Site site, int status, String path) {
    String detail = defaultDetail(status, path, "");
    if (isApiPath(path)) {
      return new String[] {PROBLEM, problem(status, detail, path)};
    }
    Ui ui = site.ui("en");
    Map<String, Object> params = new HashMap<>();
    params.put("c", new Chrome(ui, heading(ui, status), "/?lang=" + ui.otherLang(), ""));
    params.put("m", view(ui, status, detail));
    return new String[] {"text/html; charset=utf-8", site.templates.render("error", params)};
  }
}
