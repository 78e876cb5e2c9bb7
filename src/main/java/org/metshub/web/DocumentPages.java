package org.metshub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.metshub.directory.Directory;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.NotFound;
import org.metshub.kb.FrontMatter;
import org.metshub.kb.KbDocument;
import org.metshub.kb.ReviewSchedule;
import org.metshub.kb.Term;
import org.metshub.kb.Vocabularies;

/**
 * A document page ({@code /docs/{id}}: sanitised Markdown, review dates, licence, translation,
 * related documents, schema.org JSON-LD) and the browse pages by cancer type and by site.
 */
final class DocumentPages {
  private final Site site;
  private final Vocabularies vocab;
  private final ReviewSchedule schedule;

  /** The current directory: a curator's change replaces it. */
  private final Supplier<Directory> directory;

  DocumentPages(
      Site site, Vocabularies vocab, ReviewSchedule schedule, Supplier<Directory> directory) {
    this.site = site;
    this.vocab = vocab;
    this.schedule = schedule;
    this.directory = directory;
  }

  void routes(RoutesConfig r) {
    r.get("/docs/{id}", this::document);
    r.get("/cancer-types/{slug}", this::cancerType);
    r.get("/sites/{slug}", this::metastaticSite);
  }

  private void document(Context ctx) {
    Ui ui = site.ui(ctx);
    KbDocument d = site.docs().get(ctx.pathParam("id"));
    FrontMatter fm = d.frontMatter();
    String state = schedule.state(fm.lastReviewed(), fm.reviewFrequency()).label();
    boolean quotable = vocab.quotable(fm.license());
    String licenseNote =
        quotable
            ? ui.t("doc.license.quotable", ui.license(fm.license()))
            : ui.t("doc.license.linkOnly", ui.license(fm.license()));
    List<Views.DocLink> translations = new ArrayList<>();
    site.docs()
        .translations(d)
        .forEach(
            (lang, id) ->
                translations.add(
                    new Views.DocLink(
                        Cards.docHref(id),
                        site.docs().find(id).map(t -> t.frontMatter().title()).orElse(id),
                        ui.languageName(lang))));
    // The header's language switch goes to the document's translation when there is one in the
    // other language (the Spanish page, in Spanish), not to the same page with Spanish menus.
    Chrome chrome = site.chrome(ctx, fm.title(), "docs");
    String translated = site.docs().translations(d).get(ui.otherLang());
    if (translated != null) {
      chrome =
          new Chrome(
              chrome.ui(),
              chrome.title(),
              Cards.docHref(translated) + "?lang=" + ui.otherLang(),
              chrome.section());
    }
    chrome = chrome.sharing(site.absolute(Cards.docHref(d.id())));
    boolean glossary = "glossary".equals(fm.docType());
    // Terms link to the glossary of the document's own language; the glossary links to none.
    Optional<Glossary> terms = glossary ? Optional.empty() : site.docs().glossary(fm.language());
    String html =
        site.docs()
            .body(
                d,
                doc ->
                    MarkdownHtml.render(
                        doc.body(), body -> terms.ifPresent(g -> g.link(body, fm.title()))));
    site.page(
        ctx,
        "document",
        chrome,
        new Views.DocView(
            d.id(),
            fm.title(),
            fm.summary(),
            fm.source().isEmpty() ? "MetsHub" : fm.source(),
            fm.url(),
            fm.citation(),
            ui.facetValue("audience", fm.audienceLevel()),
            ui.facetValue("docType", fm.docType()),
            ui.date(fm.lastReviewed()),
            ui.date(schedule.nextReviewDue(fm.lastReviewed(), fm.reviewFrequency())),
            ui.reviewState(state),
            "state-" + state,
            licenseNote,
            html,
            translations,
            Cards.docs(site.docs().related(d, 5), ui),
            Json.forScript(jsonLd(d)),
            fm.language(),
            "news".equals(fm.docType()) ? ui.date(PublicDocuments.published(d)) : "",
            glossary ? index(d) : List.of()));
  }

  /**
   * The A–Z index of a glossary: one link per initial letter (accents folded, so "Á" files under A)
   * to the first term that starts with it.
   */
  private static List<Views.DocLink> index(KbDocument glossary) {
    Map<String, String> firstByLetter = new java.util.TreeMap<>();
    for (org.metshub.kb.Section s : glossary.sections()) {
      if (s.headingPath().size() != 2) {
        continue;
      }
      String letter =
          java.text.Normalizer.normalize(s.title().substring(0, 1), java.text.Normalizer.Form.NFD)
              .substring(0, 1)
              .toUpperCase(java.util.Locale.ROOT);
      if (letter.matches("[A-Z]")) {
        firstByLetter.putIfAbsent(letter, "#" + org.metshub.kb.Section.slug(s.title()));
      }
    }
    return firstByLetter.entrySet().stream()
        .map(e -> new Views.DocLink(e.getValue(), e.getKey(), ""))
        .toList();
  }

  /** The document as a schema.org MedicalWebPage (DESIGN.md lists the mapping). */
  private Map<String, Object> jsonLd(KbDocument d) {
    FrontMatter fm = d.frontMatter();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("@context", "https://schema.org");
    m.put("@type", "MedicalWebPage");
    m.put("name", fm.title());
    m.put("url", site.link(Cards.docHref(d.id())));
    if (!fm.url().isEmpty()) {
      m.put("isBasedOn", fm.url());
    }
    m.put("inLanguage", fm.language());
    fm.lastReviewed().ifPresent(day -> m.put("lastReviewed", day.toString()));
    if (!fm.reviewedBy().isEmpty()) {
      m.put("reviewedBy", Json.object("@type", "Organization", "name", fm.reviewedBy()));
    }
    m.put("audience", Json.object("@type", "MedicalAudience", "audienceType", fm.audienceLevel()));
    m.put(
        "about",
        fm.cancerTypes().stream()
            .map(
                c ->
                    Json.object(
                        "@type",
                        "MedicalCondition",
                        "name",
                        vocab.cancerTypes().byId(c).map(Term::label).orElse(c)))
            .toList());
    m.put("license", schemaLicense(vocab, fm.license()));
    m.put(
        "publisher",
        Json.object(
            "@type", "Organization", "name", fm.source().isEmpty() ? "MetsHub" : fm.source()));
    if (!fm.version().isEmpty()) {
      m.put("version", fm.version());
    }
    if (!fm.tags().isEmpty()) {
      m.put("keywords", String.join(", ", fm.tags()));
    }
    m.put("creativeWorkStatus", fm.status());
    return m;
  }

  /**
   * A licence as schema.org's {@code license} wants it: the licence's own page when the vocabulary
   * gives one, else a CreativeWork named by its label (never our vocabulary's id).
   */
  static Object schemaLicense(Vocabularies vocab, String licenseId) {
    return vocab
        .licenses()
        .byId(licenseId)
        .map(
            t ->
                t.attribute("url")
                    .<Object>map(u -> u)
                    .orElseGet(() -> Json.object("@type", "CreativeWork", "name", t.label())))
        .orElseGet(() -> Json.object("@type", "CreativeWork", "name", licenseId));
  }

  private Term term(org.metshub.kb.Vocabulary v, String slug, String what) {
    if (!slug.matches("[a-z0-9-]{1,60}")) {
      throw new BadInput(
          what + " must be lower-case letters, digits and '-', got '" + Text.clip(slug, 60) + "'");
    }
    return v.terms().stream()
        .filter(t -> t.slug().equals(slug))
        .findFirst()
        .orElseThrow(
            () ->
                new NotFound(
                    "there is no "
                        + what
                        + " '"
                        + slug
                        + "'; did you mean '"
                        + v.byId(v.closest(slug)).map(Term::slug).orElse("")
                        + "'?"));
  }

  private void cancerType(Context ctx) {
    Ui ui = site.ui(ctx);
    Term t = term(vocab.cancerTypes(), ctx.pathParam("slug"), "cancer type");
    String label = t.label(ui.lang());
    List<KbDocument> docs = site.docs().aboutCancerType(t.id());
    Optional<KbDocument> main =
        site.docs()
            .mainPage(
                docs,
                ui.lang(),
                fm ->
                    fm.cancerTypes().stream()
                        .filter(c -> !c.equals("metastatic cancer") && !c.equals("general"))
                        .toList()
                        .equals(List.of(t.id())));
    site.page(
        ctx,
        "browse",
        site.chrome(ctx, label, "browse"),
        browse(
            ui,
            label,
            ui.t("browse.cancerTypeIntro", ui.midSentence(label)),
            docs,
            main,
            directory
                .get()
                .filter(Optional.empty(), Optional.of(t.id()), Optional.empty(), Optional.empty()),
            "/feeds#feed-" + t.slug()));
  }

  private void metastaticSite(Context ctx) {
    Ui ui = site.ui(ctx);
    Term t = term(vocab.metastaticSites(), ctx.pathParam("slug"), "site");
    String label = t.label(ui.lang());
    List<KbDocument> docs = site.docs().aboutSite(t.id());
    Optional<KbDocument> main =
        site.docs().mainPage(docs, ui.lang(), fm -> fm.metastaticSites().equals(List.of(t.id())));
    // Organisations are listed by the cancers they serve, not by site: show those for all.
    site.page(
        ctx,
        "browse",
        site.chrome(ctx, label, "browse"),
        browse(
            ui,
            label,
            ui.t("browse.siteIntro", ui.midSentence(label)),
            docs,
            main,
            directory
                .get()
                .filter(
                    Optional.empty(), Optional.of("general"), Optional.empty(), Optional.empty()),
            ""));
  }

  /**
   * A cancer-type or site page: the main page in the reader's language first, then the rest of what
   * the reader can read (their language, or pages with no translation into it) grouped by kind,
   * then the organisations, patient support first.
   */
  private Views.BrowseView browse(
      Ui ui,
      String label,
      String intro,
      List<KbDocument> docs,
      Optional<KbDocument> main,
      List<org.metshub.directory.Organization> orgs,
      String feedHref) {
    Map<PublicDocuments.Kind, List<KbDocument>> byKind =
        new java.util.EnumMap<>(PublicDocuments.Kind.class);
    for (KbDocument d : site.docs().forReader(docs, ui.lang())) {
      if (main.map(m -> m.id().equals(d.id())).orElse(false)) {
        continue;
      }
      byKind.computeIfAbsent(site.docs().kind(d), k -> new ArrayList<>()).add(d);
    }
    List<Views.DocGroup> groups = new ArrayList<>();
    byKind.forEach(
        (kind, ds) -> {
          // The reader's language first, then by title; news newest first.
          java.util.Comparator<KbDocument> order =
              kind == PublicDocuments.Kind.NEWS
                  ? java.util.Comparator.comparing(PublicDocuments::published).reversed()
                  : java.util.Comparator.comparing(
                          (KbDocument d) -> !d.frontMatter().language().equals(ui.lang()))
                      .thenComparing(d -> d.frontMatter().title());
          String key = kind.name().toLowerCase(java.util.Locale.ROOT);
          groups.add(
              new Views.DocGroup(
                  "group-" + key,
                  ui.t("browse.kind." + key),
                  Cards.docs(ds.stream().sorted(order).toList(), ui)));
        });
    return new Views.BrowseView(
        label,
        intro,
        main.map(d -> Cards.doc(d, ui)).stream().toList(),
        groups,
        Cards.orgs(orgs, ui),
        feedHref);
  }
}
