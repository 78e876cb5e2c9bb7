package org.metshub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metshub.ingest.ImportFixtures.fixture;
import static org.metshub.ingest.ImportFixtures.run;
import static org.metshub.ingest.ImportFixtures.written;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.kb.KbDocument;

class HtmlPageReaderTest {
  @TempDir Path out;

  @Test
  void mainContentIsKeptAndPageFurnitureDropped() {
    ImportReport r = run(ImportKind.HTML, out, fixture("html/article.html"));
    assertThat(r.rejected()).isEmpty();
    KbDocument d = written(out, "when-cancer-spreads-to-the-bone.md");
    assertThat(d.body())
        .startsWith("# When Cancer Spreads to the Bone\n\n")
        .contains(
            "## Signs to watch for",
            "## Treatment",
            "- Pain in the back or hips that does not go away\n",
            "Doctors call these **bone metastases**.")
        .doesNotContain(
            "tracker",
            "document.write",
            "All topics",
            "Home",
            "Share this",
            "newsletter",
            "Copyright",
            "color: red");
  }

  @Test
  void titleUrlAndLanguageComeFromThePageAndLinksAreMadeAbsolute() {
    run(ImportKind.HTML, out, fixture("html/article.html"));
    KbDocument d = written(out, "when-cancer-spreads-to-the-bone.md");
    assertThat(d.frontMatter().title()).isEqualTo("When Cancer Spreads to the Bone");
    assertThat(d.frontMatter().url())
        .isEqualTo("https://health.example.org/topics/bone-metastases");
    assertThat(d.frontMatter().language()).isEqualTo("en");
    assertThat(d.body())
        .contains("[pain relief](https://health.example.org/topics/pain-relief)")
        .contains("[NCI overview](https://www.cancer.gov/types/metastatic-cancer)");
    assertThat(d.frontMatter().metastaticSites()).containsExactly("bone");
    assertThat(d.frontMatter().extra("inferred").orElseThrow().toString())
        .doesNotContain("language", "title", "url");
  }

  @Test
  void aSpanishPageIsReadWithItsLanguageAndSpanishReadability() {
    ImportReport r =
        run(
            ImportKind.HTML,
            new ImportOptions("draft", false, "https://ejemplo.example.org/salud/", "", "", ""),
            out,
            fixture("html/articulo.html"));
    KbDocument d = written(out, "cuando-el-cancer-se-extiende-al-higado.md");
    assertThat(d.frontMatter().language()).isEqualTo("es");
    assertThat(d.frontMatter().extra("readabilityFormula").orElseThrow().asText())
        .isEqualTo("fernandez-huerta");
    assertThat(d.frontMatter().cancerTypes()).contains("colorectal");
    assertThat(d.frontMatter().metastaticSites()).contains("liver");
    assertThat(d.body()).contains("[nuestra guía](https://ejemplo.example.org/salud/guia.html)");
    assertThat(r.warnings()).noneMatch(w -> w.contains("relative"));
  }

  @Test
  void withoutAUrlRelativeLinksStayAndAreReported() {
    ImportReport r = run(ImportKind.HTML, out, fixture("html/articulo.html"));
    assertThat(r.warnings())
        .anyMatch(w -> w.contains("1 link stays relative") && w.contains("--base-url"));
  }

  @Test
  void malformedHtmlIsRepairedAndReported() {
    ImportReport r = run(ImportKind.HTML, out, fixture("html/malformed.html"));
    assertThat(r.rejected()).isEmpty();
    assertThat(r.warnings()).anyMatch(w -> w.matches(".*had \\d+ faults?, repaired by the parser"));
    KbDocument d = written(out, "questions-to-ask-your-care-team.md");
    assertThat(d.body())
        .startsWith("# Questions to ask your care team\n\n")
        .contains("Write your questions down before each visit.");
  }

  @Test
  void aFileWithoutTagsOrWithoutContentIsRejectedWithItsReason() {
    ImportReport r =
        run(
            ImportKind.HTML,
            out,
            fixture("html/no-tags.html"),
            fixture("html/furniture-only.html"));
    assertThat(r.files()).isEmpty();
    assertThat(r.rejected())
        .extracting(ImportReport.Rejection::reason)
        .satisfiesExactly(
            a -> assertThat(a).endsWith("is not HTML (no tags found)"),
            b -> assertThat(b).contains("has no text content"));
  }
}
