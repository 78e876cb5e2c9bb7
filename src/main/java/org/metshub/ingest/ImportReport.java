package org.metshub.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did: every item read, each either a file (created, changed, unchanged or kept) or
 * a rejection with its reason; the corrections made to the sources' audience and cancer types; and
 * the warnings. Items read always equal files plus rejections. Immutable.
 *
 * @param kind the kind of source
 * @param sources the sources as given
 * @param dryRun whether nothing was written
 * @param files one entry per file written or that would be written
 * @param rejected the items not imported, with reasons
 * @param corrections the source values corrected
 * @param warnings one line per change or doubt, naming the file
 * @param normalisedTypes cancer-type values written as synonyms and normalised to vocabulary ids
 * @param millis how long the import took
 */
public record ImportReport(
    String kind,
    List<String> sources,
    boolean dryRun,
    List<FileEntry> files,
    List<Rejection> rejected,
    List<Correction> corrections,
    List<String> warnings,
    int normalisedTypes,
    long millis) {

  /** One file: where it goes, what happened to it, and what a curator wants to see. */
  public record FileEntry(
      String path,
      String origin,
      String type,
      String outcome,
      String language,
      String audienceLevel,
      List<String> cancerTypes,
      double readabilityGrade,
      String readabilityFormula) {
    public FileEntry {
      cancerTypes = List.copyOf(cancerTypes);
    }
  }

  /** One item not imported, and why. */
  public record Rejection(String origin, String reason) {}

  public ImportReport {
    sources = List.copyOf(sources);
    files = List.copyOf(files);
    rejected = List.copyOf(rejected);
    corrections = List.copyOf(corrections);
    warnings = List.copyOf(warnings);
  }

  public int itemsRead() {
    return files.size() + rejected.size();
  }

  /** Files by outcome: created, changed, unchanged, kept (all four, zeros included). */
  public Map<String, Integer> outcomes() {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (ImportWriter.Outcome o : ImportWriter.Outcome.values()) {
      m.put(o.label(), 0);
    }
    files.forEach(f -> m.merge(f.outcome(), 1, Integer::sum));
    return m;
  }

  /** Files by item type: documents, news items, candidate entries. */
  public Map<String, Integer> types() {
    Map<String, Integer> m = new TreeMap<>();
    files.forEach(f -> m.merge(f.type(), 1, Integer::sum));
    return m;
  }

  /** Documents whose audience was corrected. */
  public int audienceCorrections() {
    return (int) corrections.stream().filter(c -> c.field().equals("audienceLevel")).count();
  }

  /** Audience corrections by change: {@code patient → clinician 301}. */
  public Map<String, Integer> audienceChanges() {
    Map<String, Integer> m = new TreeMap<>();
    corrections.stream()
        .filter(c -> c.field().equals("audienceLevel"))
        .forEach(c -> m.merge(c.from() + " → " + c.to(), 1, Integer::sum));
    return m;
  }

  /** Documents whose cancer types were corrected. */
  public int cancerTypeCorrections() {
    return (int) corrections.stream().filter(c -> c.field().equals("cancerTypes")).count();
  }

  public int cancerTypesDropped() {
    return corrections.stream().mapToInt(Correction::dropped).sum();
  }

  public int cancerTypesAdded() {
    return corrections.stream().mapToInt(Correction::added).sum();
  }

  public int cancerTypesMoved() {
    return corrections.stream().mapToInt(Correction::moved).sum();
  }

  /** The human report: files (unchanged ones counted only), rejections, warnings, summary. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    String would = dryRun ? "would be " : "";
    for (FileEntry f : files) {
      if (!f.outcome().equals("unchanged")) {
        sb.append(
            String.format(
                Locale.ROOT,
                "%s%s %s (%s, %s, grade %.1f, %s)%n",
                would,
                f.outcome(),
                f.path(),
                f.language(),
                f.audienceLevel(),
                f.readabilityGrade(),
                String.join(", ", f.cancerTypes())));
      }
    }
    for (Rejection r : rejected) {
      // Reasons name their file already when they come from reading it.
      sb.append("rejected: ")
          .append(r.reason().startsWith(r.origin()) ? "" : r.origin() + ": ")
          .append(r.reason())
          .append('\n');
    }
    for (String w : warnings) {
      sb.append("warning: ").append(w).append('\n');
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%n%s%s: %d items read from %d %s: %d %swritten," + " %d rejected%n",
            dryRun ? "dry run, nothing written: import " : "import ",
            kind,
            itemsRead(),
            sources.size(),
            sources.size() == 1 ? "source" : "sources",
            files.size(),
            would,
            rejected.size()));
    sb.append("files: ");
    appendCounts(sb, outcomes());
    if (!types().isEmpty()) {
      sb.append(" (");
      appendCounts(sb, types());
      sb.append(')');
    }
    sb.append('\n');
    sb.append(
        String.format(
            Locale.ROOT, "corrections: audienceLevel %d documents", audienceCorrections()));
    if (!audienceChanges().isEmpty()) {
      sb.append(" (");
      appendCounts(sb, audienceChanges());
      sb.append(')');
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "; cancerTypes %d documents (%d values dropped, %d"
                + " added, %d moved to tags); %d cancer-type synonyms normalised%n",
            cancerTypeCorrections(),
            cancerTypesDropped(),
            cancerTypesAdded(),
            cancerTypesMoved(),
            normalisedTypes));
    sb.append(readabilityLine());
    sb.append(String.format(Locale.ROOT, "took %.1f s%n", millis / 1000.0));
    return sb.toString();
  }

  private String readabilityLine() {
    List<Double> grades = new ArrayList<>();
    int patientEasy = 0;
    int patient = 0;
    for (FileEntry f : files) {
      grades.add(f.readabilityGrade());
      if ("patient".equals(f.audienceLevel())) {
        patient++;
        if (f.readabilityGrade() <= 8) {
          patientEasy++;
        }
      }
    }
    if (grades.isEmpty()) {
      return "";
    }
    grades.sort(Double::compare);
    return String.format(
        Locale.ROOT,
        "readability: median grade %.1f; patient documents at" + " grade 8 or below: %d of %d%n",
        grades.get(grades.size() / 2),
        patientEasy,
        patient);
  }

  private static void appendCounts(StringBuilder sb, Map<String, Integer> counts) {
    int i = 0;
    for (var e : counts.entrySet()) {
      sb.append(i++ == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
    }
  }

  /** The report as one JSON-ready map. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", kind);
    m.put("sources", sources);
    m.put("dryRun", dryRun);
    m.put("itemsRead", itemsRead());
    m.put("written", files.size());
    m.put("rejectedCount", rejected.size());
    m.put("outcomes", outcomes());
    m.put("types", types());
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("audienceLevel", audienceCorrections());
    c.put("audienceChanges", audienceChanges());
    c.put("cancerTypes", cancerTypeCorrections());
    c.put("cancerTypesDropped", cancerTypesDropped());
    c.put("cancerTypesAdded", cancerTypesAdded());
    c.put("cancerTypesMovedToTags", cancerTypesMoved());
    c.put("cancerTypeSynonymsNormalised", normalisedTypes);
    m.put("corrections", c);
    m.put("millis", millis);
    List<Map<String, Object>> fs = new ArrayList<>();
    for (FileEntry f : files) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("path", f.path());
      e.put("origin", f.origin());
      e.put("type", f.type());
      e.put("outcome", f.outcome());
      e.put("language", f.language());
      e.put("audienceLevel", f.audienceLevel());
      e.put("cancerTypes", f.cancerTypes());
      e.put("readabilityGrade", f.readabilityGrade());
      e.put("readabilityFormula", f.readabilityFormula());
      fs.add(e);
    }
    m.put("files", fs);
    m.put(
        "rejected",
        rejected.stream().map(r -> Map.of("origin", r.origin(), "reason", r.reason())).toList());
    m.put(
        "correctionList",
        corrections.stream()
            .map(
                x -> {
                  Map<String, Object> e = new LinkedHashMap<>();
                  e.put("path", x.path());
                  e.put("field", x.field());
                  e.put("from", x.from());
                  e.put("to", x.to());
                  e.put("reason", x.reason());
                  return e;
                })
            .toList());
    m.put("warnings", warnings);
    return m;
  }
}
