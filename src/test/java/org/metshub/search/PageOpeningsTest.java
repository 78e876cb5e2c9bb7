package org.metshub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metshub.kb.KbDocument;
import org.metshub.testing.Fixtures;

class PageOpeningsTest {
  static KbDocument doc(String id, String url, String body) {
    return Fixtures.document(
        id + ".md", TestIndex.doc(id, "Untitled " + id, url.isEmpty() ? "" : "url: " + url, body));
  }

  final KbDocument info =
      doc(
          "p-1",
          "https://example.org/zorblax",
          "Zorblax disease is a rare cancer of the zorblax gland. It is often found late.");
  final KbDocument outlook =
      doc(
          "p-2",
          "https://example.org/zorblax",
          "Certain factors affect prognosis and treatment options. The stage matters most.");
  final KbDocument alone =
      doc(
          "q-1",
          "https://example.org/other",
          "Another page entirely, about something else with its own subject.");

  @Test
  void sectionsOfASharedPageGetThePageOpeningBeforeTheirLead() {
    Map<String, PageOpenings.Opening> o = PageOpenings.of(List.of(outlook, info, alone));
    assertThat(o).containsOnlyKeys("https://example.org/zorblax");
    assertThat(o.get("https://example.org/zorblax").sentence())
        .isEqualTo("Zorblax disease is a rare cancer of the zorblax gland.");
    List<Passage> withOpening = PageOpenings.apply(o, outlook, Passages.of(outlook, "h"));
    assertThat(withOpening)
        .allSatisfy(
            p ->
                assertThat(p.leadText(false))
                    .contains(
                        "Zorblax disease is a rare cancer of the zorblax gland. Certain factors"));
    assertThat(withOpening.get(0).text()).doesNotContain("Zorblax");
    // The page's first document and a page of its own are left as they were.
    assertThat(PageOpenings.apply(o, info, Passages.of(info, "h")))
        .isEqualTo(Passages.of(info, "h"));
    assertThat(PageOpenings.apply(o, alone, Passages.of(alone, "h")))
        .isEqualTo(Passages.of(alone, "h"));
  }

  @Test
  void aPassageGivenThePageOpeningKeepsTheQuestionsItsSectionAnswers() {
    KbDocument asked =
        Fixtures.document(
            "p-3.md",
            TestIndex.doc(
                "p-3",
                "Untitled p-3",
                "url: https://example.org/zorblax\nquestions:\n  'Outlook': ['zorblax outlook']",
                "## Outlook\n\nCertain factors affect prognosis. The stage matters most."));
    Map<String, PageOpenings.Opening> o = PageOpenings.of(List.of(info, asked));
    List<Passage> withOpening = PageOpenings.apply(o, asked, Passages.of(asked, "h"));
    assertThat(withOpening.getFirst().lead()).startsWith("Zorblax disease is a rare cancer");
    assertThat(withOpening.getFirst().asks()).containsExactly("zorblax outlook");
  }

  @Test
  void indexesWithTitlesDoNotUseOpeningsAndSayWhichTheyAre() {
    HashingEmbedder e = new HashingEmbedder();
    assertThat(IndexOptions.DEFAULT.signature(e)).doesNotContain("openings");
    assertThat(new IndexOptions(false, true).signature(e)).contains("openings=");
  }
}
