package org.metshub.kb;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The outcome of validating a set of KB files: per-file entries with their problems, and the counts
 * a curator wants at a glance (validity, review states, documents per cancer type, audience,
 * language, licence and status). Immutable.
 */
public record ValidationReport(List<Entry> documents) {

  /** One file's line in the report. Fields absent for unreadable files are empty. */
  public record Entry(
      String path,
      String id,
      String title,
      String docType,
      String language,
      String audienceLevel,
      List<String> cancerTypes,
      String license,
      String status,
      String reviewState,
      Optional<LocalDate> nextReviewDue,
      List<Problem> problems) {

    public Entry {
      cancerTypes = List.copyOf(cancerTypes);
      problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
      return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }

    public boolean hasWarnings() {
      return problems.stream().anyMatch(p -> p.severity() == Severity.WARNING);
    }
  }

  public ValidationReport {
    documents = List.copyOf(documents);
  }

  /** Builds the report for validated files. */
  public static ValidationReport of(List<KbFile> files, ReviewSchedule schedule) {
    List<Entry> entries = new ArrayList<>();
    for (KbFile f : files) {
      entries.add(
          switch (f) {
            case KbDocument d -> {
              FrontMatter fm = d.frontMatter();
              yield new Entry(
                  d.path(),
                  fm.id(),
                  fm.title(),
                  fm.docType(),
                  fm.language(),
                  fm.audienceLevel(),
                  fm.cancerTypes(),
                  fm.license(),
                  fm.status(),
                  schedule.state(fm.lastReviewed(), fm.reviewFrequency()).label(),
                  schedule.nextReviewDue(fm.lastReviewed(), fm.reviewFrequency()),
                  d.problems());
            }
            case UnreadableFile u ->
                new Entry(
                    u.path(),
                    "",
                    "",
                    "",
                    "",
                    "",
                    List.of(),
                    "",
                    "",
                    "",
                    Optional.empty(),
                    u.problems());
          });
    }
    return new ValidationReport(entries);
  }

  public int files() {
    return documents.size();
  }

  public int valid() {
    return (int) documents.stream().filter(e -> !e.hasErrors()).count();
  }

  public int withWarnings() {
    return (int) documents.stream().filter(Entry::hasWarnings).count();
  }

  public int withErrors() {
    return (int) documents.stream().filter(Entry::hasErrors).count();
  }

  /** Number of problems of a severity over all files. */
  public long problemCount(Severity s) {
    return documents.stream()
        .flatMap(e -> e.problems().stream())
        .filter(p -> p.severity() == s)
        .count();
  }

  public Map<String, Integer> reviewStates() {
    return count(e -> List.of(e.reviewState()));
  }

  public Map<String, Integer> cancerTypes() {
    return count(Entry::cancerTypes);
  }

  public Map<String, Integer> audiences() {
    return count(e -> List.of(e.audienceLevel()));
  }

  public Map<String, Integer> languages() {
    return count(e -> List.of(e.language()));
  }

  public Map<String, Integer> licenses() {
    return count(e -> List.of(e.license()));
  }

  public Map<String, Integer> statuses() {
    return count(e -> List.of(e.status()));
  }

  private Map<String, Integer> count(java.util.function.Function<Entry, List<String>> key) {
    Map<String, Integer> m = new TreeMap<>();
    for (Entry e : documents) {
      if (e.id().isEmpty()) {
        continue; // unreadable files have no metadata to count
      }
      for (String k : key.apply(e)) {
        m.merge(k.isEmpty() ? "(none)" : k, 1, Integer::sum);
      }
    }
    return m;
  }

  /** The human report: one line per problem, then the summary. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    for (Entry e : documents) {
      for (Problem p : e.problems()) {
        sb.append(p.format()).append('\n');
      }
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%n%d files read: %d valid, %d with warnings, %d with errors (%d errors, %d warnings)%n",
            files(),
            valid(),
            withWarnings(),
            withErrors(),
            problemCount(Severity.ERROR),
            problemCount(Severity.WARNING)));
    line(sb, "review states", reviewStates());
    line(sb, "cancer types", cancerTypes());
    line(sb, "audiences", audiences());
    line(sb, "languages", languages());
    line(sb, "licenses", licenses());
    line(sb, "statuses", statuses());
    return sb.toString();
  }

  private static void line(StringBuilder sb, String name, Map<String, Integer> counts) {
    sb.append(name).append(": ");
    if (counts.isEmpty()) {
      sb.append("none");
    }
    int i = 0;
    for (var e : counts.entrySet()) {
      sb.append(i++ == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
    }
    sb.append('\n');
  }
}
