package org.metshub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metshub.search.FacetCount;
import org.metshub.search.Fields;
import org.metshub.search.Hit;
import org.metshub.search.Search;
import org.metshub.search.SearchMode;
import org.metshub.search.SearchRequest;
import org.metshub.search.SearchResponse;

/** The search page: a GET form with facet checkboxes and counts, snippets and pages. */
final class SearchPages {
  static final int PAGE_SIZE = 10;

  /** Facets offered as checkboxes to people; the rest stay in the API. */
  static final List<String> SHOWN =
      List.of(Fields.CANCER_TYPE, Fields.SITE, Fields.AUDIENCE, Fields.LANGUAGE, Fields.DOC_TYPE);

  private final Site site;
  private final Search search;

  SearchPages(Site site, Search search) {
    this.site = site;
    this.search = search;
  }

  void routes(RoutesConfig r) {
    r.get("/search", this::search);
  }

  private void search(Context ctx) {
    Ui ui = site.ui(ctx);
    String q = Params.text(ctx, "q");
    Map<String, List<String>> filters = site.facets.read(ctx);
    int page = Params.integer(ctx, "page", 1, 1, 100);
    String title = q.isEmpty() ? ui.t("search.title") : ui.t("search.titleFor", q);
    if (q.isEmpty() && filters.isEmpty()) {
      site.page(
          ctx,
          "search",
          site.chrome(ctx, title, "search"),
          new Views.SearchView(
              "", false, List.of(), List.of(), 0, 1, 1, "", "", "", List.of(), false));
      return;
    }
    SearchResponse res =
        search.search(
            SearchRequest.builder()
                .query(q)
                .filters(filters)
                .limit(PAGE_SIZE)
                .offset((page - 1) * PAGE_SIZE)
                .mode(SearchMode.HYBRID)
                // The words decide the language, and the KB's use of them ("liver metastases" is
                // English on the Spanish site); when they cannot ("metastasis"), the reader's does.
                .queryLanguage(
                    q.isEmpty() ? Optional.empty() : Optional.of(search.languageOf(q, ui.lang())))
                .build());
    List<Views.FacetGroup> groups = new ArrayList<>();
    for (String dim : SHOWN) {
      List<Views.FacetOption> options = new ArrayList<>();
      List<String> chosen = filters.getOrDefault(dim, List.of());
      for (FacetCount fc : res.facets().getOrDefault(dim, List.of())) {
        options.add(
            new Views.FacetOption(
                dim + "-" + fc.value().replace(' ', '-'),
                fc.value(),
                ui.facetValue(dim, fc.value()),
                fc.count(),
                chosen.contains(fc.value())));
      }
      for (String v : chosen) {
        if (options.stream().noneMatch(o -> o.value().equals(v))) {
          options.add(
              new Views.FacetOption(
                  dim + "-" + v.replace(' ', '-'), v, ui.facetValue(dim, v), 0, true));
        }
      }
      if (!options.isEmpty()) {
        groups.add(new Views.FacetGroup(dim, ui.t("facet." + dim), options));
      }
    }
    List<Views.HitView> hits = res.hits().stream().map(h -> hit(h, ui)).toList();
    List<Views.Chip> chips = new ArrayList<>();
    filters.forEach(
        (dim, values) ->
            values.forEach(
                v ->
                    chips.add(
                        new Views.Chip(
                            ui.t("facet." + dim) + ": " + ui.facetValue(dim, v),
                            withoutFilter(q, filters, dim, v)))));
    int pages = (int) Math.max(1, Math.min(100, (res.total() + PAGE_SIZE - 1) / PAGE_SIZE));
    String corrected = "";
    if (!res.corrections().isEmpty()) {
      corrected = q;
      for (var e : res.corrections().entrySet()) {
        corrected = corrected.replace(e.getKey(), e.getValue());
      }
    }
    site.page(
        ctx,
        "search",
        site.chrome(ctx, title, "search"),
        new Views.SearchView(
            q,
            true,
            groups,
            hits,
            res.total(),
            page,
            pages,
            page > 1 ? pageHref(q, filters, page - 1) : "",
            page < pages ? pageHref(q, filters, page + 1) : "",
            corrected,
            chips,
            !hits.isEmpty() && res.weakMatch()));
  }

  /** The same search without one filter value, from its first page. */
  static String withoutFilter(
      String q, Map<String, List<String>> filters, String dim, String value) {
    Map<String, List<String>> rest = new java.util.LinkedHashMap<>();
    filters.forEach(
        (d, vs) -> {
          List<String> kept = vs.stream().filter(v -> !(d.equals(dim) && v.equals(value))).toList();
          if (!kept.isEmpty()) {
            rest.put(d, kept);
          }
        });
    return pageHref(q, rest, 1);
  }

  /** A result as the page shows it: the snippet in runs, the meta line in the reader's words. */
  static Views.HitView hit(Hit h, Ui ui) {
    String meta =
        String.join(
            " · ",
            List.of(
                ui.facetValue(Fields.DOC_TYPE, h.meta().docType()),
                h.meta().source().isEmpty() ? "MetsHub" : h.meta().source(),
                ui.t("doc.reviewedOn", ui.date(h.meta().lastReviewed())),
                ui.reviewState(h.meta().reviewState())));
    String note =
        h.meta().language().equals(ui.lang())
            ? ""
            : ui.t("search.inLanguage", ui.languageName(h.meta().language()));
    List<Views.SnippetPart> snippet =
        h.snippet().parts().stream()
            .map(p -> new Views.SnippetPart(p.text(), p.highlighted()))
            .toList();
    return new Views.HitView(
        Cards.docHref(h.docId()), h.title(), h.heading(), snippet, meta, h.meta().language(), note);
  }

  static String pageHref(String q, Map<String, List<String>> filters, int page) {
    StringBuilder sb = new StringBuilder("/search?q=").append(Text.url(q));
    filters.forEach(
        (dim, vs) -> vs.forEach(v -> sb.append('&').append(dim).append('=').append(Text.url(v))));
    return sb.append("&page=").append(page).toString();
  }
}
