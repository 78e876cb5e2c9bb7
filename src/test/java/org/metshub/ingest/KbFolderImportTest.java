package org.metshub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metshub.ingest.ImportFixtures.fixture;
import static org.metshub.ingest.ImportFixtures.run;
import static org.metshub.ingest.ImportFixtures.text;
import static org.metshub.ingest.ImportFixtures.written;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.kb.KbDocument;

class KbFolderImportTest {
  @TempDir Path out;

  private ImportReport importFixtureKb() {
    return run(ImportKind.KB, out, fixture("kb"));
  }

  @Test
  void everyFileIsWrittenOrRejectedWithItsReason() {
    ImportReport r = importFixtureKb();
    assertThat(r.itemsRead()).isEqualTo(5);
    assertThat(r.files())
        .extracting(ImportReport.FileEntry::path)
        .containsExactlyInAnyOrder(
            "guides/colon-hp.md", "guides/metastatic-breast.md", "untitled.md");
    assertThat(r.rejected())
        .extracting(ImportReport.Rejection::reason)
        .satisfiesExactlyInAnyOrder(
            a -> assertThat(a).contains("README.md:1: error: file: must start with a '---' line"),
            b -> assertThat(b).contains("listed in manifest.json but there is no such file"));
    assertThat(ImportFixtures.validationErrors(out)).isEmpty();
  }

  @Test
  void crlfAndQuotingAreFixedAndTheStatusBecomesDraftWithTheOriginalKept() {
    importFixtureKb();
    String t = text(out, "guides/metastatic-breast.md");
    assertThat(t).doesNotContain("\r").contains("status: draft\n");
    KbDocument d = written(out, "guides/metastatic-breast.md");
    assertThat(d.frontMatter().extra("original").orElseThrow().path("status").asText())
        .isEqualTo("active");
  }

  @Test
  void cancerTypesTheTextDoesNotNameAsCancersAreDroppedAndTheOriginalKept() {
    ImportReport r = importFixtureKb();
    KbDocument d = written(out, "guides/metastatic-breast.md");
    assertThat(d.frontMatter().cancerTypes())
        .containsExactlyInAnyOrder("breast", "metastatic cancer");
    assertThat(d.frontMatter().extra("original").orElseThrow().path("cancerTypes").toString())
        .isEqualTo("[\"breast\",\"liver\",\"lung\"]");
    assertThat(d.frontMatter().extra("inferred").orElseThrow().toString()).contains("cancerTypes");
    assertThat(r.warnings())
        .anyMatch(
            w ->
                w.startsWith(
                        "guides/metastatic-breast.md:"
                            + " cancerTypes: [breast, liver, lung] → [breast, metastatic cancer]")
                    && w.contains("dropped lung: only negated mentions")
                    && w.contains("dropped liver: mentioned only as a body part"));
  }

  @Test
  void healthProfessionalPagesMarkedForPatientsBecomeClinicianAndTopicsMoveToTags() {
    ImportReport r = importFixtureKb();
    KbDocument d = written(out, "guides/colon-hp.md");
    assertThat(d.frontMatter().audienceLevel()).isEqualTo("clinician");
    assertThat(d.frontMatter().extra("original").orElseThrow().path("audienceLevel").asText())
        .isEqualTo("patient");
    assertThat(d.frontMatter().cancerTypes()).containsExactly("colorectal");
    assertThat(d.frontMatter().tags()).containsExactly("pdq", "treatment");
    assertThat(r.audienceCorrections()).isEqualTo(1);
    assertThat(r.audienceChanges()).containsEntry("patient → clinician", 1);
    assertThat(r.cancerTypeCorrections()).isEqualTo(2);
    assertThat(r.cancerTypesMoved()).isEqualTo(1);
    assertThat(r.normalisedTypes()).isEqualTo(1); // "colon cancer" is a synonym of colorectal
  }

  @Test
  void anEmptyTitleIsTakenFromTheUrlAndManifestFieldsFillTheGaps() {
    ImportReport r = importFixtureKb();
    KbDocument d = written(out, "untitled.md");
    assertThat(d.frontMatter().title()).isEqualTo("Living with advanced cancer");
    assertThat(d.frontMatter().extra("inferred").orElseThrow().toString()).contains("title");
    assertThat(d.frontMatter().datePublished()).contains(LocalDate.of(2024, 3, 1));
    assertThat(d.frontMatter().extra("published_at")).isEmpty();
    assertThat(d.frontMatter().citation()).isEqualTo("Example Agency, 2024");
    assertThat(d.frontMatter().reviewFrequency()).isEqualTo("annual");
    assertThat(d.frontMatter().license()).isEqualTo("public_domain");
    assertThat(r.warnings())
        .anyMatch(
            w ->
                w.contains(
                    "manifest.json gives license \"cc_by\","
                        + " the file \"public_domain\"; kept the file's"));
  }

  @Test
  void reimportingTheOutputChangesNothingAndKeepsTheFirstOriginals(@TempDir Path again) {
    importFixtureKb();
    ImportReport second = run(ImportKind.KB, again, out);
    assertThat(second.rejected()).isEmpty();
    KbDocument d = written(again, "guides/colon-hp.md");
    assertThat(d.frontMatter().audienceLevel()).isEqualTo("clinician");
    assertThat(d.frontMatter().extra("original").orElseThrow().path("audienceLevel").asText())
        .isEqualTo("patient");
    assertThat(second.audienceCorrections()).isZero();
  }
}
