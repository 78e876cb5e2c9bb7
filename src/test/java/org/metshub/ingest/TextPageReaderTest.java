package org.metshub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metshub.ingest.ImportFixtures.fixture;
import static org.metshub.ingest.ImportFixtures.run;
import static org.metshub.ingest.ImportFixtures.text;
import static org.metshub.ingest.ImportFixtures.written;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.kb.KbDocument;

class TextPageReaderTest {
  @TempDir Path out;

  @Test
  void titleComesFromTheFirstLineAndHeadingsFromShortLines() {
    ImportReport r = run(ImportKind.TEXT, out, fixture("text/support-page.txt"));
    assertThat(r.rejected()).isEmpty();
    KbDocument d = written(out, "support-after-a-diagnosis.md");
    assertThat(d.frontMatter().title()).isEqualTo("Support After a Diagnosis");
    assertThat(d.body())
        .startsWith("# Support After a Diagnosis\n\n")
        .contains("\n## Finding Answers\n", "\n## Our Aims\n", "\n## Talking With Others\n")
        .contains("\nQuestions? Write to us any time\n");
    assertThat(d.sections())
        .extracting(s -> s.heading())
        .contains(
            "Support After a Diagnosis › Finding Answers",
            "Support After a Diagnosis › Talking With Others");
  }

  @Test
  void paragraphsAndLinkPhrasesAreKeptAsTextAndBulletsBecomeAList() {
    run(ImportKind.TEXT, out, fixture("text/support-page.txt"));
    String body = written(out, "support-after-a-diagnosis.md").body();
    assertThat(body)
        .contains("Click here to read what metastatic cancer means.")
        .contains("can feel lonely. This page lists") // non-breaking spaces made plain
        .contains(
            "- Share plain information about metastasis\n"
                + "- Point people to support near them\n");
  }

  @Test
  void mentionedOrganisationsBecomeCandidateEntriesThatAreNeverPublished() {
    ImportReport r =
        run(
            ImportKind.TEXT,
            ImportOptions.defaults().withStatus("active"),
            out,
            fixture("text/support-page.txt"));
    assertThat(r.types()).containsEntry("documents", 1).containsEntry("candidate entries", 3);
    KbDocument org = written(out, "candidates/example-cancer-foundation.md");
    assertThat(org.frontMatter().docType()).isEqualTo("organization");
    assertThat(org.frontMatter().status()).isEqualTo("draft");
    assertThat(org.frontMatter().tags()).contains("ecf");
    assertThat(org.frontMatter().extra("candidate").orElseThrow().asBoolean()).isTrue();
    assertThat(org.frontMatter().extra("mentionedIn").orElseThrow().get(0).asText())
        .isEqualTo("support-after-a-diagnosis");
    assertThat(org.body()).contains("runs a free helpline");
    assertThat(written(out, "candidates/carecircle.md").frontMatter().docType())
        .isEqualTo("resource");
    assertThat(written(out, "candidates/hopeline-chat.md").frontMatter().title())
        .isEqualTo("HopeLine Chat");
    assertThat(written(out, "support-after-a-diagnosis.md").frontMatter().status())
        .isEqualTo("active");
  }

  @Test
  void theSameNameOnTwoPagesIsOneCandidate() throws Exception {
    Path a = out.resolve("src/a.txt");
    Path b = out.resolve("src/b.txt");
    java.nio.file.Files.createDirectories(a.getParent());
    java.nio.file.Files.writeString(a, "Page A\n\nThe Example Cancer Foundation helps.\n");
    java.nio.file.Files.writeString(b, "Page B\n\nAsk the Example Cancer Foundation.\n");
    ImportReport r = run(ImportKind.TEXT, out.resolve("kb"), a, b);
    assertThat(r.types()).containsEntry("candidate entries", 1);
    KbDocument c = written(out.resolve("kb"), "candidates/example-cancer-foundation.md");
    assertThat(c.frontMatter().extra("mentionedIn").orElseThrow().toString())
        .isEqualTo("[\"page-a\",\"page-b\"]");
    assertThat(c.body())
        .contains("- Page A: “The Example Cancer Foundation helps.”")
        .contains("- Page B: “Ask the Example Cancer Foundation.”");
  }

  @Test
  void headingsAreShortLinesThatDoNotEndLikeSentences() {
    assertThat(TextPageReader.isHeading("Understanding Research", true)).isTrue();
    assertThat(TextPageReader.isHeading("What is Cancer and Metastasis?", true)).isTrue();
    assertThat(TextPageReader.isHeading("Achieving Our Mission:", true)).isTrue();
    assertThat(TextPageReader.isHeading("The MRS is:", true)).isFalse();
    assertThat(TextPageReader.isHeading("Welcome to the society!", true)).isFalse();
    assertThat(TextPageReader.isHeading("Understanding Research", false)).isFalse();
    assertThat(TextPageReader.isHeading("lower case start", true)).isFalse();
  }

  @Test
  void writtenPagesCarryTheirInferenceMarks() {
    run(ImportKind.TEXT, out, fixture("text/support-page.txt"));
    String t = text(out, "support-after-a-diagnosis.md");
    assertThat(t)
        .contains("inferred:\n  - docType\n  - language\n  - audienceLevel\n" + "  - cancerTypes\n")
        .contains(
            "license: link_only\n",
            "readabilityFormula: flesch-kincaid\n",
            "contentHash: sha256:",
            "importedFrom: text:support-page.txt\n",
            "importHash: ");
    assertThat(written(out, "support-after-a-diagnosis.md").frontMatter().cancerTypes())
        .containsExactly("metastatic cancer");
  }
}
