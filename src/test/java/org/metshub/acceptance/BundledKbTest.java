package org.metshub.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.metshub.kb.FrontMatter;
import org.metshub.kb.KbDocument;
import org.metshub.kb.KbFile;
import org.metshub.kb.KbReader;
import org.metshub.kb.Problem;
import org.metshub.kb.Validator;
import org.metshub.kb.Vocabularies;
import org.metshub.testing.Fixtures;

/** The bundled KB in kb/ stays valid (no errors, no warnings) and covers what it promises. */
class BundledKbTest {
  private final Vocabularies vocab = Vocabularies.bundled();
  private final List<KbFile> files = new Validator(vocab, Fixtures.schedule())
      .validate(new KbReader(vocab).readAll(List.of(Path.of("kb"))));

  private List<FrontMatter> docs() {
    return files.stream().filter(f -> f instanceof KbDocument)
        .map(f -> ((KbDocument) f).frontMatter()).toList();
  }

  @Test
  void everyDocumentValidatesWithoutErrorsOrWarnings() {
    List<String> problems = files.stream().flatMap(f -> f.problems().stream())
        .map(Problem::format).toList();
    assertThat(problems).isEmpty();
    assertThat(files).allMatch(f -> f instanceof KbDocument);
  }

  @Test
  void coversTheRequiredDocumentKinds() {
    List<FrontMatter> docs = docs();
    assertThat(docs).hasSizeGreaterThanOrEqualTo(45);
    Map<String, Long> byType = docs.stream()
        .collect(Collectors.groupingBy(FrontMatter::docType, Collectors.counting()));
    assertThat(byType.get("news")).isGreaterThanOrEqualTo(3);
    assertThat(byType.get("event")).isGreaterThanOrEqualTo(1);
    assertThat(byType.get("glossary")).isGreaterThanOrEqualTo(1);
    assertThat(byType.get("organization")).isGreaterThanOrEqualTo(22);
    assertThat(docs.stream().filter(d -> d.language().equals("es"))).hasSizeGreaterThanOrEqualTo(10);
    assertThat(docs.stream().filter(d -> d.audienceLevel().equals("clinician")
        || d.audienceLevel().equals("researcher"))).hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void directoryNamesTheSeedOrganisationsAcrossFiveCountries() {
    List<FrontMatter> orgs = docs().stream().filter(d -> d.docType().equals("organization"))
        .toList();
    String titles = orgs.stream().map(FrontMatter::title).collect(Collectors.joining("\n"));
    for (String name : List.of("METAvivor", "Komen", "MetaCancer", "Patient Advocate Foundation",
        "Cancer Information Service", "Inspire", "PatientsLikeMe",
        "American Association for Cancer Research", "European Association for Cancer Research",
        "Japanese Association for Metastasis Research", "Tumor Metastasis", "Australian")) {
      assertThat(titles).as(name).contains(name);
    }
    assertThat(orgs.stream().flatMap(o -> o.countries().stream())
        .filter(c -> !c.equals("INT")).distinct()).hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void patientDocumentsReadAtGradeEightOrBelow() {
    // Flesch-Kincaid for English, Fernandez-Huerta (as a grade) for Spanish.
    List<String> tooHard = files.stream().filter(f -> f instanceof KbDocument)
        .map(f -> (KbDocument) f)
        .filter(d -> List.of("patient", "caregiver", "general")
            .contains(d.frontMatter().audienceLevel()))
        .filter(d -> org.metshub.kb.Readability.of(d.plainText(), d.frontMatter().language())
            .grade() > 8.0)
        .map(d -> d.path() + " grade " + org.metshub.kb.Readability.of(d.plainText(),
            d.frontMatter().language()).grade())
        .toList();
    assertThat(tooHard).isEmpty();
  }

  @Test
  void everyPrimaryCancerOverviewAndSitePageExists() {
    List<String> ids = docs().stream().map(FrontMatter::id).toList();
    assertThat(ids).contains("metastatic-breast-cancer", "metastatic-lung-cancer",
        "metastatic-prostate-cancer", "metastatic-colorectal-cancer",
        "metastatic-pancreatic-cancer", "metastatic-melanoma", "metastatic-kidney-cancer",
        "metastatic-ovarian-cancer", "bone-metastases", "brain-metastases", "liver-metastases",
        "lung-metastases", "peritoneal-metastases", "palliative-care", "metastasis-glossary");
  }
}
