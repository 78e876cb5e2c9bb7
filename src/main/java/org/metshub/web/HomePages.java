package org.metshub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.metshub.directory.Directory;
import org.metshub.kb.KbDocument;
import org.metshub.kb.Term;
import org.metshub.kb.Vocabularies;
import org.metshub.text.Markup;

/** The home page, the sitemap and robots.txt. */
final class HomePages {
  private final Site site;
  private final Vocabularies vocab;

  /** The current directory: a curator's change replaces it. */
  private final Supplier<Directory> directory;

  HomePages(Site site, Vocabularies vocab, Supplier<Directory> directory) {
    this.site = site;
    this.vocab = vocab;
    this.directory = directory;
  }

  void routes(RoutesConfig r) {
    r.get("/", this::home);
    r.get("/sitemap.xml", this::sitemap);
    r.get(
        "/robots.txt",
        ctx ->
            ctx.contentType("text/plain; charset=utf-8")
                .result(
                    "User-agent: *\nDisallow: /api/\nDisallow: /ask\nDisallow: /search\n"
                        + "Sitemap: "
                        + site.absolute("/sitemap.xml")
                        + "\n"));
  }

  private void home(Context ctx) {
    Ui ui = site.ui(ctx);
    List<Views.CountLink> types = new ArrayList<>();
    for (Term t : vocab.cancerTypes().terms()) {
      int n = site.docs().forReader(site.docs().aboutCancerType(t.id()), ui.lang()).size();
      if (n > 0 && !t.id().equals("general")) {
        types.add(new Views.CountLink("/cancer-types/" + t.slug(), t.label(ui.lang()), n));
      }
    }
    List<Views.CountLink> sites = new ArrayList<>();
    for (Term t : vocab.metastaticSites().terms()) {
      int n = site.docs().forReader(site.docs().aboutSite(t.id()), ui.lang()).size();
      if (n > 0) {
        sites.add(new Views.CountLink("/sites/" + t.slug(), t.label(ui.lang()), n));
      }
    }
    List<KbDocument> news = site.docs().forReader(site.docs().news(Optional.empty()), ui.lang());
    site.page(
        ctx,
        "home",
        site.chrome(ctx, ui.t("home.title"), "home"),
        new Views.HomeView(
            types,
            sites,
            Cards.docs(news.subList(0, Math.min(3, news.size())), ui),
            site.docs().size(),
            directory.get().all().size()));
  }

  private void sitemap(Context ctx) {
    StringBuilder sb =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    List<String> pages = new ArrayList<>(List.of("/", "/directory", "/news", "/feeds"));
    vocab.cancerTypes().terms().stream()
        .filter(t -> !site.docs().aboutCancerType(t.id()).isEmpty())
        .forEach(t -> pages.add("/cancer-types/" + t.slug()));
    vocab.metastaticSites().terms().stream()
        .filter(t -> !site.docs().aboutSite(t.id()).isEmpty())
        .forEach(t -> pages.add("/sites/" + t.slug()));
    for (String p : pages) {
      sb.append("  <url><loc>").append(Markup.escape(site.absolute(p))).append("</loc></url>\n");
    }
    for (KbDocument d : site.docs().all()) {
      sb.append("  <url><loc>")
          .append(Markup.escape(site.absolute(Cards.docHref(d.id()))))
          .append("</loc>");
      d.frontMatter()
          .lastReviewed()
          .ifPresent(day -> sb.append("<lastmod>").append(day).append("</lastmod>"));
      sb.append("</url>\n");
    }
    sb.append("</urlset>\n");
    ctx.contentType("application/xml; charset=utf-8").result(sb.toString());
  }
}
