package org.metshub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.metshub.directory.Directory;
import org.metshub.directory.Organization;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.kb.Term;
import org.metshub.kb.Vocabularies;

/** The directory of support organisations, filtered by a GET form. */
final class DirectoryPages {
  private final Site site;
  private final Vocabularies vocab;

  /** The current directory: a curator's change replaces it. */
  private final Supplier<Directory> directory;

  DirectoryPages(Site site, Vocabularies vocab, Supplier<Directory> directory) {
    this.site = site;
    this.vocab = vocab;
    this.directory = directory;
  }

  void routes(RoutesConfig r) {
    r.get("/directory", this::directory);
  }

  /**
   * The filters of a directory request, each checked against what it can be: a country or language
   * the directory has, a known cancer type or service. Anything else is a 400 that lists the valid
   * values, never a silently shorter list.
   */
  record Filters(
      Optional<String> country,
      Optional<String> cancerType,
      Optional<String> service,
      Optional<String> language) {
    static Filters read(Context ctx, Vocabularies vocab, Directory directory) {
      return read(ctx, vocab, directory, null);
    }

    /** With {@code alias}, when not null, accepted as a deprecated name of {@code language}. */
    static Filters read(
        Context ctx, Vocabularies vocab, Directory directory, @Nullable String alias) {
      Optional<String> service =
          Params.optional(ctx, "service")
              .map(
                  s ->
                      vocab
                          .services()
                          .resolve(s)
                          .map(Term::id)
                          .orElseThrow(
                              () ->
                                  unknown(
                                      "service",
                                      s,
                                      vocab.services().terms().stream().map(Term::id).toList())));
      Optional<String> language =
          (alias == null
                  ? Params.optional(ctx, "language")
                  : Params.aliased(ctx, "language", alias))
              .map(
                  l -> {
                    String code = l.toLowerCase(Locale.ROOT);
                    if (!directory.languages().contains(code)) {
                      throw unknown("language", l, List.copyOf(directory.languages()));
                    }
                    return code;
                  });
      Optional<String> country =
          Params.optional(ctx, "country")
              .map(
                  c -> {
                    String code = c.toUpperCase(Locale.ROOT);
                    if (!directory.countries().contains(code)) {
                      throw unknown("country", c, List.copyOf(directory.countries()));
                    }
                    return code;
                  });
      Optional<String> cancerType =
          Params.optional(ctx, "cancerType")
              .map(
                  c ->
                      vocab
                          .cancerTypes()
                          .resolve(c)
                          .or(() -> vocab.cancerTypes().resolve(c.replace('-', ' ')))
                          .map(Term::id)
                          .orElseThrow(
                              () ->
                                  unknown(
                                      "cancerType",
                                      c,
                                      vocab.cancerTypes().terms().stream()
                                          .map(Term::id)
                                          .toList())));
      return new Filters(country, cancerType, service, language);
    }

    private static BadInput unknown(String name, String value, List<String> valid) {
      return new BadInput(
          "unknown "
              + name
              + " '"
              + Text.clip(value, 40)
              + "'; valid values: "
              + String.join(", ", valid));
    }

    List<Organization> apply(Directory directory) {
      return directory.filter(country, cancerType, service, language);
    }
  }

  private void directory(Context ctx) {
    Ui ui = site.ui(ctx);
    Directory directory = this.directory.get();
    Filters f = Filters.read(ctx, vocab, directory);
    TreeSet<String> types = new TreeSet<>();
    TreeSet<String> services = new TreeSet<>();
    for (Organization o : directory.all()) {
      types.addAll(o.cancerTypes());
      services.addAll(o.services());
    }
    site.page(
        ctx,
        "directory",
        site.chrome(ctx, ui.t("directory.title"), "directory"),
        new Views.DirectoryView(
            options(directory.countries(), f.country(), ui::country, ui),
            options(types, f.cancerType(), ui::cancerType, ui),
            options(services, f.service(), ui::service, ui),
            options(directory.languages(), f.language(), ui::languageLabel, ui),
            Cards.orgs(f.apply(directory), ui)));
  }

  /** The choices of a filter, by their label in the reader's language. */
  private static List<Views.Option> options(
      java.util.Collection<String> values,
      Optional<String> chosen,
      Function<String, String> label,
      Ui ui) {
    Collator byName = Collator.getInstance(Locale.forLanguageTag(ui.lang()));
    return values.stream()
        .map(v -> new Views.Option(v, label.apply(v), chosen.map(v::equals).orElse(false)))
        .sorted(Comparator.comparing(Views.Option::label, byName))
        .toList();
  }
}
