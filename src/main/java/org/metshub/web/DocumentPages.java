package org.metshub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metshub.kb.FrontMatter;
import org.metshub.kb.KbDocument;
import org.metshub.kb.Term;

/**
 * A document page ({@code /docs/{id}}: sanitised Markdown, review dates, licence, translation,
 * related documents, schema.org JSON-LD) and the browse pages by cancer type and by site.
 */
final class DocumentPages {
  private final Site site;

  DocumentPages(Site site) {
    this.site = site;
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
    String state = site.app.schedule().state(fm.lastReviewed(), fm.reviewFrequency()).label();
    boolean quotable = site.app.vocab().quotable(fm.license());
    String licenseNote = quotable
        ? ui.t("doc.license.quotable", ui.license(fm.license()))
        : ui.t("doc.license.linkOnly", ui.license(fm.license()));
    List<Views.DocLink> translations = new ArrayList<>();
    site.docs().translations(d).forEach((lang, id) -> translations.add(new Views.DocLink(
        Cards.docHref(id), site.docs().find(id).map(t -> t.frontMatter().title()).orElse(id),
        ui.languageName(lang))));
    // The header's language switch goes to the document's translation when there is one in the
    // other language (the Spanish page, in Spanish), not to the same page with Spanish menus.
    Chrome chrome = site.chrome(ctx, fm.title(), "docs");
    String translated = site.docs().translations(d).get(ui.otherLang());
    if (translated != null) {
      chrome = new Chrome(chrome.ui(), chrome.title(),
          Cards.docHref(translated) + "?lang=" + ui.otherLang(), chrome.section());
    }
    site.page(ctx, "document", chrome, new Views.DocView(
        d.id(), fm.title(), fm.summary(), fm.source().isEmpty() ? "MetsHub" : fm.source(),
        fm.url(), fm.citation(), ui.facetValue("audience", fm.audienceLevel()),
        ui.facetValue("docType", fm.docType()), ui.date(fm.lastReviewed()),
        ui.date(site.app.schedule().nextReviewDue(fm.lastReviewed(), fm.reviewFrequency())),
        ui.reviewState(state), "state-" + state, licenseNote, MarkdownHtml.render(d.body()),
        translations, Cards.docs(site.docs().related(d, 5), ui),
        Json.forScript(jsonLd(d)), fm.language()));
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
    m.put("about", fm.cancerTypes().stream().map(c -> Json.object("@type", "MedicalCondition",
        "name", site.app.vocab().cancerTypes().byId(c).map(Term::label).orElse(c))).toList());
    m.put("license", fm.license());
    m.put("publisher", Json.object("@type", "Organization",
        "name", fm.source().isEmpty() ? "MetsHub" : fm.source()));
    if (!fm.version().isEmpty()) {
      m.put("version", fm.version());
    }
    if (!fm.tags().isEmpty()) {
      m.put("keywords", String.join(", ", fm.tags()));
    }
    m.put("creativeWorkStatus", fm.status());
    return m;
  }

  private Term term(org.metshub.kb.Vocabulary v, String slug, String what) {
    if (!slug.matches("[a-z0-9-]{1,60}")) {
      throw WebException.badRequest(what + " must be lower-case letters, digits and '-', got '"
          + Text.clip(slug, 60) + "'");
    }
    return v.terms().stream().filter(t -> t.slug().equals(slug)).findFirst()
        .orElseThrow(() -> WebException.notFound("there is no " + what + " '" + slug
            + "'; did you mean '" + v.byId(v.closest(slug)).map(Term::slug).orElse("") + "'?"));
  }

  private void cancerType(Context ctx) {
    Ui ui = site.ui(ctx);
    Term t = term(site.app.vocab().cancerTypes(), ctx.pathParam("slug"), "cancer type");
    String label = t.label(ui.lang());
    site.page(ctx, "browse", site.chrome(ctx, label, "browse"), new Views.BrowseView(label,
        ui.t("browse.cancerTypeIntro", label), Cards.docs(site.docs().aboutCancerType(t.id()), ui),
        Cards.orgs(site.app.directory().filter(Optional.empty(), Optional.of(t.id()),
            Optional.empty(), Optional.empty()), ui),
        "/news/" + t.slug() + ".atom"));
  }

  private void metastaticSite(Context ctx) {
    Ui ui = site.ui(ctx);
    Term t = term(site.app.vocab().metastaticSites(), ctx.pathParam("slug"), "site");
    String label = t.label(ui.lang());
    // Organisations are listed by the cancers they serve, not by site: show those for all.
    site.page(ctx, "browse", site.chrome(ctx, label, "browse"), new Views.BrowseView(label,
        ui.t("browse.siteIntro", label), Cards.docs(site.docs().aboutSite(t.id()), ui),
        Cards.orgs(site.app.directory().filter(Optional.empty(), Optional.of("general"),
            Optional.empty(), Optional.empty()), ui), ""));
  }
}
