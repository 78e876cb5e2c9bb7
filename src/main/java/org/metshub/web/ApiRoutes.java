package org.metshub.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.metshub.answer.AnswerEngine;
import org.metshub.api.AnswerJson;
import org.metshub.api.HitJson;
import org.metshub.directory.Directory;
import org.metshub.directory.Organization;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.Internal;
import org.metshub.kb.FrontMatter;
import org.metshub.kb.KbDocument;
import org.metshub.kb.ReviewSchedule;
import org.metshub.kb.Vocabularies;
import org.metshub.search.Hit;
import org.metshub.search.Search;
import org.metshub.search.SearchMode;
import org.metshub.search.SearchRequest;
import org.metshub.search.SearchResponse;

/**
 * The JSON API under {@code /api/v1} (described by {@code /api/v1/openapi.json}). Errors are
 * problem documents (see {@link Errors}); the health and readiness probes are {@link Probes}.
 */
final class ApiRoutes {
  static final int MAX_PAGE_SIZE = 50;
  static final int MAX_K = 50;
  static final byte[] OPENAPI = Assets.read("/web/openapi.json");

  private final Site site;
  private final Search search;
  private final AnswerEngine answers;
  private final Vocabularies vocab;
  private final ReviewSchedule schedule;

  /** The current directory: a curator's change replaces it. */
  private final Supplier<Directory> directory;

  ApiRoutes(
      Site site,
      Search search,
      AnswerEngine answers,
      Vocabularies vocab,
      ReviewSchedule schedule,
      Supplier<Directory> directory) {
    this.site = site;
    this.search = search;
    this.answers = answers;
    this.vocab = vocab;
    this.schedule = schedule;
    this.directory = directory;
  }

  /** The deprecated alias of the {@code language} parameter, accepted on every endpoint. */
  static final String LANG_ALIAS = "lang";

  /**
   * The query parameters each API endpoint takes: anything else is a 400 listing these. The OpenAPI
   * description declares exactly these (a test compares the two).
   */
  static final Map<String, java.util.Set<String>> PARAMETERS =
      Map.of(
          "/api/v1/search", withFacets("q", "page", "pageSize", "mode", LANG_ALIAS),
          "/api/v1/retrieve", withFacets("q", "k", "mode", LANG_ALIAS),
          "/api/v1/facets", withFacets("q", LANG_ALIAS),
          "/api/v1/answer",
              java.util.Set.of("q", "language", LANG_ALIAS, "conversationId", "country"),
          "/api/v1/documents/{id}", java.util.Set.of(),
          "/api/v1/directory",
              java.util.Set.of("country", "cancerType", "service", "language", LANG_ALIAS),
          "/api/v1/openapi.json", java.util.Set.of());

  /** The fields a POST /api/v1/answer body may have. */
  static final java.util.Set<String> ANSWER_FIELDS =
      java.util.Set.of("question", "language", LANG_ALIAS, "conversationId", "country");

  private static java.util.Set<String> withFacets(String... names) {
    java.util.Set<String> out = new java.util.HashSet<>(List.of(names));
    out.addAll(org.metshub.search.Fields.FACETS);
    return java.util.Set.copyOf(out);
  }

  void routes(RoutesConfig r) {
    r.get(
        "/api/v1/openapi.json",
        ctx -> {
          only(ctx, "/api/v1/openapi.json");
          ctx.contentType("application/json").result(OPENAPI);
        });
    r.get("/api/v1/search", this::search);
    r.get("/api/v1/retrieve", this::retrieve);
    r.get(
        "/api/v1/answer",
        ctx -> {
          only(ctx, "/api/v1/answer");
          answer(
              ctx,
              new AnswerEngine.Question(
                  required(ctx, "q"),
                  Params.aliased(ctx, "language", LANG_ALIAS),
                  Params.optional(ctx, "conversationId"),
                  Params.country(ctx, "country"),
                  Optional.of(Lang.fromAcceptLanguage(ctx.header("Accept-Language"))),
                  Lang.region(ctx)));
        });
    r.post("/api/v1/answer", this::postAnswer);
    r.get("/api/v1/documents/{id}", this::document);
    r.get("/api/v1/facets", this::facets);
    r.get("/api/v1/directory", this::directory);
  }

  private static void only(Context ctx, String endpoint) {
    // Every endpoint that calls this is listed in PARAMETERS.
    Params.only(ctx, Objects.requireNonNull(PARAMETERS.get(endpoint), endpoint));
  }

  /** The facet filters of an API request, {@code lang} standing for {@code language}. */
  private Map<String, List<String>> filters(Context ctx) {
    return site.facets.read(ctx, Map.of(org.metshub.search.Fields.LANGUAGE, LANG_ALIAS));
  }

  private static String required(Context ctx, String name) {
    String q = Params.text(ctx, name);
    if (q.isEmpty()) {
      throw new BadInput(name + " is required");
    }
    return q;
  }

  private void search(Context ctx) {
    only(ctx, "/api/v1/search");
    int page = Params.integer(ctx, "page", 1, 1, 1000);
    int size = Params.integer(ctx, "pageSize", 10, 1, MAX_PAGE_SIZE);
    SearchMode mode = Params.optional(ctx, "mode").map(SearchMode::parse).orElse(SearchMode.HYBRID);
    SearchResponse res =
        search.search(
            SearchRequest.builder()
                .query(Params.text(ctx, "q"))
                .filters(filters(ctx))
                .limit(size)
                .offset((page - 1) * size)
                .mode(mode)
                .build());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("query", Params.text(ctx, "q"));
    m.put("total", res.total());
    m.put("page", page);
    m.put("pageSize", size);
    m.put("mode", res.mode().name().toLowerCase(java.util.Locale.ROOT));
    m.put("corrections", res.corrections());
    m.put("weakMatch", res.weakMatch());
    m.put("facets", ordered(res.facets()));
    m.put("hits", res.hits().stream().map(HitJson::of).toList());
    Json.send(ctx, m);
  }

  /** Facet counts in the display order of {@link Fields#FACETS}, so output is stable. */
  private static Map<String, Object> ordered(Map<String, ? extends Object> facets) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String dim : org.metshub.search.Fields.FACETS) {
      if (facets.containsKey(dim)) {
        m.put(dim, facets.get(dim));
      }
    }
    return m;
  }

  private void retrieve(Context ctx) {
    only(ctx, "/api/v1/retrieve");
    String q = required(ctx, "q");
    int k = Params.integer(ctx, "k", 10, 1, MAX_K);
    SearchMode mode = Params.optional(ctx, "mode").map(SearchMode::parse).orElse(SearchMode.HYBRID);
    SearchResponse res =
        search.search(
            SearchRequest.builder()
                .query(q)
                .filters(filters(ctx))
                .limit(k)
                .mode(mode)
                .collapse(false)
                .facets(false)
                .build());
    List<Map<String, @Nullable Object>> passages = new ArrayList<>();
    for (Hit h : res.hits()) {
      Map<String, @Nullable Object> p = new LinkedHashMap<>();
      p.put("passageId", h.passageId());
      p.put("docId", h.docId());
      p.put("text", h.text());
      p.put("score", h.score());
      p.put("similarity", Double.isNaN(h.similarity()) ? null : h.similarity());
      Map<String, @Nullable Object> cite = new LinkedHashMap<>();
      cite.put("title", h.title());
      cite.put("heading", h.heading());
      cite.put("source", h.meta().source());
      cite.put("url", h.meta().url());
      cite.put("page", Cards.docHref(h.docId()));
      cite.put("lastReviewed", h.meta().lastReviewed().map(Object::toString).orElse(null));
      p.put("citation", cite);
      Map<String, @Nullable Object> trust = new LinkedHashMap<>();
      trust.put("sourceTier", h.meta().sourceTier());
      trust.put("reviewState", h.meta().reviewState().label());
      trust.put("nextReviewDue", h.meta().nextReviewDue().map(Object::toString).orElse(null));
      trust.put("license", h.meta().license());
      trust.put("quotable", h.meta().quotable());
      trust.put("audience", h.meta().audience());
      trust.put("status", h.meta().status());
      p.put("trust", trust);
      passages.add(p);
    }
    Json.send(ctx, Json.object("query", q, "k", k, "passages", passages));
  }

  private void postAnswer(Context ctx) {
    requireJson(ctx);
    if (ctx.contentLength() > WebServer.MAX_BODY_BYTES) {
      throw new WebException(
          413,
          "Content too large",
          "the request body must be at most "
              + WebServer.MAX_BODY_BYTES
              + " bytes, got "
              + ctx.contentLength());
    }
    JsonNode body;
    try {
      body = Json.STRICT.readTree(ctx.bodyAsBytes());
    } catch (java.io.IOException e) {
      if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
        throw new BadInput(
            "the request body is not valid JSON: "
                + Text.clip(String.valueOf(j.getOriginalMessage()), 200),
            e);
      }
      throw new Internal("cannot read the request body", e);
    }
    if (body == null || !body.isObject()) {
      throw new BadInput(
          "the request body must be a JSON object such as " + "{\"question\": \"...\"}");
    }
    List<String> unknown = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            f -> {
              if (!ANSWER_FIELDS.contains(f)) {
                unknown.add("'" + Text.clip(f, 40) + "'");
              }
            });
    if (!unknown.isEmpty()) {
      throw new BadInput(
          "unknown field"
              + (unknown.size() == 1 ? " " : "s ")
              + String.join(", ", unknown.stream().sorted().toList())
              + "; the body takes "
              + new java.util.TreeSet<>(ANSWER_FIELDS));
    }
    Optional<String> language = text(body, "language", false);
    Optional<String> lang = text(body, LANG_ALIAS, false);
    if (language.isPresent() && lang.isPresent() && !language.get().equalsIgnoreCase(lang.get())) {
      throw new BadInput(
          "language and lang (its deprecated alias) disagree: '"
              + Text.clip(language.get(), 40)
              + "' and '"
              + Text.clip(lang.get(), 40)
              + "'");
    }
    answer(
        ctx,
        new AnswerEngine.Question(
            text(body, "question", true).orElse(""),
            language.or(() -> lang),
            text(body, "conversationId", false),
            text(body, "country", false).map(c -> c.toUpperCase(java.util.Locale.ROOT)),
            Optional.of(Lang.fromAcceptLanguage(ctx.header("Accept-Language"))),
            Lang.region(ctx)));
  }

  /**
   * Refuses a body that is not exactly {@code application/json}: parameters are allowed ({@code
   * charset=utf-8}, the only charset JSON has), other types such as {@code application/jsonx} or
   * {@code text/plain} are a 415.
   */
  static void requireJson(Context ctx) {
    String header = ctx.header("Content-Type");
    Optional<MediaType> type = MediaType.parse(header);
    boolean ok =
        type.isPresent()
            && type.get().essence().equals("application/json")
            && type.get().parameter("charset").map(c -> c.equalsIgnoreCase("utf-8")).orElse(true);
    if (!ok) {
      throw new WebException(
          415,
          "Unsupported media type",
          "the request body must be "
              + "application/json (charset utf-8), got '"
              + Text.clip(String.valueOf(header), 80)
              + "'");
    }
  }

  private static Optional<String> text(JsonNode body, String field, boolean required) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      if (required) {
        throw new BadInput("the field '" + field + "' is required");
      }
      return Optional.empty();
    }
    if (!n.isTextual()) {
      throw new BadInput(
          "the field '"
              + field
              + "' must be a string, got "
              + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return Optional.of(n.asText());
  }

  private void answer(Context ctx, AnswerEngine.Question q) {
    q.country()
        .ifPresent(
            c -> {
              if (!c.matches("[A-Z]{2}")) {
                throw new BadInput(
                    "country must be a two-letter code such as US, got '" + Text.clip(c, 40) + "'");
              }
            });
    Json.send(ctx, AnswerJson.of(answers.answer(q)));
  }

  private void document(Context ctx) {
    only(ctx, "/api/v1/documents/{id}");
    KbDocument d = site.docs().get(ctx.pathParam("id"));
    FrontMatter fm = d.frontMatter();
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("id", d.id());
    m.put("title", fm.title());
    m.put("docType", fm.docType());
    m.put("summary", fm.summary());
    m.put("url", fm.url());
    m.put("page", Cards.docHref(d.id()));
    m.put("source", fm.source());
    m.put("sourceType", fm.sourceType());
    m.put("citation", fm.citation());
    m.put("language", fm.language());
    m.put("audienceLevel", fm.audienceLevel());
    m.put("cancerTypes", fm.cancerTypes());
    m.put("metastaticSites", fm.metastaticSites());
    m.put("license", fm.license());
    m.put("quotable", vocab.quotable(fm.license()));
    m.put("lastReviewed", fm.lastReviewed().map(Object::toString).orElse(null));
    m.put(
        "nextReviewDue",
        schedule
            .nextReviewDue(fm.lastReviewed(), fm.reviewFrequency())
            .map(Object::toString)
            .orElse(null));
    m.put("reviewState", schedule.state(fm.lastReviewed(), fm.reviewFrequency()).label());
    m.put("datePublished", fm.datePublished().map(Object::toString).orElse(null));
    m.put("translations", site.docs().translations(d));
    m.put("markdown", d.body());
    m.put("html", MarkdownHtml.render(d.body()));
    Json.send(ctx, m);
  }

  private void facets(Context ctx) {
    only(ctx, "/api/v1/facets");
    SearchResponse res =
        search.search(
            SearchRequest.builder()
                .query(Params.text(ctx, "q"))
                .filters(filters(ctx))
                .limit(1)
                .mode(SearchMode.LEXICAL)
                .build());
    Json.send(ctx, Json.object("total", res.total(), "facets", ordered(res.facets())));
  }

  private void directory(Context ctx) {
    only(ctx, "/api/v1/directory");
    List<Map<String, Object>> out = new ArrayList<>();
    Directory now = directory.get();
    for (Organization o : DirectoryPages.Filters.read(ctx, vocab, now, LANG_ALIAS).apply(now)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", o.id());
      m.put("name", o.name());
      m.put("url", o.url());
      m.put("summary", o.summary());
      m.put("summaryEs", o.summaryEs());
      m.put("countries", o.countries());
      m.put("cancerTypes", o.cancerTypes());
      m.put("services", o.services());
      m.put("languages", o.languages());
      m.put("phone", o.phone());
      out.add(m);
    }
    Json.send(ctx, Json.object("total", out.size(), "organizations", out));
  }
}
