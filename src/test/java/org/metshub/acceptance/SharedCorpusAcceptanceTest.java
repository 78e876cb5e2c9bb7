package org.metshub.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metshub.kb.KbDocument;
import org.metshub.kb.KbFile;
import org.metshub.kb.KbReader;
import org.metshub.kb.Severity;
import org.metshub.kb.ValidationReport;
import org.metshub.kb.Validator;
import org.metshub.kb.Vocabularies;
import org.metshub.testing.Fixtures;
import org.metshub.testing.SharedData;

/** Reads the real third-party data in ../shared (skipped without it, required under CI). */
class SharedCorpusAcceptanceTest {
  private final Vocabularies vocab = Vocabularies.bundled();

  @Test
  void seedKnowledgeBaseFileIsValid() {
    Path seeds = SharedData.require("seeds");
    // The seed KB file is a .txt (a KB folder's reader takes only .md files): read it directly.
    Path seed003 = seeds.resolve(seedName(seeds));
    KbFile f = new KbReader(vocab).read(seed003);
    List<KbFile> checked = new Validator(vocab, Fixtures.schedule()).validate(List.of(f));
    assertThat(checked.get(0)).isInstanceOf(KbDocument.class);
    assertThat(checked.get(0).hasErrors()).as(checked.get(0).problems().toString()).isFalse();
    KbDocument d = (KbDocument) checked.get(0);
    assertThat(d.frontMatter().cancerTypes()).contains("metastatic cancer", "breast");
    assertThat(d.sections()).isNotEmpty();
    assertThat(d.sections().get(0).links().get(0).href())
        .startsWith("https://www.cancer.gov/news-events/");
  }

  private static String seedName(Path seeds) {
    try (var s = java.nio.file.Files.list(seeds)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("003_"))
          .findFirst()
          .orElseThrow();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void nciCorpusIsReadCompletely() {
    Path kb = SharedData.require("corpora/nci-kb/kb");
    long start = System.nanoTime();
    List<KbFile> files = new KbReader(vocab).readAll(List.of(kb));
    List<KbFile> checked = new Validator(vocab, Fixtures.schedule()).validate(files);
    long ms = (System.nanoTime() - start) / 1_000_000;
    ValidationReport report = ValidationReport.of(checked, Fixtures.schedule());
    System.out.printf(
        "nci-kb: %d files, %d valid, %d with warnings, %d with errors,"
            + " %d errors, %d warnings, read+validated in %d ms%n",
        report.files(),
        report.valid(),
        report.withWarnings(),
        report.withErrors(),
        report.problemCount(Severity.ERROR),
        report.problemCount(Severity.WARNING),
        ms);
    assertThat(report.files()).isEqualTo(1433);
    long documents = checked.stream().filter(f -> f instanceof KbDocument).count();
    assertThat(documents).isEqualTo(1433);
    // Real faults the corpus is known to have are reported, not hidden.
    assertThat(
            checked.stream()
                .flatMap(f -> f.problems().stream())
                .filter(p -> p.rule().startsWith("health-professional"))
                .count())
        .isGreaterThanOrEqualTo(244);
    assertThat(
            checked.stream()
                .flatMap(f -> f.problems().stream())
                .filter(p -> p.rule().startsWith("must name cancer types"))
                .count())
        .isPositive();
    // The one file with an empty title is an error naming the field.
    assertThat(
            checked.stream()
                .flatMap(f -> f.problems().stream())
                .filter(p -> p.severity() == Severity.ERROR))
        .extracting(p -> p.field())
        .containsOnly("title");
  }
}
