package org.metshub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metshub.ingest.ImportFixtures.fixture;
import static org.metshub.ingest.ImportFixtures.run;
import static org.metshub.ingest.ImportFixtures.written;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.kb.KbDocument;

class NewsListReaderTest {
  @TempDir Path out;

  @Test
  void eachDatedItemBecomesANewsDocumentWithItsDateLinkAndSummary() {
    ImportReport r = run(ImportKind.NEWS, out, fixture("news/list.md"));
    assertThat(r.files()).hasSize(3);
    KbDocument d = written(out, "news/2026-03-03-bone-drug-trial-finishes-enrolment.md");
    assertThat(d.frontMatter().docType()).isEqualTo("news");
    assertThat(d.frontMatter().datePublished()).contains(LocalDate.of(2026, 3, 3));
    assertThat(d.frontMatter().url())
        .isEqualTo("https://research.example.org/news/2026/bone-drug-trial");
    assertThat(d.frontMatter().summary()).startsWith("A trial of a new medicine");
    assertThat(d.frontMatter().cancerTypes()).contains("prostate");
    assertThat(d.frontMatter().metastaticSites()).containsExactly("bone");
    assertThat(
            written(out, "news/2026-01-14-liver-scans-find-spread-earlier.md").frontMatter().url())
        .isEqualTo("https://other.example.net/liver-scans");
    assertThat(
            written(out, "news/2025-11-20-brain-metastases-study-opens-in-spain.md")
                .frontMatter()
                .cancerTypes())
        .contains("lung");
  }

  @Test
  void itemsTakeThePagesSourceLicenceAndCitation() {
    run(ImportKind.NEWS, out, fixture("news/list.md"));
    KbDocument d = written(out, "news/2026-01-14-liver-scans-find-spread-earlier.md");
    assertThat(d.frontMatter().source()).isEqualTo("Example Institute");
    assertThat(d.frontMatter().license()).isEqualTo("cc_by");
    assertThat(d.frontMatter().citation()).isEqualTo("Example Institute, 2026");
    assertThat(d.frontMatter().status()).isEqualTo("draft");
  }

  @Test
  void anItemWithoutADateIsRejectedAndCounted() {
    ImportReport r = run(ImportKind.NEWS, out, fixture("news/list.md"));
    assertThat(r.itemsRead()).isEqualTo(4);
    assertThat(r.rejected())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.origin()).contains("#3 'A Note From Our Editors'");
              assertThat(x.reason()).contains("has no date");
            });
  }

  @Test
  void reimportingAPageThatGainedAnItemWritesOnlyTheNewItem(@TempDir Path saved) throws Exception {
    Path page = saved.resolve("research-news.md");
    Files.copy(fixture("news/list.md"), page);
    run(ImportKind.NEWS, out, page);
    Files.copy(
        fixture("news/list-updated.md"), page, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    ImportReport r = run(ImportKind.NEWS, out, page);
    assertThat(r.outcomes())
        .containsEntry("created", 1)
        .containsEntry("unchanged", 3)
        .containsEntry("changed", 0);
    assertThat(r.files())
        .filteredOn(f -> f.outcome().equals("created"))
        .extracting(ImportReport.FileEntry::path)
        .containsExactly("news/2026-05-02-blood-test-tracks-breast-cancer-spread.md");
    assertThat(Files.list(out.resolve("news")).count()).isEqualTo(4);
  }

  @Test
  void anHtmlListWithSpanishDatesIsRead() {
    ImportReport r = run(ImportKind.NEWS, out, fixture("news/list.html"));
    assertThat(r.rejected()).isEmpty();
    KbDocument d = written(out, "news/2025-05-06-un-estudio-sobre-metastasis-en-el-hueso.md");
    assertThat(d.frontMatter().language()).isEqualTo("es");
    assertThat(d.frontMatter().url())
        .isEqualTo("https://ejemplo.example.org/noticias/estudio-hueso");
    assertThat(d.frontMatter().cancerTypes()).contains("breast");
    assertThat(
            written(out, "news/2025-06-02-nuevo-ensayo-para-el-cancer-de-pulmon.md")
                .frontMatter()
                .datePublished())
        .contains(LocalDate.of(2025, 6, 2));
  }

  /** Regression: every line of the summary became a paragraph, cutting sentences in two. */
  @Test
  void aSummaryWrappedOverTwoLinesStaysOneParagraph(@TempDir Path saved) throws Exception {
    Path page = saved.resolve("wrapped.txt");
    Files.writeString(
        page,
        """
        - [Walking Group Starts](https://clinic.example.org/walks)

        Posted: May 4, 2026

        A weekly walk for people with cancer that has spread,
        led by a nurse.

        Bring water.
        """);
    run(ImportKind.NEWS, out, page);
    KbDocument d = written(out, "news/2026-05-04-walking-group-starts.md");
    assertThat(d.body())
        .isEqualTo(
            """
        # Walking Group Starts

        A weekly walk for people with cancer that has spread,
        led by a nurse.

        Bring water.

        Source: [Walking Group Starts](https://clinic.example.org/walks)
        """);
    assertThat(d.frontMatter().summary())
        .isEqualTo(
            "A weekly walk for people with cancer that has spread, led by a nurse. Bring"
                + " water.");
  }

  @Test
  void aPageWithNoItemsIsRejected() throws Exception {
    Path page = out.resolve("empty-list.txt");
    Files.writeString(page, "News\n\nThere is no news this month.\n");
    ImportReport r = run(ImportKind.NEWS, out.resolve("kb"), page);
    assertThat(r.rejected())
        .singleElement()
        .satisfies(x -> assertThat(x.reason()).contains("no news items found"));
  }
}
