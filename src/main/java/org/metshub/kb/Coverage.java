package org.metshub.kb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the KB covers, as Markdown tables, so that gaps show: documents per language and kind,
 * reader pages per cancer type and per metastatic site in each language, the directory's
 * organisations per cancer type and country (and which have a Spanish summary), and the reader
 * pages that have no translation. Counts only active documents. Stateless.
 */
public final class Coverage {
  /** The countries the directory must serve for every primary cancer. */
  public static final List<String> DIRECTORY_COUNTRIES = List.of("US", "GB", "CA", "AU", "ES");

  private static final Set<String> READERS = Set.of("patient", "caregiver", "general");
  private static final Set<String> UMBRELLA = Set.of("metastatic cancer", "general");

  private Coverage() {}

  /** The report for {@code docs}. */
  public static String markdown(List<KbDocument> docs) {
    List<KbDocument> active =
        docs.stream().filter(d -> "active".equals(d.frontMatter().status())).toList();
    List<String> languages =
        active.stream().map(d -> d.frontMatter().language()).distinct().sorted().toList();
    StringBuilder sb =
        new StringBuilder(
            "# KB coverage\n\nWritten by `metshub coverage` from "
                + active.size()
                + " active documents.\n");

    sb.append("\n## Documents by language and kind\n\n");
    table(
        sb,
        "kind",
        languages,
        group(active, d -> List.of(d.frontMatter().docType()), d -> d.frontMatter().language()));

    List<KbDocument> pages = active.stream().filter(Coverage::readerPage).toList();
    sb.append("\n## Reader pages by cancer type\n\n");
    table(
        sb,
        "cancer type",
        languages,
        group(
            pages,
            d -> d.frontMatter().cancerTypes().stream().filter(c -> !UMBRELLA.contains(c)).toList(),
            d -> d.frontMatter().language()));
    sb.append("\n## Reader pages by metastatic site\n\n");
    table(
        sb,
        "site",
        languages,
        group(pages, d -> d.frontMatter().metastaticSites(), d -> d.frontMatter().language()));

    sb.append(
        "\n## Directory organisations by cancer type and country\n\n"
            + "An organisation counts for a cancer type it names; `general` ones serve every type.\n\n");
    List<KbDocument> orgs =
        active.stream().filter(d -> "organization".equals(d.frontMatter().docType())).toList();
    Map<String, Map<String, Integer>> matrix = new TreeMap<>();
    for (KbDocument o : orgs) {
      for (String c : o.frontMatter().cancerTypes()) {
        if (c.equals("metastatic cancer")) {
          continue;
        }
        for (String country : o.frontMatter().countries()) {
          matrix.computeIfAbsent(c, k -> new LinkedHashMap<>()).merge(country, 1, Integer::sum);
        }
      }
    }
    Set<String> countries = new TreeSet<>(DIRECTORY_COUNTRIES);
    orgs.forEach(o -> countries.addAll(o.frontMatter().countries()));
    List<String> columns = new ArrayList<>(DIRECTORY_COUNTRIES);
    countries.stream().filter(c -> !columns.contains(c)).forEach(columns::add);
    table(sb, "cancer type", columns, matrix);
    // Entries are written once, in English; Spanish readers see their summaryEs.
    List<String> noSpanish =
        orgs.stream()
            .filter(o -> !o.frontMatter().language().startsWith("es"))
            .filter(
                o ->
                    o.frontMatter()
                        .extra(Validator.SUMMARY_ES)
                        .map(n -> n.asText("").isBlank())
                        .orElse(true))
            .map(KbDocument::id)
            .sorted()
            .toList();
    sb.append("\nOrganisations with a Spanish summary (`summaryEs`): ")
        .append(orgs.size() - noSpanish.size())
        .append(" of ")
        .append(orgs.size())
        .append(noSpanish.isEmpty() ? "." : "; without: " + String.join(", ", noSpanish) + ".")
        .append('\n');

    sb.append("\n## Reader pages without a translation\n\n");
    Set<String> ids = new TreeSet<>();
    active.forEach(d -> ids.add(d.id()));
    int missing = 0;
    for (KbDocument d : pages) {
      boolean translated =
          d.frontMatter()
              .extra("translations")
              .map(n -> n.properties().stream().anyMatch(e -> ids.contains(e.getValue().asText())))
              .orElse(false);
      if (!translated) {
        sb.append("- ")
            .append(d.id())
            .append(" (")
            .append(d.frontMatter().language())
            .append(")\n");
        missing++;
      }
    }
    if (missing == 0) {
      sb.append("None.\n");
    }
    return sb.toString();
  }

  /** Patient, caregiver and general pages, not the directory's organisation entries. */
  static boolean readerPage(KbDocument d) {
    return READERS.contains(d.frontMatter().audienceLevel())
        && !"organization".equals(d.frontMatter().docType());
  }

  private static Map<String, Map<String, Integer>> group(
      List<KbDocument> docs,
      java.util.function.Function<KbDocument, List<String>> rows,
      java.util.function.Function<KbDocument, String> column) {
    Map<String, Map<String, Integer>> out = new TreeMap<>();
    for (KbDocument d : docs) {
      for (String r : rows.apply(d)) {
        out.computeIfAbsent(r, k -> new LinkedHashMap<>()).merge(column.apply(d), 1, Integer::sum);
      }
    }
    return out;
  }

  private static void table(
      StringBuilder sb,
      String first,
      List<String> columns,
      Map<String, Map<String, Integer>> rows) {
    sb.append("| ")
        .append(first)
        .append(" | ")
        .append(String.join(" | ", columns))
        .append(" |\n|")
        .append(" --- |".repeat(columns.size() + 1))
        .append('\n');
    rows.forEach(
        (row, counts) -> {
          sb.append("| ").append(row);
          for (String c : columns) {
            int n = counts.getOrDefault(c, 0);
            sb.append(" | ").append(n == 0 ? "**0**" : String.valueOf(n));
          }
          sb.append(" |\n");
        });
    if (rows.isEmpty()) {
      sb.append("| (none)").append(" |".repeat(columns.size() + 1)).append('\n');
    }
  }
}
