package org.metshub.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.metshub.App;

/**
 * What every page and API route shares: the application, the public documents, the interface
 * strings, the templates and the clock. One per server; thread-safe.
 */
final class Site {
  final App app;
  final Map<String, Ui> uis;
  final Templates templates = new Templates();
  final Facets facets;
  final java.time.Clock clock;
  private volatile PublicDocuments docs;
  private volatile List<org.metshub.kb.KbFile> docsOf;

  Site(App app, java.time.Clock clock) {
    this.app = app;
    this.clock = clock;
    this.uis = Ui.bundled(app.vocab());
    this.facets = new Facets(app.vocab());
  }

  /** The public documents, rebuilt when a curator's change has refreshed the KB. */
  PublicDocuments docs() {
    List<org.metshub.kb.KbFile> files = app.files();
    if (files != docsOf) {
      synchronized (this) {
        if (files != docsOf) {
          docs = new PublicDocuments(files);
          docsOf = files;
        }
      }
    }
    return docs;
  }

  Ui ui(Context ctx) {
    return uis.get(Lang.of(ctx));
  }

  /** The interface strings of {@code lang} (English when not bundled). */
  Ui ui(String lang) {
    return uis.getOrDefault(lang, uis.get("en"));
  }

  /** The layout frame of a page titled {@code title} in the request's language. */
  Chrome chrome(Context ctx, String title, String section) {
    Ui ui = ui(ctx);
    return new Chrome(ui, title, otherLangHref(ctx, ui.otherLang()), section);
  }

  /** The current page with {@code lang} set to another language, other parameters kept. */
  static String otherLangHref(Context ctx, String lang) {
    StringBuilder sb = new StringBuilder(ctx.path()).append("?lang=").append(lang);
    ctx.queryParamMap().forEach((k, vs) -> {
      if (!k.equals("lang")) {
        vs.forEach(v -> sb.append('&').append(Text.url(k)).append('=').append(Text.url(v)));
      }
    });
    return sb.toString();
  }

  /** Renders a page template with its chrome and model, as HTML. */
  void page(Context ctx, String template, Chrome chrome, Object model) {
    Map<String, Object> params = new HashMap<>();
    params.put("c", chrome);
    params.put("m", model);
    Errors.rendered(ctx); // a page with an error status is complete as it is
    ctx.contentType("text/html; charset=utf-8").result(templates.render(template, params));
  }

  /** The absolute base of links in feeds and sitemaps: scheme and host of the request. */
  static String base(Context ctx) {
    String scheme = SecurityHeaders.secure(ctx) ? "https" : ctx.scheme();
    String host = ctx.host();
    if (host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]{1,255}")) {
      host = "localhost"; // a forged Host header never reaches a feed
    }
    return scheme + "://" + host;
  }
}
