package org.metshub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.metshub.directory.Organization;

/** The directory of support organisations, filtered by a GET form. */
final class DirectoryPages {
  private final Site site;

  DirectoryPages(Site site) {
    this.site = site;
  }

  void routes(RoutesConfig r) {
    r.get("/directory", this::directory);
  }

  /** The filters of a directory request, each checked against what it can be. */
  record Filters(Optional<String> country, Optional<String> cancerType,
      Optional<String> service, Optional<String> language) {
    static Filters read(Context ctx, Site site) {
      Optional<String> service = Params.optional(ctx, "service").map(s -> site.app.vocab()
          .services().resolve(s).map(org.metshub.kb.Term::id).orElseThrow(
              () -> WebException.badRequest("unknown service '" + Text.clip(s, 60)
                  + "'; did you mean '" + site.app.vocab().services().closest(s) + "'?")));
      Optional<String> language = Params.optional(ctx, "language").map(l -> {
        if (!l.matches("[a-z]{2}")) {
          throw WebException.badRequest("language must be a two-letter code such as es, got '"
              + Text.clip(l, 40) + "'");
        }
        return l;
      });
      return new Filters(Params.country(ctx, "country"),
          Params.optional(ctx, "cancerType").map(c -> site.facets.canonical("cancerType", c)),
          service, language);
    }

    List<Organization> apply(Site site) {
      return site.app.directory().filter(country, cancerType, service, language);
    }
  }

  private void directory(Context ctx) {
    Ui ui = site.ui(ctx);
    Filters f = Filters.read(ctx, site);
    List<Organization> all = site.app.directory().all();
    TreeSet<String> countries = new TreeSet<>();
    TreeSet<String> types = new TreeSet<>();
    TreeSet<String> services = new TreeSet<>();
    TreeSet<String> languages = new TreeSet<>();
    for (Organization o : all) {
      countries.addAll(o.countries());
      types.addAll(o.cancerTypes());
      services.addAll(o.services());
      languages.addAll(o.languages());
    }
    site.page(ctx, "directory", site.chrome(ctx, ui.t("directory.title"), "directory"),
        new Views.DirectoryView(
            options(countries, f.country(), v -> v.equals("INT") ? ui.t("directory.int") : v),
            options(types, f.cancerType(), ui::cancerType),
            options(services, f.service(), ui::service),
            options(languages, f.language(), ui::languageName),
            Cards.orgs(f.apply(site), ui)));
  }

  private static List<Views.Option> options(TreeSet<String> values, Optional<String> chosen,
      java.util.function.Function<String, String> label) {
    return values.stream()
        .map(v -> new Views.Option(v, label.apply(v), chosen.map(v::equals).orElse(false)))
        .toList();
  }
}
