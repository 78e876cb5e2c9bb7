package org.metshub.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.ingest.ImportKind;
import org.metshub.ingest.ImportOptions;
import org.metshub.ingest.ImportReport;
import org.metshub.ingest.Importer;
import org.metshub.kb.KbDocument;
import org.metshub.kb.KbFile;
import org.metshub.kb.KbReader;
import org.metshub.kb.Severity;
import org.metshub.kb.ValidationReport;
import org.metshub.kb.Validator;
import org.metshub.kb.Vocabularies;
import org.metshub.testing.Fixtures;
import org.metshub.testing.SharedData;

/** Imports the real third-party data in ../shared (skipped without it, required under CI). */
class ImportAcceptanceTest {
  private final Vocabularies vocab = Vocabularies.bundled();
  private final Importer importer = new Importer(vocab, ImportOptions.defaults());

  @TempDir Path out;

  private static Path seed(String prefix) {
    Path seeds = SharedData.require("seeds");
    try (Stream<Path> s = Files.list(seeds)) {
      return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<KbFile> validated(Path dir) {
    List<KbFile> files = new KbReader(vocab).readAll(List.of(dir));
    return new Validator(vocab, Fixtures.schedule()).validate(files);
  }

  @Test
  void theFourSeedsImportAsValidFilesWithTwentyFourDatedNewsItems() {
    ImportReport pages =
        importer.run(ImportKind.TEXT, List.of(seed("000_"), seed("001_"), seed("002_")), out);
    ImportReport news = importer.run(ImportKind.NEWS, List.of(seed("003_")), out);
    System.out.print(pages.render());
    System.out.print(news.render());

    assertThat(pages.rejected()).isEmpty();
    assertThat(pages.types()).containsEntry("documents", 3);
    assertThat(news.rejected()).isEmpty();
    assertThat(news.files()).hasSize(24);
    List<KbDocument> items =
        validated(out.resolve("news")).stream().map(f -> (KbDocument) f).toList();
    assertThat(items)
        .hasSize(24)
        .allSatisfy(
            d -> {
              assertThat(d.frontMatter().docType()).isEqualTo("news");
              assertThat(d.frontMatter().datePublished()).isPresent();
              assertThat(d.frontMatter().url()).startsWith("https://www.cancer.gov/");
            });
    assertThat(items)
        .extracting(d -> d.frontMatter().datePublished().orElseThrow())
        .contains(LocalDate.of(2025, 5, 6), LocalDate.of(2009, 2, 10))
        .doesNotHaveDuplicates();
    List<KbFile> all = validated(out);
    assertThat(
            all.stream()
                .flatMap(f -> f.problems().stream())
                .filter(p -> p.severity() == Severity.ERROR))
        .isEmpty();
  }

  @Test
  void theNciCorpusImportsAs1433ValidFilesWithItsFaultsCorrected() {
    Path kb = SharedData.require("corpora/nci-kb/kb");
    ImportReport r = importer.run(ImportKind.KB, List.of(kb), out);
    long start = System.nanoTime();
    List<KbFile> checked = validated(out);
    long validateMs = (System.nanoTime() - start) / 1_000_000;
    ValidationReport v = ValidationReport.of(checked, Fixtures.schedule());
    System.out.printf(
        "nci-kb import: %d items, %d written, %d rejected in %d ms; audienceLevel"
            + " corrected in %d documents %s; cancerTypes corrected in %d documents (%d dropped,"
            + " %d added, %d moved to tags); validate: %d errors, %d warnings in %d ms%n",
        r.itemsRead(),
        r.files().size(),
        r.rejected().size(),
        r.millis(),
        r.audienceCorrections(),
        r.audienceChanges(),
        r.cancerTypeCorrections(),
        r.cancerTypesDropped(),
        r.cancerTypesAdded(),
        r.cancerTypesMoved(),
        v.problemCount(Severity.ERROR),
        v.problemCount(Severity.WARNING),
        validateMs);

    assertThat(r.rejected()).isEmpty();
    assertThat(r.files()).hasSize(1433);
    assertThat(v.files()).isEqualTo(1433);
    assertThat(v.withErrors()).isZero();
    // Every "-hp-" page was marked for patients; all become clinician.
    assertThat(r.audienceChanges()).containsEntry("patient → clinician", 301);
    assertThat(v.audiences()).containsEntry("clinician", 301);
    assertThat(r.cancerTypeCorrections()).isGreaterThan(600);
    assertThat(r.cancerTypesMoved()).isEqualTo(34);
    // What the validator flagged in the source is gone from the output.
    assertThat(checked.stream().flatMap(f -> f.problems().stream()).map(p -> p.rule()))
        .noneMatch(
            rule ->
                rule.startsWith("health-professional")
                    || rule.startsWith("must name cancer types")
                    || rule.contains("never mentioned"));
    assertThat(v.statuses()).containsOnlyKeys("draft");
  }
}
