package org.metshub.kb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks KB documents against the rules that catch real metadata faults, on top of the format
 * problems found while reading: health-professional content marked for patients, cancer types
 * listed but never mentioned, non-cancer values in {@code cancerTypes}, missing source URLs,
 * overdue reviews, broken translation links and duplicate ids. Thread-safe.
 */
public final class Validator {
  /** Words that show a {@code cancerTypes} value is a treatment or topic, not a cancer. */
  private static final Pattern NON_CANCER =
      Pattern.compile(
          "(?i).*(therap|treatment|pdq|surgery|transplant|chemo|radiation|video|screening"
              + "|support|biomarker|hyperthermia|coping|immuno|vaccine|clinical trial).*");

  /** The front-matter field that holds a document's summary in Spanish. */
  public static final String SUMMARY_ES = "summaryEs";

  private final Vocabularies vocab;
  private final ReviewSchedule schedule;

  public Validator(Vocabularies vocab, ReviewSchedule schedule) {
    this.vocab = vocab;
    this.schedule = schedule;
  }

  /** Validates every file, including rules that span files; returns files with all problems. */
  public List<KbFile> validate(List<KbFile> files) {
    return validate(files, this::check);
  }

  /**
   * {@link #validate(List)} with the single-document rules given: a caller that kept the results of
   * {@link #check} for documents it has not re-read passes them back (they depend only on the
   * document and today's date). The rules that span files always run.
   */
  public List<KbFile> validate(
      List<KbFile> files, java.util.function.Function<KbDocument, List<Problem>> checks) {
    Map<String, KbDocument> byId = new HashMap<>();
    Map<String, String> firstPathOfId = new HashMap<>();
    for (KbFile f : files) {
      if (f instanceof KbDocument d) {
        byId.putIfAbsent(d.id(), d);
        firstPathOfId.putIfAbsent(d.id(), d.path());
      }
    }
    List<KbFile> out = new ArrayList<>(files.size());
    for (KbFile f : files) {
      if (f instanceof KbDocument d) {
        List<Problem> more = new ArrayList<>(checks.apply(d));
        String first = firstPathOfId.get(d.id());
        if (first != null && !first.equals(d.path())) {
          more.add(
              Problem.error(
                  d.path(),
                  lineOf(d, "id"),
                  "id",
                  "must be unique; already used by " + first,
                  d.id()));
        }
        more.addAll(checkTranslations(d, byId));
        out.add(d.withProblems(more));
      } else {
        out.add(f);
      }
    }
    return out;
  }

  /** The rules that need only the document itself. */
  public List<Problem> check(KbDocument d) {
    List<Problem> problems = new ArrayList<>();
    FrontMatter fm = d.frontMatter();
    String lowerText = (fm.title() + "\n" + d.plainText()).toLowerCase(Locale.ROOT);

    if ("patient".equals(fm.audienceLevel()) && looksProfessional(d)) {
      problems.add(
          Problem.warning(
              d.path(),
              lineOf(d, "audienceLevel"),
              "audienceLevel",
              "health-professional content must not be marked 'patient' (use 'clinician')",
              fm.audienceLevel()));
    }
    for (String ct : fm.cancerTypes()) {
      Optional<Term> term = vocab.cancerTypes().resolve(ct);
      if (term.isEmpty()) {
        if (NON_CANCER.matcher(ct).matches()) {
          problems.add(
              Problem.warning(
                  d.path(),
                  lineOf(d, "cancerTypes"),
                  "cancerTypes",
                  "must name cancer types, not treatments or topics (move it to tags)",
                  ct));
        } else {
          problems.add(
              Problem.warning(
                  d.path(),
                  lineOf(d, "cancerTypes"),
                  "cancerTypes",
                  "must be in the cancer-types vocabulary (closest: '"
                      + vocab.cancerTypes().closest(ct)
                      + "')",
                  ct));
        }
      } else if (vocab.cancerTypes().hasMentionWords(term.get())
          && !vocab.cancerTypes().mentionsInLowerCase(term.get(), lowerText)) {
        problems.add(
            Problem.warning(
                d.path(),
                lineOf(d, "cancerTypes"),
                "cancerTypes",
                "is listed but never mentioned in the title or body",
                ct));
      }
    }
    for (String site : fm.metastaticSites()) {
      if (vocab.metastaticSites().resolve(site).isEmpty()) {
        problems.add(
            Problem.warning(
                d.path(),
                lineOf(d, "metastaticSites"),
                "metastaticSites",
                "must be in the metastatic-sites vocabulary (closest: '"
                    + vocab.metastaticSites().closest(site)
                    + "')",
                site));
      }
    }
    if (fm.url().isEmpty() && !"owned".equals(fm.license())) {
      problems.add(
          Problem.warning(
              d.path(),
              1,
              "url",
              "is required for content MetsHub does not own (license '" + fm.license() + "')",
              ""));
    }
    ReviewState state = schedule.state(fm.lastReviewed(), fm.reviewFrequency());
    if (state == ReviewState.OVERDUE) {
      problems.add(
          Problem.warning(
              d.path(),
              lineOf(d, "lastReviewed"),
              "lastReviewed",
              "review is overdue (next review was due "
                  + schedule.nextReviewDue(fm.lastReviewed(), fm.reviewFrequency()).orElseThrow()
                  + ")",
              fm.lastReviewed().map(Object::toString).orElse("")));
    }
    if (fm.isPublic() && fm.lastReviewed().isEmpty() && !d.hasErrors()) {
      problems.add(
          Problem.warning(
              d.path(),
              1,
              "lastReviewed",
              "is required for active documents (a review date readers can see)",
              ""));
    }
    if (d.plainText().isBlank()) {
      problems.add(Problem.warning(d.path(), 1, "body", "must have some text", ""));
    }
    if ("organization".equals(fm.docType())) {
      problems.addAll(checkOrganization(d));
    }
    problems.addAll(checkSummaryEs(d));
    return problems;
  }

  /**
   * The optional {@code summaryEs} field: the summary in Spanish for documents written in another
   * language (directory entries are written once, in English, and shown to Spanish readers with
   * this line). When present it must be one non-empty text, and a Spanish document has no use for
   * it (its {@code summary} is already Spanish).
   */
  private static List<Problem> checkSummaryEs(KbDocument d) {
    Optional<JsonNode> es = d.frontMatter().extra(SUMMARY_ES);
    if (es.isEmpty()) {
      return List.of();
    }
    int line = lineOf(d, SUMMARY_ES);
    if (!es.get().isTextual() || es.get().asText().isBlank()) {
      return List.of(
          Problem.warning(
              d.path(),
              line,
              SUMMARY_ES,
              "must be the summary in Spanish, as one non-empty text",
              es.get().toString()));
    }
    if (d.frontMatter().language().startsWith("es")) {
      return List.of(
          Problem.warning(
              d.path(),
              line,
              SUMMARY_ES,
              "is for documents in another language; a Spanish document's summary is already"
                  + " Spanish",
              d.frontMatter().language()));
    }
    return List.of();
  }

  private List<Problem> checkOrganization(KbDocument d) {
    List<Problem> problems = new ArrayList<>();
    FrontMatter fm = d.frontMatter();
    if (fm.countries().isEmpty()) {
      problems.add(
          Problem.warning(
              d.path(),
              1,
              "countries",
              "is required for organisations (where they serve people)",
              ""));
    }
    Optional<JsonNode> services = fm.extra("services");
    if (services.isEmpty() || services.get().isEmpty()) {
      problems.add(
          Problem.warning(
              d.path(),
              1,
              "services",
              "is required for organisations (one or more of " + vocab.services().ids() + ")",
              ""));
    } else {
      for (JsonNode s : services.get().isArray() ? services.get() : List.of(services.get())) {
        if (vocab.services().resolve(s.asText()).isEmpty()) {
          problems.add(
              Problem.warning(
                  d.path(),
                  lineOf(d, "services"),
                  "services",
                  "must be in the services vocabulary (closest: '"
                      + vocab.services().closest(s.asText())
                      + "')",
                  s.asText()));
        }
      }
    }
    return problems;
  }

  private List<Problem> checkTranslations(KbDocument d, Map<String, KbDocument> byId) {
    Optional<JsonNode> tr = d.frontMatter().extra("translations");
    if (tr.isEmpty()) {
      return List.of();
    }
    List<Problem> problems = new ArrayList<>();
    int line = lineOf(d, "translations");
    if (!tr.get().isObject()) {
      problems.add(
          Problem.error(
              d.path(),
              line,
              "translations",
              "must map language codes to document ids (es: some-id)",
              tr.get().toString()));
      return problems;
    }
    tr.get()
        .properties()
        .forEach(
            e -> {
              String lang = e.getKey().toLowerCase(Locale.ROOT);
              String targetId = e.getValue().asText();
              KbDocument target = byId.get(targetId);
              if (target == null) {
                problems.add(
                    Problem.warning(
                        d.path(),
                        line,
                        "translations",
                        "must name an existing document",
                        lang + ": " + targetId));
              } else if (!target.frontMatter().language().equals(lang)) {
                problems.add(
                    Problem.warning(
                        d.path(),
                        line,
                        "translations",
                        "target document must be in language '" + lang + "'",
                        targetId + " is '" + target.frontMatter().language() + "'"));
              } else {
                String back =
                    target
                        .frontMatter()
                        .extra("translations")
                        .map(n -> n.path(d.frontMatter().language()).asText(""))
                        .orElse("");
                if (!back.equals(d.id())) {
                  problems.add(
                      Problem.warning(
                          d.path(),
                          line,
                          "translations",
                          "target document must link back to this one",
                          targetId));
                }
              }
            });
    return problems;
  }

  private static boolean looksProfessional(KbDocument d) {
    String name = d.path().replace('\\', '/');
    int slash = name.lastIndexOf('/');
    return AudienceMarkers.professional(
            name.substring(slash + 1),
            d.frontMatter().url(),
            d.frontMatter().title(),
            d.sections().stream().map(Section::heading).toList())
        .isPresent();
  }

  private static int lineOf(KbDocument d, String field) {
    return d.fieldLine(field);
  }
}
