package org.metshub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.metshub.answer.store.SqlGapLog;
import org.metshub.curation.AuditLog;
import org.metshub.curation.Curation;
import org.metshub.curation.Feedback;
import org.metshub.curation.KbLive;
import org.metshub.curation.LineDiff;
import org.metshub.curation.ReviewQueue;
import org.metshub.curation.Sessions;
import org.metshub.curation.Submission;
import org.metshub.curation.Submissions;
import org.metshub.curation.User;
import org.metshub.curation.Users;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.NotFound;
import org.metshub.kb.KbDocument;
import org.metshub.kb.KbFile;
import org.metshub.kb.Problem;
import org.metshub.kb.ReviewSchedule;
import org.metshub.store.Database;
import org.metshub.web.ConsoleViews.Action;
import org.metshub.web.ConsoleViews.Cell;
import org.metshub.web.ConsoleViews.Field;
import org.metshub.web.ConsoleViews.Frame;
import org.metshub.web.ConsoleViews.Row;
import org.metshub.web.ConsoleViews.Table;

/**
 * The curator console under {@code /console}: log in, the suggestions queue (approve, reject), the
 * review queue (mark reviewed), validator warnings, reader feedback, content gaps, version history
 * with diffs, and for admins the audit log and the accounts.
 *
 * <p>Every route but the login form goes through {@link #guard}: no live session is 401 (a GET gets
 * the login form with it), a curator on an admin route is 403, and a POST without the session's
 * CSRF token is 403. The session cookie is HttpOnly, SameSite=Strict, limited to {@code /console},
 * and Secure over HTTPS; over plain HTTP the console only serves loopback (development), so a
 * session never crosses a network in clear. Console pages are in English (the curators' working
 * language) and never cached.
 */
final class ConsolePages {
  static final String COOKIE = "mh_console";

  private final Site site;

  /** The live KB: its files for the review queue and warnings, its folder for paths. */
  private final KbLive kb;

  private final ReviewSchedule schedule;
  private final Users users;
  private final Sessions sessions;
  private final Submissions submissions;
  private final Curation curation;
  private final Feedback feedback;
  private final SqlGapLog gaps;
  private final AuditLog audit;
  private final org.metshub.store.RateLimits logins;

  /** The login limit's counts are kept in {@code db}. */
  ConsolePages(
      Site site,
      KbLive kb,
      ReviewSchedule schedule,
      Users users,
      Sessions sessions,
      Submissions submissions,
      Curation curation,
      Feedback feedback,
      SqlGapLog gaps,
      AuditLog audit,
      Database db) {
    this.site = site;
    this.kb = kb;
    this.schedule = schedule;
    this.users = users;
    this.sessions = sessions;
    this.submissions = submissions;
    this.curation = curation;
    this.feedback = feedback;
    this.gaps = gaps;
    this.audit = audit;
    this.logins =
        new org.metshub.store.RateLimits(
            db,
            site.clock,
            "login",
            site.options.rateLimits().loginsPerMinute(),
            Duration.ofMinutes(1));
  }

  /** A console handler, given the checked session. */
  @FunctionalInterface
  interface Handler {
    void handle(Context ctx, Sessions.Session s) throws Exception;
  }

  void routes(RoutesConfig r) {
    r.get("/console/login", this::loginForm);
    r.post("/console/login", this::login);
    r.post("/console/logout", guard(false, this::logout));
    r.get("/console", guard(false, this::home));
    r.get("/console/submissions", guard(false, this::submissions));
    r.get("/console/submissions/{id}", guard(false, this::submission));
    r.post("/console/submissions/{id}/approve", guard(false, this::approve));
    r.post("/console/submissions/{id}/reject", guard(false, this::reject));
    r.get("/console/reviews", guard(false, this::reviews));
    r.post("/console/reviews/{docId}", guard(false, this::markReviewed));
    r.get("/console/warnings", guard(false, this::warnings));
    r.get("/console/feedback", guard(false, this::feedback));
    r.get("/console/gaps", guard(false, this::gaps));
    r.post("/console/gaps/teach", guard(false, this::teach));
    r.get("/console/docs/{docId}/history", guard(false, this::history));
    r.get("/console/docs/{docId}/diff", guard(false, this::diff));
    r.get("/console/audit", guard(true, this::audit));
    r.get("/console/users", guard(true, this::users));
    r.post("/console/users/{username}/disable", guard(true, this::disable));
    r.post("/console/users/{username}/enable", guard(true, this::enable));
  }

  /** Every console route as method and path, for the access tests. */
  static final List<String> ROUTES =
      List.of(
          "POST /console/logout",
          "GET /console",
          "GET /console/submissions",
          "GET /console/submissions/{id}",
          "POST /console/submissions/{id}/approve",
          "POST /console/submissions/{id}/reject",
          "GET /console/reviews",
          "POST /console/reviews/{docId}",
          "GET /console/warnings",
          "GET /console/feedback",
          "GET /console/gaps",
          "POST /console/gaps/teach",
          "GET /console/docs/{docId}/history",
          "GET /console/docs/{docId}/diff",
          "GET /console/audit",
          "GET /console/users",
          "POST /console/users/{username}/disable",
          "POST /console/users/{username}/enable");

  /** Routes only admins may use. */
  static final List<String> ADMIN_ROUTES =
      List.of(
          "GET /console/audit",
          "GET /console/users",
          "POST /console/users/{username}/disable",
          "POST /console/users/{username}/enable");

  private io.javalin.http.Handler guard(boolean adminOnly, Handler h) {
    return ctx -> {
      ctx.header("Cache-Control", "no-store");
      requireSafeTransport(ctx);
      var session = sessions.find(ctx.cookie(COOKIE));
      if (session.isEmpty()) {
        if (ctx.method().name().equals("GET")) {
          ctx.status(401);
          Errors.rendered(ctx);
          renderLogin(ctx, "");
          return;
        }
        throw new WebException(
            401, "Unauthorized", "your session has ended; please log in " + "again");
      }
      if (ctx.method().name().equals("POST")) {
        Forms.checkMediaType(ctx);
        String field = ctx.formParam(Forms.FIELD);
        if (field == null || !Forms.same(field, session.get().csrf())) {
          throw new WebException(
              403,
              "Forbidden",
              "this form has expired or was sent from "
                  + "another site; go back, reload the page and try again");
        }
      }
      if (adminOnly && !session.get().user().isAdmin()) {
        throw new WebException(403, "Forbidden", "only an admin may open this page");
      }
      h.handle(ctx, session.get());
    };
  }

  /**
   * Sessions travel only over HTTPS, or over loopback for development. HTTPS through a proxy counts
   * only when the proxy is trusted ({@code --trusted-proxy}); the client's address is the one that
   * proxy reports, so a loopback proxy does not make every client local.
   */
  private static void requireSafeTransport(Context ctx) {
    if (SecurityHeaders.secure(ctx)) {
      return;
    }
    String ip = ctx.ip();
    boolean loopback = ip.equals("127.0.0.1") || ip.equals("0:0:0:0:0:0:0:1") || ip.equals("::1");
    if (!loopback) {
      throw new WebException(403, "Forbidden", "the curator console is served over HTTPS only");
    }
  }

  // -- log in and out ---------------------------------------------------------------------

  private void loginForm(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    requireSafeTransport(ctx);
    renderLogin(ctx, "");
  }

  private void renderLogin(Context ctx, String error) {
    renderLogin(ctx, error, "");
  }

  private void renderLogin(Context ctx, String error, String username) {
    Errors.rendered(ctx);
    site.page(
        ctx,
        "console-login",
        chrome(ctx, site.ui(ctx).t("console.login.title")),
        new ConsoleViews.Login(error, Forms.token(ctx), username));
  }

  private void login(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    requireSafeTransport(ctx);
    Forms.check(ctx, site.ui(ctx));
    String client = ctx.ip();
    var decision = logins.hit(client);
    if (!decision.allowed()) {
      ctx.header("Retry-After", Long.toString(decision.retryAfterSeconds()));
      throw new WebException(
          429,
          "Too many requests",
          "too many login attempts from your " + "address; wait a minute and try again");
    }
    String username = limited(ctx.formParam("username"), 100);
    String password = limited(ctx.formParam("password"), 1000);
    switch (users.login(username, password, client)) {
      case Users.Login.Ok ok -> {
        String token = sessions.start(ok.user());
        setSessionCookie(ctx, token, (int) Sessions.LIFETIME.toSeconds());
        ctx.redirect("/console", HttpStatus.SEE_OTHER);
      }
      case Users.Login.Locked locked -> {
        ctx.status(401);
        // The same words whether or not the name is an account (see Users).
        renderLogin(ctx, site.ui(ctx).t("console.login.locked", locked.until()), username);
      }
      case Users.Login.Denied denied -> {
        ctx.status(401);
        renderLogin(
            ctx,
            site.ui(ctx)
                .t(
                    "console.login.denied",
                    Users.MAX_FAILURES,
                    Users.FIRST_LOCK.toMinutes(),
                    Users.MAX_LOCK.toMinutes()),
            username);
      }
    }
  }

  private void logout(Context ctx, Sessions.Session s) {
    sessions.end(ctx.cookie(COOKIE));
    setSessionCookie(ctx, "", 0);
    ctx.redirect("/console/login", HttpStatus.SEE_OTHER);
  }

  private static void setSessionCookie(Context ctx, String token, int maxAge) {
    ctx.res()
        .addHeader(
            "Set-Cookie",
            COOKIE
                + "="
                + token
                + "; Path=/console; Max-Age="
                + maxAge
                + "; HttpOnly; SameSite=Strict"
                + (SecurityHeaders.secure(ctx) ? "; Secure" : ""));
  }

  // -- pages ------------------------------------------------------------------------------

  private void home(Context ctx, Sessions.Session s) {
    Ui ui = site.ui(ctx);
    int due = ReviewQueue.due(kb.files(), schedule, 30).size();
    long warnings = kb.files().stream().mapToLong(f -> f.problems().size()).sum();
    List<Row> rows =
        List.of(
            row(
                Cell.link(ui.t("console.home.suggestions"), "/console/submissions"),
                Cell.text(Integer.toString(submissions.count("pending")))),
            row(
                Cell.link(ui.t("console.home.due"), "/console/reviews"),
                Cell.text(Integer.toString(due))),
            row(
                Cell.link(ui.t("console.home.warnings"), "/console/warnings"),
                Cell.text(Long.toString(warnings))),
            row(
                Cell.link(ui.t("console.home.feedback"), "/console/feedback"),
                Cell.text(Integer.toString(feedback.count()))),
            row(
                Cell.link(ui.t("console.home.gaps"), "/console/gaps"),
                Cell.text(Integer.toString(gaps.count()))));
    table(
        ctx,
        s,
        "home",
        ui.t("console.home.title"),
        ui.t("console.home.intro", s.user().username()),
        List.of(ui.t("console.home.queue"), ui.t("console.home.count")),
        rows,
        "");
  }

  private void submissions(Context ctx, Sessions.Session s) {
    String status = Params.optional(ctx, "status").orElse("pending");
    if (!List.of("pending", "approved", "rejected").contains(status)) {
      throw new BadInput(
          "status must be pending, approved or rejected, got '" + Text.clip(status, 30) + "'");
    }
    Ui ui = site.ui(ctx);
    List<Row> rows = new ArrayList<>();
    for (Submission x : submissions.list(status, 500)) {
      rows.add(
          row(
              Cell.link(x.reference(), "/console/submissions/" + x.id()),
              Cell.text(x.name()),
              Cell.text(x.url()),
              Cell.text(x.createdAt()),
              Cell.text(x.decidedBy() == null ? "" : x.decidedBy())));
    }
    table(
        ctx,
        s,
        "submissions",
        ui.t("console.submissions.title", status),
        ui.t("console.submissions.intro"),
        headers(ui, "console.submissions.headers"),
        rows,
        ui.t("console.submissions.empty", status));
  }

  private void submission(Context ctx, Sessions.Session s) {
    renderSubmission(ctx, s, submissionOf(ctx), "", "", "");
  }

  /** The suggestion page; {@code reason} is what the curator typed, kept when it was refused. */
  private void renderSubmission(
      Context ctx,
      Sessions.Session s,
      Submission x,
      String notice,
      String reason,
      String reasonError) {
    Ui ui = site.ui(ctx);
    String decision =
        switch (x.status()) {
          case "approved" ->
              ui.t(
                  "console.submission.approved",
                  x.decidedBy(),
                  x.decidedAt(),
                  x.publishStatus(),
                  x.docPath());
          case "rejected" ->
              ui.t("console.submission.rejected", x.decidedBy(), x.decidedAt(), x.reason());
          case "approving" -> ui.t("console.submission.approving");
          default -> "";
        };
    String docHref = x.docId() == null ? "" : "/console/docs/" + x.docId() + "/history";
    site.page(
        ctx,
        "console-submission",
        chrome(ctx, ui.t("console.submission.title", x.reference())),
        new ConsoleViews.SubmissionView(
            frame(s, "submissions", notice),
            x.id(),
            x.reference(),
            x.name(),
            x.url(),
            x.description(),
            x.cancerTypes(),
            x.countries(),
            x.contact() == null ? "" : x.contact(),
            x.status(),
            x.createdAt(),
            decision,
            docHref,
            x.pending(),
            reason,
            reasonError));
  }

  private void approve(Context ctx, Sessions.Session s) {
    Submission x = submissionOf(ctx);
    String status = limited(ctx.formParam("status"), 20);
    Curation.Approved a = curation.approve(x.id(), status, s.user());
    Submission now = submissions.get(x.id()).orElseThrow();
    renderSubmission(
        ctx,
        s,
        now,
        site.ui(ctx).t("console.submission.approvedNotice", a.path(), a.status()),
        "",
        "");
  }

  private void reject(Context ctx, Sessions.Session s) {
    Submission x = submissionOf(ctx);
    String reason = limited(ctx.formParam("reason"), 5000);
    try {
      curation.reject(x.id(), reason, s.user());
    } catch (BadInput e) {
      ctx.status(400);
      renderSubmission(
          ctx,
          s,
          x,
          "",
          reason,
          site.ui(ctx)
              .t("console.submission.reasonLength", Curation.REASON_MIN, Curation.REASON_MAX));
      return;
    }
    renderSubmission(
        ctx,
        s,
        submissions.get(x.id()).orElseThrow(),
        site.ui(ctx).t("console.submission.rejectedNotice", x.reference()),
        "",
        "");
  }

  private Submission submissionOf(Context ctx) {
    String raw = ctx.pathParam("id");
    if (!raw.matches("[0-9]{1,12}")) {
      throw new BadInput("a suggestion number is digits, got '" + Text.clip(raw, 30) + "'");
    }
    return submissions
        .get(Long.parseLong(raw))
        .orElseThrow(() -> new NotFound("there is no suggestion " + raw));
  }

  private void reviews(Context ctx, Sessions.Session s) {
    renderReviews(ctx, s, "");
  }

  private void renderReviews(Context ctx, Sessions.Session s, String notice) {
    int within =
        Params.optional(ctx, "within")
            .map(
                w -> {
                  if (!w.matches("[0-9]{1,3}")) {
                    throw new BadInput(
                        "within is a number of days (0 to 999), got '" + Text.clip(w, 20) + "'");
                  }
                  return Integer.parseInt(w);
                })
            .orElse(30);
    Ui ui = site.ui(ctx);
    List<Row> rows = new ArrayList<>();
    for (ReviewQueue.Due d : ReviewQueue.due(kb.files(), schedule, within)) {
      KbDocument doc = curation.document(d.docId());
      rows.add(
          row(
              Cell.text(d.state()),
              Cell.text(d.due().toString()),
              Cell.link(d.title(), "/console/docs/" + d.docId() + "/history"),
              Cell.text(d.status()),
              Cell.text(d.lastReviewed() == null ? "" : d.lastReviewed().toString()),
              Cell.button(
                  new Action(
                      "/console/reviews/" + d.docId(),
                      ui.t("console.reviews.mark"),
                      List.of(new Field("hash", curation.currentHash(doc)))))));
    }
    table(
        ctx,
        s,
        "reviews",
        ui.t("console.reviews.title"),
        (notice.isEmpty() ? "" : notice + " ") + ui.t("console.reviews.intro", within),
        headers(ui, "console.reviews.headers"),
        rows,
        ui.t("console.reviews.empty", within));
  }

  private void markReviewed(Context ctx, Sessions.Session s) {
    String docId = docId(ctx);
    String hash = limited(ctx.formParam("hash"), 64);
    Curation.Reviewed r = curation.markReviewed(docId, hash, s.user());
    renderReviews(
        ctx, s, site.ui(ctx).t("console.reviews.marked", docId, r.lastReviewed(), r.version()));
  }

  private void warnings(Context ctx, Sessions.Session s) {
    List<Row> rows = new ArrayList<>();
    int total = 0;
    for (KbFile f : kb.files()) {
      for (Problem p : f.problems()) {
        total++;
        if (rows.size() < 1000) {
          rows.add(
              row(
                  Cell.text(p.severity().name().toLowerCase(java.util.Locale.ROOT)),
                  Cell.text(rel(p.path()) + ":" + p.line()),
                  Cell.text(p.field()),
                  Cell.text(p.rule()),
                  Cell.text(Text.clip(p.value(), 200))));
        }
      }
    }
    Ui ui = site.ui(ctx);
    table(
        ctx,
        s,
        "warnings",
        ui.t("console.warnings.title"),
        total > rows.size()
            ? ui.t("console.warnings.introSome", total, rows.size())
            : ui.t("console.warnings.intro", total),
        headers(ui, "console.warnings.headers"),
        rows,
        ui.t("console.warnings.empty"));
  }

  private void feedback(Context ctx, Sessions.Session s) {
    Ui ui = site.ui(ctx);
    List<Row> rows = new ArrayList<>();
    for (Feedback.Entry e : feedback.recent(500)) {
      rows.add(
          row(
              Cell.text(e.at()),
              Cell.text(
                  ui.t(e.helpful() ? "console.feedback.helped" : "console.feedback.notHelped")),
              Cell.text(e.outcome()),
              Cell.text(e.question()),
              Cell.text(e.comment())));
    }
    table(
        ctx,
        s,
        "feedback",
        ui.t("console.feedback.title"),
        ui.t("console.feedback.intro"),
        headers(ui, "console.feedback.headers"),
        rows,
        ui.t("console.feedback.empty"));
  }

  private void gaps(Context ctx, Sessions.Session s) {
    renderGaps(ctx, s, "");
  }

  /**
   * Why a gap was not answered, in the curator's language: from its reason's kind and values when
   * the gap has them (gaps recorded before they were kept show their English text).
   */
  static String why(Ui ui, SqlGapLog.Detail g) {
    String kind = g.why().kind();
    String key = "console.gaps.why." + kind;
    if (kind.isEmpty() || !ui.has(key)) {
      return g.reason();
    }
    Object[] args = g.why().args().toArray();
    if (kind.equals("aspect") && args.length > 0 && ui.has("console.gaps.aspect." + args[0])) {
      args[0] = ui.t("console.gaps.aspect." + args[0]);
    }
    if (kind.equals("otherCancer")) {
      // Cancer types by their names in the curator's language ("breast" → "cáncer de mama").
      for (int i = 0; i < args.length; i++) {
        args[i] =
            java.util.Arrays.stream(String.valueOf(args[i]).split(",\\s*"))
                .filter(id -> !id.isBlank())
                .map(id -> ui.midSentence(ui.cancerType(id)))
                .collect(java.util.stream.Collectors.joining(", "));
      }
    }
    return ui.t(key, args);
  }

  private void renderGaps(Context ctx, Sessions.Session s, String notice) {
    Ui ui = site.ui(ctx);
    List<Row> rows = new ArrayList<>();
    for (SqlGapLog.Detail g : gaps.details(500)) {
      rows.add(
          row(
              Cell.text(Integer.toString(g.count())),
              Cell.text(g.question()),
              Cell.text(g.language()),
              Cell.text(why(ui, g)),
              teachCell(ui, g),
              Cell.text(g.firstDay()),
              Cell.text(g.lastDay())));
    }
    String title = ui.t("console.gaps.title");
    site.page(
        ctx,
        "console-table",
        chrome(ctx, title),
        new Table(
            frame(s, "gaps", notice),
            title,
            ui.t("console.gaps.intro"),
            headers(ui, "console.gaps.headers"),
            rows,
            ui.t("console.gaps.empty")));
  }

  /**
   * One button per section the reader was offered that still exists: "teach the question to it". A
   * follow-up says why it cannot be taught.
   */
  private Cell teachCell(Ui ui, SqlGapLog.Detail g) {
    if (g.followUp()) {
      return Cell.text(ui.t("console.gaps.followUp"));
    }
    List<Action> actions = new ArrayList<>();
    for (String section : g.sections()) {
      int hash = section.indexOf('#');
      if (hash <= 0) {
        continue;
      }
      String docId = section.substring(0, hash);
      String heading = section.substring(hash + 1);
      KbDocument d;
      try {
        d = curation.document(docId);
      } catch (org.metshub.error.MetsHubException.NotFound gone) {
        continue; // the page was removed since the question was asked
      }
      if (!d.frontMatter().language().equals(g.language())) {
        continue; // a question is taught to a page in its own language
      }
      Optional<org.metshub.kb.Section> there =
          d.sections().stream().filter(x -> x.title().equals(heading)).findFirst();
      if (there.isEmpty()) {
        continue; // the section was renamed or removed since
      }
      actions.add(
          new Action(
              "/console/gaps/teach",
              ui.t("console.gaps.teach"),
              List.of(
                  new Field("key", g.key()),
                  new Field("language", g.language()),
                  new Field("section", section)),
              "/docs/" + docId + "#" + there.get().anchor(),
              ui.t("console.gaps.section", heading, d.frontMatter().title())));
    }
    return Cell.buttons("", actions);
  }

  private void teach(Context ctx, Sessions.Session s) {
    String key = limited(ctx.formParam("key"), 1000);
    String language = limited(ctx.formParam("language"), 2);
    String section = limited(ctx.formParam("section"), 400);
    if (key.isEmpty() || language.isEmpty() || section.indexOf('#') <= 0) {
      throw new BadInput("say which question (key, language) and which section (docId#heading)");
    }
    Curation.Taught t = curation.teach(key, language, section, s.user());
    renderGaps(ctx, s, site.ui(ctx).t("console.gaps.taught", t.question(), t.heading(), t.docId()));
  }

  private void history(Context ctx, Sessions.Session s) {
    String docId = docId(ctx);
    KbDocument d = curation.document(docId);
    List<Curation.Version> versions = curation.versions(docId);
    List<Row> rows = new ArrayList<>();
    for (Curation.Version v : versions) {
      rows.add(
          row(
              Cell.text(Long.toString(v.seq())),
              Cell.text(v.version()),
              Cell.text(v.createdAt()),
              Cell.text(v.createdBy()),
              Cell.text(v.note()),
              Cell.text(v.hash().substring(0, 12))));
    }
    List<Views.Option> from = new ArrayList<>();
    List<Views.Option> to = new ArrayList<>();
    for (int i = 0; i < versions.size(); i++) {
      Curation.Version v = versions.get(i);
      String label = v.seq() + " (" + v.version() + ", " + v.createdAt() + ")";
      from.add(new Views.Option(Long.toString(v.seq()), label, i == versions.size() - 2));
      to.add(new Views.Option(Long.toString(v.seq()), label, i == versions.size() - 1));
    }
    site.page(
        ctx,
        "console-history",
        chrome(ctx, site.ui(ctx).t("console.history.title", docId)),
        new ConsoleViews.HistoryView(
            frame(s, "reviews", ""),
            docId,
            d.frontMatter().title(),
            rel(d.path()),
            rows,
            from,
            to));
  }

  private void diff(Context ctx, Sessions.Session s) {
    String docId = docId(ctx);
    long from = seq(ctx, "from");
    long to = seq(ctx, "to");
    KbDocument d = curation.document(docId);
    List<LineDiff.Line> lines = curation.diff(docId, from, to);
    site.page(
        ctx,
        "console-diff",
        chrome(ctx, site.ui(ctx).t("console.diff.title", docId)),
        new ConsoleViews.DiffView(
            frame(s, "reviews", ""),
            docId,
            d.frontMatter().title(),
            site.ui(ctx).t("console.diff.version", from),
            site.ui(ctx).t("console.diff.version", to),
            lines,
            LineDiff.changes(lines)));
  }

  private void audit(Context ctx, Sessions.Session s) {
    List<Row> rows = new ArrayList<>();
    for (AuditLog.Entry e : audit.recent(500)) {
      rows.add(
          row(
              Cell.text(e.at()),
              Cell.text(e.actor()),
              Cell.text(e.action()),
              Cell.text(e.target()),
              Cell.text(shortHash(e.hashBefore())),
              Cell.text(shortHash(e.hashAfter())),
              Cell.text(e.detail())));
    }
    Ui ui = site.ui(ctx);
    table(
        ctx,
        s,
        "audit",
        ui.t("console.audit.title"),
        ui.t("console.audit.intro"),
        headers(ui, "console.audit.headers"),
        rows,
        ui.t("console.audit.empty"));
  }

  private void users(Context ctx, Sessions.Session s) {
    renderUsers(ctx, s, "");
  }

  private void renderUsers(Context ctx, Sessions.Session s, String notice) {
    Ui ui = site.ui(ctx);
    List<Row> rows = new ArrayList<>();
    for (User u : users.all()) {
      boolean self = u.username().equals(s.user().username());
      Cell action =
          self
              ? Cell.text(ui.t("console.users.you"))
              : Cell.button(
                  new Action(
                      "/console/users/" + u.username() + (u.disabled() ? "/enable" : "/disable"),
                      ui.t(u.disabled() ? "console.users.enable" : "console.users.disable"),
                      List.of()));
      rows.add(
          row(
              Cell.text(u.username()),
              Cell.text(u.role().id()),
              Cell.text(ui.t(u.disabled() ? "console.users.disabled" : "console.users.active")),
              action));
    }
    table(
        ctx,
        s,
        "users",
        ui.t("console.users.title"),
        (notice.isEmpty() ? "" : notice + " ") + ui.t("console.users.intro"),
        headers(ui, "console.users.headers"),
        rows,
        ui.t("console.users.empty"));
  }

  private void disable(Context ctx, Sessions.Session s) {
    setDisabled(ctx, s, true);
  }

  private void enable(Context ctx, Sessions.Session s) {
    setDisabled(ctx, s, false);
  }

  private void setDisabled(Context ctx, Sessions.Session s, boolean disabled) {
    String name = ctx.pathParam("username");
    if (name.equals(s.user().username())) {
      throw new BadInput("you cannot disable your own account");
    }
    users.setDisabled(name, disabled, s.user().username());
    renderUsers(
        ctx,
        s,
        site.ui(ctx)
            .t(disabled ? "console.users.disabledNotice" : "console.users.enabledNotice", name));
  }

  // -- helpers ----------------------------------------------------------------------------

  private Chrome chrome(Context ctx, String title) {
    Ui ui = site.ui(ctx);
    return new Chrome(ui, title, Site.otherLangHref(ctx, ui.otherLang()), "console");
  }

  private static Frame frame(Sessions.Session s, String section, String notice) {
    return new Frame(s.user().username(), s.user().isAdmin(), s.csrf(), section, notice);
  }

  private void table(
      Context ctx,
      Sessions.Session s,
      String section,
      String title,
      String intro,
      List<String> headers,
      List<Row> rows,
      String empty) {
    site.page(
        ctx,
        "console-table",
        chrome(ctx, title),
        new Table(frame(s, section, ""), title, intro, headers, rows, empty));
  }

  /** Column headings: the interface string {@code key}, headings separated by "|". */
  private static List<String> headers(Ui ui, String key) {
    return List.of(ui.t(key).split("\\|"));
  }

  private static Row row(Cell... cells) {
    return new Row(List.of(cells));
  }

  private static String docId(Context ctx) {
    String id = ctx.pathParam("docId");
    if (!PublicDocuments.ID.matcher(id).matches() || id.contains("..")) {
      throw new BadInput(
          "a document id is letters, digits, '.', '_' and '-', got '" + Text.clip(id, 60) + "'");
    }
    return id;
  }

  private static long seq(Context ctx, String name) {
    String v = Params.text(ctx, name);
    if (!v.matches("[0-9]{1,9}")) {
      throw new BadInput(name + " must be a version number, got '" + Text.clip(v, 20) + "'");
    }
    return Long.parseLong(v);
  }

  /** A form field as given, "" when absent, refused (400) when longer than {@code max}. */
  private static String limited(@Nullable String v, int max) {
    if (v == null) {
      return "";
    }
    if (v.length() > max) {
      throw new BadInput("a form field is too long (at most " + max + " characters)");
    }
    return v;
  }

  /** A KB path relative to the KB folder, for display. */
  private String rel(String path) {
    try {
      return kb.root()
          .toAbsolutePath()
          .normalize()
          .relativize(java.nio.file.Path.of(path).toAbsolutePath().normalize())
          .toString();
    } catch (IllegalArgumentException e) {
      return path;
    }
  }

  private static String shortHash(@Nullable String h) {
    return h == null ? "" : h.substring(0, Math.min(12, h.length()));
  }
}
