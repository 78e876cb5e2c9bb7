package org.metshub.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.metshub.Config;
import org.metshub.api.HitJson;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.json.Json;
import org.metshub.search.FacetCount;
import org.metshub.search.Fields;
import org.metshub.search.Hit;
import org.metshub.search.LuceneSearch;
import org.metshub.search.SearchIndex;
import org.metshub.search.SearchMode;
import org.metshub.search.SearchRequest;
import org.metshub.search.SearchResponse;
import org.metshub.search.Snippet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code metshub search}: ranked passages with facets, or a batch run for evaluators. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search the KB: ranked results with snippets, then facet counts.",
      "The index is brought up to date first; when a running server holds it, it is searched read-only as the server last synced it (said on standard error). Each result shows document id, title, heading, highlighted snippet, url, last reviewed date and review state. Filters work without query text, for browsing.",
      "Batch mode (--batch FILE) reads JSON lines with 'qid' and 'question' and prints one JSON line per query: {\"qid\":…,\"results\":[{\"docId\":…,\"passageId\":…,\"score\":…}]}."
    })
final class SearchCommand implements Callable<Integer> {
  private final Env env;

  @Mixin KbOptions kbOptions = new KbOptions();

  @Parameters(paramLabel = "QUERY", arity = "0..1", description = "What to search for.")
  String query = "";

  @Option(
      names = "--cancer-type",
      paramLabel = "TYPE",
      split = ",",
      description = "Only these cancer types (vocabulary ids, comma-separated).")
  List<String> cancerTypes = new ArrayList<>();

  @Option(
      names = "--site",
      paramLabel = "SITE",
      split = ",",
      description = "Only these metastatic sites.")
  List<String> sites = new ArrayList<>();

  @Option(
      names = "--audience",
      paramLabel = "LEVEL",
      split = ",",
      description = "Only these audiences (patient, caregiver, clinician, researcher, general).")
  List<String> audiences = new ArrayList<>();

  @Option(names = "--lang", paramLabel = "LANG", split = ",", description = "Only en or es.")
  List<String> languages = new ArrayList<>();

  @Option(
      names = "--doc-type",
      paramLabel = "TYPE",
      split = ",",
      description = "Only these document types (article, news, organization, ...).")
  List<String> docTypes = new ArrayList<>();

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "10",
      description = "Number of results (1-100, default 10).")
  int limit;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      defaultValue = "hybrid",
      description = "lexical, semantic or hybrid (default).")
  String mode;

  @Option(
      names = "--all-passages",
      description = "Show every matching passage, not only the best one of each document.")
  boolean allPassages;

  @Option(names = "--include-drafts", description = "Also match documents that are not active.")
  boolean includeDrafts;

  @Option(
      names = "--json",
      description =
          "Print JSON; each result is a hit as the API's "
              + "/api/v1/search gives it: snippet as plain text, highlights as {start, end} offsets.")
  boolean json;

  @Option(
      names = "--batch",
      paramLabel = "FILE",
      description = "Run every query of a JSON-lines file (qid, question).")
  @Nullable Path batch;

  SearchCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    SearchMode m;
    try {
      m = SearchMode.parse(mode);
    } catch (BadInput e) {
      throw new UsageException("--mode " + e.getMessage());
    }
    if (batch != null && !query.isEmpty()) {
      throw new UsageException("give either a QUERY or --batch FILE, not both");
    }
    if (batch != null && !Files.isRegularFile(batch)) {
      throw new UsageException(batch + ": no such file");
    }
    SearchRequest request = request(query, m);
    Config config = env.config(kbOptions.flags());
    try (SearchIndex index = SearchOptions.openForSearch(env, config)) {
      LuceneSearch search = new LuceneSearch(index, config.ranking());
      if (batch != null) {
        return runBatch(search, request, batch);
      }
      SearchResponse r = search.search(request);
      if (json) {
        env.out().println(Json.PRETTY.writeValueAsString(toJson(r)));
      } else {
        print(r);
      }
    }
    return Main.OK;
  }

  private SearchRequest request(String q, SearchMode m) {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    filters.put(Fields.CANCER_TYPE, cancerTypes);
    filters.put(Fields.SITE, sites);
    filters.put(Fields.AUDIENCE, audiences);
    filters.put(Fields.LANGUAGE, languages);
    filters.put(Fields.DOC_TYPE, docTypes);
    try {
      return SearchRequest.builder()
          .query(q)
          .filters(filters)
          .limit(limit)
          .mode(m)
          .publicOnly(!includeDrafts)
          .collapse(!allPassages)
          .facets(batch == null)
          .snippets(batch == null)
          .build();
    } catch (BadInput e) {
      throw new UsageException(e.getMessage());
    }
  }

  private int runBatch(LuceneSearch search, SearchRequest template, Path file) throws IOException {
    return JsonLines.run(
        file,
        env,
        "queries",
        (qid, question, line) -> {
          String q =
              question.length() > SearchRequest.MAX_QUERY_CHARS
                  ? question.substring(0, SearchRequest.MAX_QUERY_CHARS)
                  : question;
          SearchResponse r = search.search(template.toBuilder().query(q).build());
          List<Map<String, Object>> results = new ArrayList<>();
          for (Hit h : r.hits()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("docId", h.docId());
            x.put("passageId", h.passageId());
            x.put("score", Math.round(h.score() * 1e6) / 1e6);
            results.add(x);
          }
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("qid", qid);
          out.put("results", results);
          return out;
        });
  }

  private void print(SearchResponse r) {
    var out = env.out();
    if (!r.corrections().isEmpty()) {
      out.println("Searched with corrected spelling: " + r.corrections());
    }
    out.printf(
        Locale.ROOT,
        "%d results (%s, %s, %.1f ms)%n%n",
        r.total(),
        r.mode().name().toLowerCase(Locale.ROOT),
        r.queryLanguage(),
        r.millis());
    int n = 1;
    for (Hit h : r.hits()) {
      out.printf(
          Locale.ROOT,
          "%d. %s%s  [%s]%n",
          n++,
          h.title(),
          h.heading().isEmpty() || h.heading().equals(h.title()) ? "" : " › " + h.heading(),
          h.docId());
      out.println("   " + starred(h.snippet()).replaceAll("\\s*\\n\\s*", " "));
      out.printf(
          Locale.ROOT,
          "   %s · last reviewed %s · %s · score %.4f%n%n",
          h.meta().url().isEmpty() ? "(no url)" : h.meta().url(),
          h.meta().lastReviewed().map(Object::toString).orElse("never"),
          h.meta().reviewState().label(),
          h.score());
    }
    for (var e : r.facets().entrySet()) {
      if (!e.getValue().isEmpty()) {
        StringBuilder sb = new StringBuilder(e.getKey()).append(": ");
        int i = 0;
        for (FacetCount c : e.getValue()) {
          sb.append(i++ == 0 ? "" : ", ").append(c.value()).append(' ').append(c.count());
        }
        out.println(sb);
      }
    }
  }

  /** A snippet for a terminal: each highlight between *asterisks*. */
  static String starred(Snippet s) {
    StringBuilder sb = new StringBuilder();
    for (Snippet.Part p : s.parts()) {
      sb.append(p.highlighted() ? "*" + p.text() + "*" : p.text());
    }
    return sb.toString();
  }

  static Map<String, Object> toJson(SearchResponse r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("total", r.total());
    m.put("mode", r.mode().name().toLowerCase(Locale.ROOT));
    m.put("queryLanguage", r.queryLanguage());
    m.put("corrections", r.corrections());
    m.put("millis", Math.round(r.millis() * 100) / 100.0);
    m.put("results", r.hits().stream().map(HitJson::of).toList());
    Map<String, Object> facets = new LinkedHashMap<>();
    r.facets()
        .forEach(
            (k, v) -> {
              Map<String, Integer> counts = new LinkedHashMap<>();
              v.forEach(c -> counts.put(c.value(), c.count()));
              facets.put(k, counts);
            });
    m.put("facets", facets);
    return m;
  }
}
