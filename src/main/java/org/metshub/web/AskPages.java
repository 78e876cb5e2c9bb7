package org.metshub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.metshub.answer.Answer;
import org.metshub.answer.AnswerEngine;
import org.metshub.answer.Citation;
import org.metshub.answer.Excerpt;
import org.metshub.answer.RelatedDocument;
import org.metshub.curation.Feedback;
import org.metshub.directory.Organization;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.safety.CrisisLine;
import org.metshub.store.Database;

/**
 * The answer page ({@code /ask?q=}) with its follow-up box (the conversation id rides in a hidden
 * field) and the feedback form ({@code POST /feedback}).
 */
final class AskPages {

  private final Site site;
  private final AnswerEngine answers;
  private final Feedback feedback;
  private final org.metshub.store.RateLimits feedbackLimit;
  private final int feedbackPerHour;

  /** The feedback limit's counts are kept in {@code db}. */
  AskPages(Site site, AnswerEngine answers, Feedback feedback, Database db) {
    this.site = site;
    this.answers = answers;
    this.feedback = feedback;
    // The same per-client mechanism as suggestions, in the database so all nodes share it.
    this.feedbackPerHour = site.options.rateLimits().feedbackPerHour();
    this.feedbackLimit =
        new org.metshub.store.RateLimits(
            db, site.clock, "feedback", feedbackPerHour, java.time.Duration.ofHours(1));
  }

  void routes(RoutesConfig r) {
    r.get("/ask", this::ask);
    r.post("/feedback", this::feedback);
  }

  private void ask(Context ctx) {
    Ui ui = site.ui(ctx);
    String q = Params.text(ctx, "q");
    if (q.isEmpty()) {
      throw new BadInput(ui.t("ask.empty"));
    }
    Optional<String> conversation =
        Params.optional(ctx, "c").filter(c -> c.matches("[A-Za-z0-9_-]{1,64}"));
    Answer a =
        answers.answer(
            new AnswerEngine.Question(
                q,
                Optional.empty(),
                conversation,
                Params.country(ctx, "country"),
                Optional.of(ui.lang()),
                Lang.region(ctx)));
    // The shared address asks the question again; the conversation stays with this reader.
    String share = "/ask?q=" + Text.url(q) + (ui.lang().equals("en") ? "" : "&lang=" + ui.lang());
    site.page(
        ctx,
        "answer",
        site.chrome(ctx, q, "ask").sharing(site.absolute(share)),
        view(q, a, ui, site.ui(a.language()), Forms.token(ctx)));
  }

  /**
   * The answer page's view. {@code reply} holds the strings of the reply's language, which label
   * the outcome box: a Spanish crisis message on the English site gets a Spanish box.
   */
  static Views.AnswerView view(String question, Answer a, Ui ui, Ui reply, String csrf) {
    List<Views.SentenceView> sentences = List.of();
    List<Views.ExcerptView> excerpts = List.of();
    List<Views.CitationView> citations = List.of();
    List<Views.DocLink> related = List.of();
    List<Views.ClosestPage> closest = List.of();
    List<String> steps = a.nextSteps();
    List<String> questions = List.of();
    List<Views.CallLink> emergency = List.of();
    List<Views.LineView> lines = List.of();
    switch (a) {
      case Answer.Answered ok -> {
        // A directory answer shows organisations' entries, cited but never quoted.
        boolean directory = ok.citations().stream().noneMatch(Citation::quotable);
        excerpts = ok.excerpts().stream().map(e -> excerpt(e, directory)).toList();
        sentences =
            excerpts.isEmpty()
                ? ok.sentences().stream()
                    .map(s -> new Views.SentenceView(s.text(), s.citations()))
                    .toList()
                : List.of();
        citations = ok.citations().stream().map(c -> citation(c, ui)).toList();
        related = links(ok.related());
      }
      case Answer.Abstained ab -> {
        // The closest pages show as links in the reply, so the sentence naming them is left out.
        closest = ab.closest().stream().map(AskPages::closestPage).toList();
        steps = ab.stepsBesideClosest();
      }
      case Answer.Refused r -> {
        questions = r.questionsToAsk();
        closest = r.explaining().stream().map(AskPages::closestPage).toList();
      }
      case Answer.Urgent u -> {
        emergency =
            u.emergencyNumbers().stream()
                .map(n -> new Views.CallLink(n.tel(), n.number(), n.where()))
                .toList();
        lines = u.crisisLines().stream().map(l -> line(l, reply)).toList();
      }
    }
    return new Views.AnswerView(
        question,
        a.outcome(),
        a.message(),
        sentences,
        excerpts,
        citations,
        related,
        closest,
        questions,
        steps.stream().map(AskPages::step).toList(),
        a.disclaimer(),
        a.conversationId(),
        a.language(),
        csrf,
        reply,
        emergency,
        lines);
  }

  private static final java.util.regex.Pattern STEP_URL =
      java.util.regex.Pattern.compile("https?://\\S+$");
  private static final java.util.regex.Pattern STEP_PHONE =
      java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])\\+?\\d[\\d ().-]{5,}\\d$");

  /**
   * A next step as shown: one that ends with a web address or a phone number ("Talk to a cancer
   * information specialist: American Cancer Society, 1-800-227-2345") ends with it as a link, a
   * {@code tel:} one for a phone, so that a reader on a phone can call with one tap.
   */
  static Views.MarkedView step(String s) {
    java.util.regex.Matcher url = STEP_URL.matcher(s);
    if (url.find()) {
      return new Views.MarkedView(s.substring(0, url.start()), false, url.group(), url.group());
    }
    java.util.regex.Matcher phone = STEP_PHONE.matcher(s);
    if (phone.find()) {
      return new Views.MarkedView(
          s.substring(0, phone.start()),
          false,
          org.metshub.text.Phones.tel(phone.group()),
          phone.group());
    }
    return new Views.MarkedView(s, false, "", "");
  }

  /** Consecutive list items become one list; each paragraph stands alone. */
  static Views.ExcerptView excerpt(Excerpt e, boolean directoryEntry) {
    List<Views.BlockView> blocks = new java.util.ArrayList<>();
    for (Excerpt.Block b : e.blocks()) {
      List<Views.MarkedView> item =
          b.sentences().stream().map(s -> marked(s, directoryEntry)).toList();
      boolean list = b.kind() == Excerpt.Kind.LIST_ITEM;
      if (list && !blocks.isEmpty() && blocks.getLast().list()) {
        List<List<Views.MarkedView>> items = new java.util.ArrayList<>(blocks.getLast().items());
        items.add(item);
        blocks.set(blocks.size() - 1, new Views.BlockView(true, items));
      } else {
        blocks.add(new Views.BlockView(list, List.of(item)));
      }
    }
    return new Views.ExcerptView(
        e.heading(), e.href(), e.citation(), e.cutBefore(), e.cutAfter(), blocks, directoryEntry);
  }

  /**
   * A sentence of an excerpt. In a directory entry, a "Label: value" line whose value is a web
   * address or a phone number gets it as a link ({@code tel:} for phones), so a reader can tap it.
   */
  static Views.MarkedView marked(Excerpt.Sentence s, boolean directoryEntry) {
    int colon = s.text().indexOf(": ");
    if (directoryEntry && colon > 0) {
      String value = s.text().substring(colon + 2).strip();
      String href =
          value.matches("https?://[^\\s<>\"]+")
              ? value
              : value.matches("\\+?[0-9][0-9 ().-]{5,}") ? Organization.tel(value) : "";
      if (!href.isEmpty()) {
        return new Views.MarkedView(s.text().substring(0, colon + 2), s.marked(), href, value);
      }
    }
    return new Views.MarkedView(s.text(), s.marked(), "", "");
  }

  private static Views.LineView line(CrisisLine l, Ui reply) {
    Locale in = Locale.forLanguageTag(reply.lang());
    String languages =
        String.join(
            ", ",
            l.languages().stream().map(code -> Locale.of(code).getDisplayLanguage(in)).toList());
    return new Views.LineView(
        l.name(),
        l.phone().orElse(""),
        l.tel().orElse(""),
        l.text().orElse(""),
        l.chat().orElse(""),
        l.url(),
        l.hours().orElse(""),
        languages,
        l.note().orElse(""));
  }

  private static Views.CitationView citation(Citation c, Ui ui) {
    return new Views.CitationView(
        c.n(),
        Cards.docHref(c.docId()),
        c.title(),
        c.heading(),
        c.source(),
        c.url(),
        ui.date(c.lastReviewed()),
        ui.reviewState(c.reviewState()),
        "state-" + c.reviewState().label());
  }

  private static Views.ClosestPage closestPage(RelatedDocument d) {
    String page = Cards.docHref(d.docId());
    List<Views.DocLink> sections =
        d.sections().stream()
            .map(
                s ->
                    new Views.DocLink(
                        page + (s.anchor().isEmpty() ? "" : "#" + s.anchor()), s.heading(), ""))
            .toList();
    return new Views.ClosestPage(
        sections.isEmpty() ? page : sections.getFirst().href(), d.title(), sections);
  }

  private static List<Views.DocLink> links(List<RelatedDocument> docs) {
    return docs.stream()
        .map(
            d ->
                new Views.DocLink(
                    Cards.docHref(d.docId()) + (d.anchor().isEmpty() ? "" : "#" + d.anchor()),
                    d.title(),
                    d.heading()))
        .toList();
  }

  private void feedback(Context ctx) {
    Ui ui = site.ui(ctx);
    Forms.check(ctx, ui);
    String helpful = form(ctx, "helpful", 10);
    if (!helpful.equals("yes") && !helpful.equals("no")) {
      throw new BadInput(ui.t("feedback.choose"));
    }
    String client = ctx.ip();
    var decision = feedbackLimit.hit(client);
    if (!decision.allowed()) {
      ctx.header("Retry-After", Long.toString(decision.retryAfterSeconds()));
      throw new WebException(429, "Too many requests", ui.t("feedback.tooMany", feedbackPerHour));
    }
    String q = form(ctx, "q", 500);
    String c = form(ctx, "c", 64);
    String outcome = form(ctx, "outcome", 20);
    String comment = form(ctx, "comment", org.metshub.curation.Feedback.MAX_COMMENT);
    feedback.record(
        q,
        c.matches("[A-Za-z0-9_-]*") ? c : "",
        outcome.matches("[a-z]*") ? outcome : "",
        helpful.equals("yes"),
        comment);
    site.page(
        ctx,
        "message",
        site.chrome(ctx, ui.t("feedback.thanks"), "ask"),
        new Views.MessageView(
            ui.t("feedback.thanks"),
            ui.t("feedback.thanksText"),
            q.isEmpty() ? "/" : "/ask?q=" + Text.url(q) + (c.isEmpty() ? "" : "&c=" + Text.url(c)),
            ui.t("feedback.back")));
  }

  private static String form(Context ctx, String name, int max) {
    String v = ctx.formParam(name);
    v = v == null ? "" : v.strip();
    if (v.length() > max) {
      throw new BadInput(name + " must be at most " + max + " characters, got " + v.length());
    }
    return v;
  }
}
