package org.metshub.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.metshub.kb.KbDocument;
import org.metshub.text.Sentences;

/**
 * What stands in for a title when an index has none: several KB documents taken from one source
 * page (one URL) often leave their subject unsaid ("Certain factors affect prognosis"), and without
 * a title nothing tells whose prognosis. The page's opening sentence (the first sentence of the
 * first document of the page, by id) does: it is put before the section lead of the page's other
 * documents, so their lead vectors say what they are about. Indexes with titles (the product's) do
 * not use it; the title does that job.
 *
 * <p>An opening depends on another document, so when the page's first document changes, the others
 * keep their old opening until they change or the index is rebuilt.
 */
final class PageOpenings {
  private PageOpenings() {}

  /** A page's opening sentence and the document it comes from. */
  record Opening(String sentence, String sourceId) {}

  /** The openings of pages shared by two or more documents, by URL. */
  static Map<String, Opening> of(List<KbDocument> documents) {
    Map<String, List<KbDocument>> byUrl = new HashMap<>();
    for (KbDocument d : documents) {
      String url = d.frontMatter().url();
      if (!url.isEmpty()) {
        byUrl.computeIfAbsent(url, k -> new ArrayList<>()).add(d);
      }
    }
    Map<String, Opening> out = new HashMap<>();
    for (var e : byUrl.entrySet()) {
      if (e.getValue().size() < 2) {
        continue;
      }
      KbDocument first =
          e.getValue().stream().min(Comparator.comparing(KbDocument::id)).orElseThrow();
      List<Passage> ps = Passages.of(first, "");
      if (ps.isEmpty()) {
        continue;
      }
      List<String> sentences = Sentences.split(ps.get(0).lead());
      if (!sentences.isEmpty()) {
        out.put(e.getKey(), new Opening(sentences.get(0), first.id()));
      }
    }
    return out;
  }

  /** The passages of {@code doc} with its page's opening before each section lead. */
  static List<Passage> apply(
      Map<String, Opening> openings, KbDocument doc, List<Passage> passages) {
    Opening o = openings.get(doc.frontMatter().url());
    if (o == null || o.sourceId().equals(doc.id())) {
      return passages;
    }
    return passages.stream()
        .map(
            p ->
                new Passage(
                    p.id(),
                    p.ordinal(),
                    p.headingPath(),
                    p.text(),
                    o.sentence() + " " + p.lead(),
                    p.document(),
                    p.path(),
                    p.docHash(),
                    p.asks(),
                    p.parts().stream()
                        .map(
                            part ->
                                new Passage.Part(
                                    part.headingPath(),
                                    o.sentence() + " " + part.lead(),
                                    part.asks()))
                        .toList()))
        .toList();
  }
}
