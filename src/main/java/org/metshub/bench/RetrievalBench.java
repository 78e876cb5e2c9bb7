package org.metshub.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.metshub.App;
import org.metshub.Config;
import org.metshub.error.MetsHubException.Internal;
import org.metshub.kb.KbDocument;
import org.metshub.kb.KbFile;
import org.metshub.kb.ReviewSchedule;
import org.metshub.search.Analyzers;
import org.metshub.search.Embedder;
import org.metshub.search.Hit;
import org.metshub.search.IndexOptions;
import org.metshub.search.KbIndexer;
import org.metshub.search.LuceneSearch;
import org.metshub.search.Ranking;
import org.metshub.search.SearchIndex;
import org.metshub.search.SearchMode;
import org.metshub.search.SearchRequest;

/**
 * Retrieval quality on an evaluation set in the MedQuAD format ({@code kb/} of documents plus
 * {@code queries.jsonl}): MRR@10, nDCG@10 and Recall@10 (and the strict variants) for a plain BM25
 * baseline, MetsHub's lexical, semantic and hybrid rankings and fusion variants, with and without
 * titles; then single-thread latency percentiles after warm-up.
 */
final class RetrievalBench {
  private final Path evalDir;
  private final Path work;
  private final Embedder embedder;
  private final Ranking ranking;
  private final IndexOptions options;
  private final ReviewSchedule schedule;
  private final PrintWriter out;

  RetrievalBench(
      Path evalDir,
      Path work,
      Embedder embedder,
      Config config,
      ReviewSchedule schedule,
      PrintWriter out) {
    this.ranking = config.ranking();
    this.options = config.index();
    this.evalDir = evalDir;
    this.work = work;
    this.embedder = embedder;
    this.schedule = schedule;
    this.out = out;
  }

  void run(boolean latency) {
    EvalSet eval = EvalSet.read(evalDir.resolve("queries.jsonl"));
    List<KbFile> files = App.readKb(evalDir.resolve("kb"));
    out.printf(
        Locale.ROOT,
        "Retrieval quality: %d queries over %d documents in %s (passage" + " vectors read %s)%n",
        eval.queries().size(),
        files.size(),
        evalDir,
        switch (options.passageTokens()) {
          case IndexOptions.WHOLE -> "whole passages";
          case IndexOptions.NO_PASSAGE_VECTOR ->
              "nothing: passages have only their section"
                  + " lead's vector, which takes the passage vector's weight";
          default -> "the first " + options.passageTokens() + " word pieces";
        });
    out.println(
        "run                                  MRR@10  nDCG@10 R@10    | strict MRR  nDCG"
            + "    R@10");
    for (boolean titles : new boolean[] {true, false}) {
      String suffix = titles ? " (title+text)" : " (text only)";
      row("a. BM25 StandardAnalyzer" + suffix, baseline(files, eval, titles));
      long t0 = System.nanoTime();
      try (SearchIndex index =
          App.openIndex(
              work.resolve(titles ? "titles" : "no-titles"),
              Analyzers.bundled(),
              embedder,
              new IndexOptions(titles, options.withVectors(), options.passageTokens()),
              schedule)) {
        var u = KbIndexer.index(index, files);
        out.printf(
            Locale.ROOT,
            "   index%s: %s; %d passages; %.1f s%n",
            suffix,
            u.summary(),
            index.passageCount(),
            (System.nanoTime() - t0) / 1e9);
        LuceneSearch lucene = new LuceneSearch(index, ranking);
        row("b. MetsHub lexical" + suffix, ours(lucene, eval, SearchMode.LEXICAL));
        row("c. MetsHub semantic" + suffix, ours(lucene, eval, SearchMode.SEMANTIC));
        row("d. MetsHub hybrid" + suffix, ours(lucene, eval, SearchMode.HYBRID));
        for (String variant :
            new String[] {"rrf:0:0", "linear:0.3:0", "linear:0.2:0.6", "linear:0.1:0.9"}) {
          String[] v = variant.split(":");
          LuceneSearch s =
              new LuceneSearch(
                  index,
                  ranking.withFusion(v[0], Double.parseDouble(v[1]), Double.parseDouble(v[2])));
          row("   hybrid " + variant + suffix, ours(s, eval, SearchMode.HYBRID));
        }
        if (options.passageVectors()) {
          row(
              "   semantic, passage vector only" + suffix,
              ours(
                  new LuceneSearch(index, ranking.withFusion("linear", 0, 0)),
                  eval,
                  SearchMode.SEMANTIC));
        }
        if (latency && titles) {
          latency(lucene, eval);
        }
      }
    }
    out.flush();
  }

  private void row(String name, Metrics[] m) {
    out.printf(
        Locale.ROOT,
        "%-36s %.3f   %.3f   %.3f   | %.3f       %.3f   %.3f%n",
        name,
        m[0].mrr(),
        m[0].ndcg(),
        m[0].recall(),
        m[1].mrr(),
        m[1].ndcg(),
        m[1].recall());
    out.flush();
  }

  private static Metrics[] ours(LuceneSearch search, EvalSet eval, SearchMode mode) {
    Metrics all = new Metrics();
    Metrics strict = new Metrics();
    for (EvalSet.Query q : eval.queries()) {
      List<String> ids =
          search.search(request(q.question(), mode)).hits().stream().map(Hit::docId).toList();
      all.add(ids, q.relevant());
      strict.add(ids, Set.of(q.answerId()));
    }
    return new Metrics[] {all, strict};
  }

  static SearchRequest request(String question, SearchMode mode) {
    String q =
        question.length() > SearchRequest.MAX_QUERY_CHARS
            ? question.substring(0, SearchRequest.MAX_QUERY_CHARS)
            : question;
    return SearchRequest.builder().query(q).mode(mode).facets(false).snippets(false).build();
  }

  private void latency(LuceneSearch search, EvalSet eval) {
    for (SearchMode mode : new SearchMode[] {SearchMode.LEXICAL, SearchMode.HYBRID}) {
      for (EvalSet.Query q : eval.queries()) {
        search.search(request(q.question(), mode)); // warm-up pass
      }
      Latency ranking = new Latency();
      Latency plain = new Latency();
      Latency full = new Latency();
      for (EvalSet.Query q : eval.queries()) {
        long t = System.nanoTime();
        search.search(request(q.question(), mode));
        ranking.add(System.nanoTime() - t);
        t = System.nanoTime();
        search.search(request(q.question(), mode).toBuilder().snippets(true).build());
        plain.add(System.nanoTime() - t);
        t = System.nanoTime();
        search.search(request(q.question(), mode).toBuilder().snippets(true).facets(true).build());
        full.add(System.nanoTime() - t);
      }
      out.printf(
          Locale.ROOT,
          "latency %-8s (single thread, %d queries after warm-up): ranked top 10 (as --batch) "
              + "p50 %.2f ms, p99 %.2f ms; with highlighted snippets p50 %.2f ms, p99 %.2f ms;"
              + " with snippets and facet counts (as the site) p50 %.2f ms, p99 %.2f ms%n",
          mode.name().toLowerCase(Locale.ROOT),
          ranking.count(),
          ranking.percentile(50),
          ranking.percentile(99),
          plain.percentile(50),
          plain.percentile(99),
          full.percentile(50),
          full.percentile(99));
      out.flush();
    }
  }

  /** (a) Plain Lucene BM25 with StandardAnalyzer over title and text, default parameters. */
  private static Metrics[] baseline(List<KbFile> files, EvalSet eval, boolean titles) {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        StandardAnalyzer analyzer = new StandardAnalyzer()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
        for (KbFile f : files) {
          if (f instanceof KbDocument d) {
            Document doc = new Document();
            doc.add(new StringField("id", d.id(), Field.Store.YES));
            if (titles) {
              doc.add(new TextField("title", d.frontMatter().title(), Field.Store.NO));
            }
            doc.add(new TextField("text", d.plainText(), Field.Store.NO));
            w.addDocument(doc);
          }
        }
      }
      Metrics all = new Metrics();
      Metrics strict = new Metrics();
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        IndexSearcher s = new IndexSearcher(r);
        QueryBuilder qb = new QueryBuilder(analyzer);
        for (EvalSet.Query q : eval.queries()) {
          BooleanQuery.Builder b = new BooleanQuery.Builder();
          for (String field : titles ? new String[] {"title", "text"} : new String[] {"text"}) {
            Query fq = qb.createBooleanQuery(field, q.question(), BooleanClause.Occur.SHOULD);
            if (fq != null) {
              b.add(fq, BooleanClause.Occur.SHOULD);
            }
          }
          List<String> ids = new ArrayList<>();
          for (ScoreDoc sd : s.search(b.build(), 10).scoreDocs) {
            ids.add(s.storedFields().document(sd.doc).get("id"));
          }
          all.add(ids, q.relevant());
          strict.add(ids, Set.of(q.answerId()));
        }
      }
      return new Metrics[] {all, strict};
    } catch (IOException e) {
      throw new Internal("baseline BM25 failed: " + e.getMessage(), e);
    }
  }
}
