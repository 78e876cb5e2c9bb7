package org.metshub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.metshub.curation.DuplicateSuggestion;
import org.metshub.curation.Submission;
import org.metshub.curation.Submissions;
import org.metshub.curation.Suggestion;
import org.metshub.directory.Directory;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.kb.Term;
import org.metshub.kb.Vocabularies;
import org.metshub.store.Database;

/**
 * "Suggest a resource" ({@code /suggest}): a plain form (no script), checked field by field with
 * the reader's entries kept on error, duplicates refused against the KB and the queue, a limit of
 * suggestions an hour per client ({@code Config.Limits}), and a thank-you page with a reference.
 */
final class SuggestPages {
  private static final List<String> FIELDS =
      List.of("name", "url", "description", "cancerTypes", "countries", "contact");

  /** The free-text country field: names (or codes) separated by commas. */
  static final String OTHER = "countryOther";

  private final Site site;
  private final Vocabularies vocab;

  /** The current directory, whose countries are offered as checkboxes. */
  private final Supplier<Directory> directory;

  private final Submissions submissions;
  private final org.metshub.store.RateLimits limit;
  private final int perHour;

  /** The suggestion limit's counts are kept in {@code db}. */
  SuggestPages(
      Site site,
      Vocabularies vocab,
      Supplier<Directory> directory,
      Submissions submissions,
      Database db) {
    this.site = site;
    this.vocab = vocab;
    this.directory = directory;
    this.submissions = submissions;
    this.perHour = site.options.rateLimits().suggestionsPerHour();
    this.limit =
        new org.metshub.store.RateLimits(db, site.clock, "suggest", perHour, Duration.ofHours(1));
  }

  void routes(RoutesConfig r) {
    r.get("/suggest", this::form);
    r.post("/suggest", this::submit);
    r.get("/suggest/thanks", this::thanks);
  }

  private void form(Context ctx) {
    render(ctx, Map.of(), Map.of(), "", 200);
  }

  private void submit(Context ctx) {
    Ui ui = site.ui(ctx);
    Forms.check(ctx, ui);
    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (String f : FIELDS) {
      List<String> v = ctx.formParams(f);
      fields.put(f, v == null ? List.of() : v);
    }
    String other =
        Text.clip(
            String.valueOf(ctx.formParam(OTHER) == null ? "" : ctx.formParam(OTHER)).strip(), 400);
    fields.put(OTHER, List.of(other));
    CountryChoice more = CountryChoice.read(other);
    List<String> countries = new ArrayList<>(fields.get("countries"));
    more.codes().stream().filter(c -> !countries.contains(c)).forEach(countries::add);
    Map<String, List<String>> checked = new LinkedHashMap<>(fields);
    checked.put("countries", countries);
    Suggestion.Result result = Suggestion.read(checked, vocab.cancerTypes());
    if (!result.ok() || !more.unknown().isEmpty()) {
      Map<String, String> errors = new LinkedHashMap<>();
      result
          .errors()
          .forEach((f, e) -> errors.put(f, ui.t("suggest.err." + e.code(), e.args().toArray())));
      if (!more.unknown().isEmpty()) {
        errors.put("countries", ui.t("suggest.err.country", more.unknown().getFirst()));
      }
      render(ctx, fields, errors, ui.t("suggest.fix", errors.size()), 400);
      return;
    }
    fields = checked;
    String client = ctx.ip();
    var decision = limit.hit(client);
    if (!decision.allowed()) {
      ctx.header("Retry-After", Long.toString(decision.retryAfterSeconds()));
      throw new WebException(429, "Too many requests", ui.t("suggest.tooMany", perHour));
    }
    Submission s;
    try {
      // A result without errors has its suggestion (the refusal above returned otherwise).
      s = submissions.submit(Objects.requireNonNull(result.suggestion()));
    } catch (DuplicateSuggestion e) {
      String msg =
          e.listedAs()
              .map(title -> ui.t("suggest.duplicateKb", title))
              .orElseGet(() -> ui.t("suggest.duplicateQueue"));
      render(ctx, fields, Map.of("url", msg), msg, 409);
      return;
    }
    ctx.redirect("/suggest/thanks?ref=" + s.reference(), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void thanks(Context ctx) {
    Ui ui = site.ui(ctx);
    String ref = Params.text(ctx, "ref");
    if (!Submissions.REFERENCE.matcher(ref).matches()) {
      throw new BadInput(ui.t("suggest.badRef"));
    }
    site.page(
        ctx,
        "message",
        site.chrome(ctx, ui.t("suggest.thanks"), "suggest"),
        new Views.MessageView(
            ui.t("suggest.thanks"), ui.t("suggest.thanksText", ref), "/", ui.t("error.home")));
  }

  private void render(
      Context ctx,
      Map<String, List<String>> values,
      Map<String, String> errors,
      String summary,
      int status) {
    Ui ui = site.ui(ctx);
    Set<String> chosenTypes = Set.copyOf(values.getOrDefault("cancerTypes", List.of()));
    Set<String> chosenCountries = Set.copyOf(values.getOrDefault("countries", List.of()));
    List<Views.Option> types = new ArrayList<>();
    for (Term t : vocab.cancerTypes().terms()) {
      types.add(new Views.Option(t.id(), ui.cancerType(t.id()), chosenTypes.contains(t.id())));
    }
    types.sort(
        java.util.Comparator.comparing((Views.Option o) -> !o.value().equals("metastatic cancer"))
            .thenComparing(o -> o.label().toLowerCase(Locale.ROOT)));
    // A short list of checkboxes (the directory's countries) and a search-as-you-type field
    // (a <datalist> of every country, in the reader's language) for the rest: no script needed.
    Locale in = Locale.forLanguageTag(ui.lang());
    java.text.Collator byName = java.text.Collator.getInstance(in);
    Set<String> listed = directory.get().countries();
    List<Views.Option> countries = new ArrayList<>();
    for (String code : listed) {
      countries.add(new Views.Option(code, ui.country(code), chosenCountries.contains(code)));
    }
    countries.sort(
        java.util.Comparator.comparing((Views.Option o) -> !o.value().equals("INT"))
            .thenComparing(Views.Option::label, byName));
    List<String> allNames =
        Suggestion.countryCodes().stream()
            .filter(c -> !c.equals("INT"))
            .map(ui::country)
            .sorted(byName)
            .toList();
    // Countries chosen beyond the short list go back into the field, by name.
    String other =
        String.join(
            ", ",
            chosenCountries.stream()
                .filter(c -> !listed.contains(c))
                .map(ui::country)
                .sorted()
                .toList());
    String typed = first(values, OTHER);
    if (!typed.isEmpty()) {
      other = typed;
    }
    ctx.status(status);
    Errors.rendered(ctx);
    ctx.header("Cache-Control", "no-store");
    site.page(
        ctx,
        "suggest",
        site.chrome(ctx, ui.t("suggest.title"), "suggest"),
        new Views.SuggestView(
            first(values, "name"),
            first(values, "url"),
            first(values, "description"),
            first(values, "contact"),
            types,
            countries,
            other,
            allNames,
            errors,
            summary,
            Forms.token(ctx),
            Suggestion.NAME_MAX,
            Suggestion.URL_MAX,
            Suggestion.DESCRIPTION_MAX,
            Suggestion.CONTACT_MAX));
  }

  private static String first(Map<String, List<String>> values, String f) {
    List<String> v = values.get(f);
    return v == null || v.isEmpty() || v.get(0) == null ? "" : Text.clip(v.get(0), 4000);
  }
}
