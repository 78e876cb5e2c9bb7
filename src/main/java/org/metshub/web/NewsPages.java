package org.metshub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.metshub.error.MetsHubException.NotFound;
import org.metshub.kb.FrontMatter;
import org.metshub.kb.KbDocument;
import org.metshub.kb.Term;
import org.metshub.kb.Vocabularies;
import org.metshub.text.Markup;

/** Research news by date, and Atom feeds of it: all news or one cancer type's. */
final class NewsPages {
  private final Site site;
  private final Vocabularies vocab;

  NewsPages(Site site, Vocabularies vocab) {
    this.site = site;
    this.vocab = vocab;
  }

  void routes(RoutesConfig r) {
    r.get("/news", this::news);
    r.get("/feeds", this::feeds);
    r.get("/news.atom", ctx -> feed(ctx, Params.optional(ctx, "cancerType")));
    r.get(
        "/news/{file}",
        ctx -> {
          String file = ctx.pathParam("file");
          if (!file.endsWith(".atom")) {
            throw new NotFound(
                "news feeds are named CANCER-TYPE.atom, such as "
                    + "/news/breast.atom; got '"
                    + Text.clip(file, 60)
                    + "'");
          }
          feed(ctx, Optional.of(file.substring(0, file.length() - ".atom".length())));
        });
  }

  private void news(Context ctx) {
    Ui ui = site.ui(ctx);
    Optional<String> type =
        Params.optional(ctx, "cancerType").map(c -> site.facets.canonical("cancerType", c));
    // The chips lead to the page that explains feeds, not to raw XML.
    List<Views.CountLink> feeds =
        feeds(ui).stream()
            .map(
                f ->
                    new Views.CountLink(
                        "/feeds#feed-" + f.href().replace("/news/", "").replace(".atom", ""),
                        f.label(),
                        f.count()))
            .toList();
    site.page(
        ctx,
        "news",
        site.chrome(ctx, ui.t("news.title"), "news"),
        new Views.NewsView(
            Cards.docs(site.docs().forReader(site.docs().news(type), ui.lang()), ui),
            feeds,
            "/feeds#feed-all"));
  }

  /** The feed of each cancer type that has news: its Atom address, name and item count. */
  private List<Views.CountLink> feeds(Ui ui) {
    List<Views.CountLink> feeds = new ArrayList<>();
    for (Term t : vocab.cancerTypes().terms()) {
      int n = site.docs().news(Optional.of(t.id())).size();
      if (n > 0) {
        feeds.add(new Views.CountLink("/news/" + t.slug() + ".atom", t.label(ui.lang()), n));
      }
    }
    return feeds;
  }

  /** A page for people that says what a news feed is and lists every feed's address. */
  private void feeds(Context ctx) {
    Ui ui = site.ui(ctx);
    List<Views.FeedView> out = new ArrayList<>();
    out.add(
        new Views.FeedView(
            "feed-all",
            ui.t("feeds.all"),
            site.absolute("/news.atom"),
            site.docs().news(Optional.empty()).size()));
    for (Views.CountLink f : feeds(ui)) {
      String slug = f.href().replace("/news/", "").replace(".atom", "");
      out.add(new Views.FeedView("feed-" + slug, f.label(), site.absolute(f.href()), f.count()));
    }
    site.page(ctx, "feeds", site.chrome(ctx, ui.t("feeds.title"), "news"), out);
  }

  private void feed(Context ctx, Optional<String> slugOrId) {
    Optional<String> type = slugOrId.map(s -> site.facets.canonical("cancerType", s));
    List<KbDocument> items = site.docs().news(type);
    // Atom ids must be absolute IRIs; links may be relative (resolved against the feed).
    String selfPath = type.map(t -> "/news/" + t.replace(' ', '-') + ".atom").orElse("/news.atom");
    LocalDate updated = updated(items);
    StringBuilder sb =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    sb.append("  <title>")
        .append(
            Markup.escape(
                "MetsHub research news"
                    + type.map(t -> ": " + site.ui("en").cancerType(t)).orElse("")))
        .append("</title>\n");
    sb.append("  <id>").append(Markup.escape(site.absolute(selfPath))).append("</id>\n");
    sb.append("  <link rel=\"self\" href=\"")
        .append(Markup.escape(site.link(selfPath)))
        .append("\"/>\n");
    sb.append("  <link href=\"").append(Markup.escape(site.link("/news"))).append("\"/>\n");
    sb.append("  <updated>").append(instant(updated)).append("</updated>\n");
    sb.append("  <author><name>MetsHub</name></author>\n");
    for (KbDocument d : items) {
      FrontMatter fm = d.frontMatter();
      String path = Cards.docHref(d.id());
      sb.append("  <entry>\n    <title>").append(Markup.escape(fm.title())).append("</title>\n");
      sb.append("    <id>").append(Markup.escape(site.absolute(path))).append("</id>\n");
      sb.append("    <link href=\"").append(Markup.escape(site.link(path))).append("\"/>\n");
      sb.append("    <updated>").append(instant(updated(d))).append("</updated>\n");
      sb.append("    <published>")
          .append(instant(PublicDocuments.published(d)))
          .append("</published>\n");
      sb.append("    <summary>").append(Markup.escape(fm.summary())).append("</summary>\n");
      sb.append("  </entry>\n");
    }
    sb.append("</feed>\n");
    ctx.contentType("application/atom+xml; charset=utf-8").result(sb.toString());
  }

  /**
   * When a feed last changed: when its latest entry did. Entries are in order of publication, and
   * an older one reviewed since may be the latest change.
   */
  static LocalDate updated(List<KbDocument> items) {
    return items.stream()
        .map(NewsPages::updated)
        .max(java.util.Comparator.naturalOrder())
        .orElse(LocalDate.EPOCH);
  }

  /**
   * When a news item last changed: its last review, or its publication when that is later (a list
   * page's review date can precede an item on it, and Atom's updated is never before published).
   */
  static LocalDate updated(KbDocument d) {
    LocalDate published = PublicDocuments.published(d);
    return d.frontMatter().lastReviewed().filter(r -> r.isAfter(published)).orElse(published);
  }

  private static String instant(LocalDate d) {
    return d.atStartOfDay().toInstant(ZoneOffset.UTC).toString();
  }
}
