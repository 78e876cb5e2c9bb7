package org.metshub.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.metshub.kb.KbFile;
import org.metshub.kb.Vocabularies;

/**
 * What every page and API route shares: the public documents, the interface strings, the templates,
 * the facet filters, the clock and the server's options. It holds no part of the core beyond the
 * KB's files; each feature is given the collaborators it uses by {@link WebServer}. One per server;
 * thread-safe.
 */
final class Site {
  final Map<String, Ui> uis;
  final Templates templates = new Templates();
  final Facets facets;
  final java.time.Clock clock;
  volatile WebOptions options;

  /** The KB's files as last read: a curator's change or the KB watcher replaces the list. */
  private final Supplier<List<KbFile>> files;

  /** The public documents and the files they were made of; null until first asked for. */
  private volatile @Nullable Documents docs;

  private record Documents(List<KbFile> of, PublicDocuments docs) {}

  Site(
      Vocabularies vocab, Supplier<List<KbFile>> files, java.time.Clock clock, WebOptions options) {
    this.files = files;
    this.clock = clock;
    this.options = options;
    this.uis = Ui.bundled(vocab);
    this.facets = new Facets(vocab);
  }

  /** The public documents, rebuilt when a curator's change has refreshed the KB. */
  PublicDocuments docs() {
    List<KbFile> files = this.files.get();
    Documents d = docs;
    if (d == null || d.of() != files) {
      synchronized (this) {
        d = docs;
        if (d == null || d.of() != files) {
          d = new Documents(files, new PublicDocuments(files));
          docs = d;
        }
      }
    }
    return d.docs();
  }

  Ui ui(Context ctx) {
    String lang = Lang.of(ctx);
    // Lang.of gives one of Ui.LANGUAGES, and each of them is bundled.
    return Objects.requireNonNull(uis.get(lang), lang);
  }

  /** The interface strings of {@code lang} (English when not bundled). */
  Ui ui(String lang) {
    Ui ui = uis.get(lang);
    return ui != null ? ui : Objects.requireNonNull(uis.get("en"), "en");
  }

  /** The layout frame of a page titled {@code title} in the request's language. */
  Chrome chrome(Context ctx, String title, String section) {
    Ui ui = ui(ctx);
    return new Chrome(ui, title, otherLangHref(ctx, ui.otherLang()), section);
  }

  /** The current page with {@code lang} set to another language, other parameters kept. */
  static String otherLangHref(Context ctx, String lang) {
    StringBuilder sb = new StringBuilder(ctx.path()).append("?lang=").append(lang);
    ctx.queryParamMap()
        .forEach(
            (k, vs) -> {
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

  /** Names the address actually bound (a server started on port 0 learns it late). */
  void rebind(String bindBase) {
    options = options.withBindBase(bindBase);
  }

  /**
   * An absolute link to {@code path} on this site, for formats that require one (robots.txt,
   * sitemap locations, Atom ids): on {@code --public-url}, else on the address the server listens
   * on. Never built from the request's Host header, which a client chooses.
   */
  String absolute(String path) {
    return options.publicUrl().map(Object::toString).orElse(options.bindBase()) + path;
  }

  /**
   * A link to {@code path} for formats that allow relative references (Atom links, JSON-LD):
   * absolute on {@code --public-url} when there is one, else relative.
   */
  String link(String path) {
    return options.publicUrl().map(u -> u + path).orElse(path);
  }
}
