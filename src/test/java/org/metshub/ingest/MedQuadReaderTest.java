package org.metshub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metshub.ingest.ImportFixtures.fixture;
import static org.metshub.ingest.ImportFixtures.run;
import static org.metshub.ingest.ImportFixtures.written;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.kb.KbDocument;

class MedQuadReaderTest {
  @TempDir Path dir;

  @Test
  void onePageBecomesOneDocumentWithOneSectionPerQuestionType() {
    ImportReport r = run(ImportKind.MEDQUAD, dir.resolve("kb"), fixture("medquad/0000001_1.xml"));
    assertThat(r.rejected()).isEmpty();
    KbDocument d = written(dir.resolve("kb"), "bone-metastases.md");
    assertThat(d.frontMatter().title()).isEqualTo("Bone Metastases");
    assertThat(d.frontMatter().url()).isEqualTo("https://health.example.gov/types/bone-spread");
    assertThat(d.frontMatter().source()).isEqualTo("ExampleGov");
    assertThat(d.frontMatter().license()).isEqualTo("cc_by");
    assertThat(d.frontMatter().citation()).contains("MedQuAD");
    assertThat(d.frontMatter().extra("medquadId").orElseThrow().asText()).isEqualTo("0000001");
    assertThat(d.sections())
        .extracting(s -> s.headingPath().get(s.headingPath().size() - 1))
        .containsExactly(
            "What is (are) Bone Metastases?",
            "What are the symptoms of Bone Metastases?",
            "What are the treatments for Bone Metastases?");
    assertThat(d.body())
        .contains("**Who should get treatment for Bone Metastases?**")
        .contains("- Bone metastases are cancer cells that have spread")
        .doesNotContain("outlook");
    assertThat(d.frontMatter().metastaticSites()).contains("bone");
  }

  @Test
  void aQuestionWithoutAnswerIsLeftOutWithAWarningAndAFileWithNoneIsRejected() {
    ImportReport r =
        run(
            ImportKind.MEDQUAD,
            dir.resolve("kb"),
            fixture("medquad/0000001_1.xml"),
            fixture("medquad/no-answers.xml"));
    assertThat(r.warnings())
        .anyMatch(w -> w.contains("What is the outlook for Bone Metastases ?" + "' has no answer"));
    assertThat(r.rejected())
        .singleElement()
        .satisfies(x -> assertThat(x.reason()).endsWith("no question has an answer"));
  }

  @Test
  void malformedXmlIsRejectedWithItsLine() {
    ImportReport r = run(ImportKind.MEDQUAD, dir.resolve("kb"), fixture("medquad/malformed.xml"));
    assertThat(r.rejected())
        .singleElement()
        .satisfies(
            x -> assertThat(x.reason()).contains("malformed.xml:5: not well-formed or unsafe XML"));
  }

  @Test
  void externalEntitiesAreRefusedAndNothingIsRead() throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-VALUE");
    Path xxe = dir.resolve("xxe.xml");
    Files.writeString(
        xxe,
        """
        <?xml version="1.0"?>
        <!DOCTYPE Document [<!ENTITY xxe SYSTEM "%s">]>
        <Document id="9" source="x" url="https://example.org/x">
        <Focus>&xxe;</Focus>
        <QAPairs><QAPair pid="1"><Question qtype="information">What is &xxe; ?</Question>
        <Answer>&xxe;</Answer></QAPair></QAPairs>
        </Document>
        """
            .formatted(secret.toUri()));
    ImportReport r = run(ImportKind.MEDQUAD, dir.resolve("kb"), xxe);
    assertThat(r.files()).isEmpty();
    assertThat(r.rejected())
        .singleElement()
        .satisfies(x -> assertThat(x.reason()).contains("DOCTYPE"));
    assertThat(r.render()).doesNotContain("TOP-SECRET-VALUE");
    assertThat(ImportFixtures.fileCount(dir.resolve("kb"))).isZero();
  }

  @Test
  void entityExpansionBombsAreRefused() throws Exception {
    Path bomb = dir.resolve("bomb.xml");
    StringBuilder sb =
        new StringBuilder(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n" + "<!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      sb.append("<!ENTITY lol")
          .append(i)
          .append(" \"")
          .append(("&lol" + (i - 1) + ";").repeat(10))
          .append("\">\n");
    }
    sb.append("]>\n<Document><Focus>&lol9;</Focus></Document>\n");
    Files.writeString(bomb, sb.toString());
    ImportReport r = run(ImportKind.MEDQUAD, dir.resolve("kb"), bomb);
    assertThat(r.rejected())
        .singleElement()
        .satisfies(x -> assertThat(x.reason()).contains("DOCTYPE"));
  }
}
