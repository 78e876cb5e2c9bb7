package org.metshub.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.metshub.kb.Coverage;
import org.metshub.kb.FrontMatter;
import org.metshub.kb.KbDocument;
import org.metshub.kb.KbFile;
import org.metshub.kb.KbReader;
import org.metshub.kb.Problem;
import org.metshub.kb.Validator;
import org.metshub.kb.Vocabularies;
import org.metshub.testing.Fixtures;

/**
 * The bundled KB in kb/ stays valid (no errors, no warnings) and covers what it promises: every
 * reader page in both languages, and a directory with a patient-support organisation for each
 * primary cancer in each of its countries (issue 15). Each failure names what is missing.
 */
class BundledKbTest {
  /** The primary cancers the KB has an overview page for, and the directory must serve. */
  private static final List<String> PRIMARY_CANCERS =
      List.of(
          "breast",
          "lung",
          "prostate",
          "colorectal",
          "pancreatic",
          "melanoma",
          "kidney",
          "ovarian");

  /** The audiences of reader pages, which all need a Spanish translation. */
  private static final Set<String> READERS = Set.of("patient", "caregiver", "general");

  /** The gaps of the cancer x country matrix that are known, each with why (see README.txt). */
  private static final Path MATRIX_EXCEPTIONS = Path.of("kb/directory/matrix-exceptions.yaml");

  private final Vocabularies vocab = Vocabularies.bundled();
  private final List<KbFile> files =
      new Validator(vocab, Fixtures.schedule())
          .validate(new KbReader(vocab).readAll(List.of(Path.of("kb"))));

  private List<FrontMatter> docs() {
    return files.stream()
        .filter(f -> f instanceof KbDocument)
        .map(f -> ((KbDocument) f).frontMatter())
        .toList();
  }

  @Test
  void everyDocumentValidatesWithoutErrorsOrWarnings() {
    List<String> problems =
        files.stream().flatMap(f -> f.problems().stream()).map(Problem::format).toList();
    assertThat(problems).isEmpty();
    assertThat(files).allMatch(f -> f instanceof KbDocument);
  }

  @Test
  void coversTheRequiredDocumentKinds() {
    List<FrontMatter> docs = docs();
    assertThat(docs).hasSizeGreaterThanOrEqualTo(45);
    Map<String, Long> byType =
        docs.stream().collect(Collectors.groupingBy(FrontMatter::docType, Collectors.counting()));
    // Issue 15: 14 news items, 20 more organisations than the 22 seeds, 70 Spanish documents.
    assertThat(byType.get("news")).isGreaterThanOrEqualTo(14);
    assertThat(byType.get("event")).isGreaterThanOrEqualTo(1);
    assertThat(byType.get("glossary")).isGreaterThanOrEqualTo(1);
    assertThat(byType.get("organization")).isGreaterThanOrEqualTo(42);
    assertThat(docs.stream().filter(d -> d.language().equals("es")))
        .hasSizeGreaterThanOrEqualTo(70);
    assertThat(
            docs.stream()
                .filter(
                    d ->
                        d.audienceLevel().equals("clinician")
                            || d.audienceLevel().equals("researcher")))
        .hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void directoryNamesTheSeedOrganisationsAcrossFiveCountries() {
    List<FrontMatter> orgs =
        docs().stream().filter(d -> d.docType().equals("organization")).toList();
    String titles = orgs.stream().map(FrontMatter::title).collect(Collectors.joining("\n"));
    for (String name :
        List.of(
            "METAvivor",
            "Komen",
            "MetaCancer",
            "Patient Advocate Foundation",
            "Cancer Information Service",
            "Inspire",
            "PatientsLikeMe",
            "American Association for Cancer Research",
            "European Association for Cancer Research",
            "Japanese Association for Metastasis Research",
            "Tumor Metastasis",
            "Australian")) {
      assertThat(titles).as(name).contains(name);
    }
    assertThat(
            orgs.stream()
                .flatMap(o -> o.countries().stream())
                .filter(c -> !c.equals("INT"))
                .distinct())
        .hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void patientDocumentsReadAtGradeEightOrBelow() {
    // Flesch-Kincaid for English, Fernandez-Huerta (as a grade) for Spanish.
    List<String> tooHard =
        files.stream()
            .filter(f -> f instanceof KbDocument)
            .map(f -> (KbDocument) f)
            .filter(
                d ->
                    List.of("patient", "caregiver", "general")
                        .contains(d.frontMatter().audienceLevel()))
            .filter(
                d ->
                    org.metshub.kb.Readability.of(d.plainText(), d.frontMatter().language()).grade()
                        > 8.0)
            .map(
                d ->
                    d.path()
                        + " grade "
                        + org.metshub.kb.Readability.of(d.plainText(), d.frontMatter().language())
                            .grade())
            .toList();
    assertThat(tooHard).isEmpty();
  }

  @Test
  void everyPrimaryCancerOverviewAndSitePageExists() {
    List<String> ids = docs().stream().map(FrontMatter::id).toList();
    assertThat(ids)
        .contains(
            "metastatic-breast-cancer",
            "metastatic-lung-cancer",
            "metastatic-prostate-cancer",
            "metastatic-colorectal-cancer",
            "metastatic-pancreatic-cancer",
            "metastatic-melanoma",
            "metastatic-kidney-cancer",
            "metastatic-ovarian-cancer",
            "bone-metastases",
            "brain-metastases",
            "liver-metastases",
            "lung-metastases",
            "peritoneal-metastases",
            "palliative-care",
            "metastasis-glossary");
  }

  @Test
  void everyEnglishReaderPageHasASpanishTranslationThatLinksBack() {
    Map<String, FrontMatter> byId =
        docs().stream().collect(Collectors.toMap(FrontMatter::id, Function.identity()));
    List<String> missing = new ArrayList<>();
    for (FrontMatter d : byId.values()) {
      if (!d.language().equals("en")
          || !READERS.contains(d.audienceLevel())
          || d.docType().equals("organization")) {
        continue; // directory entries carry a Spanish summary instead (checked below)
      }
      String es = translation(d, "es");
      FrontMatter target = byId.get(es);
      if (es.isEmpty()) {
        missing.add(d.id() + ": no Spanish translation (translations.es)");
      } else if (target == null || !target.language().equals("es")) {
        missing.add(d.id() + ": translations.es names '" + es + "', not a Spanish document");
      } else if (!translation(target, "en").equals(d.id())) {
        missing.add(es + ": does not link back to " + d.id() + " (translations.en)");
      }
    }
    assertThat(missing).as("English reader pages without a linked Spanish translation").isEmpty();
  }

  @Test
  void everyDirectoryEntryHasASpanishSummary() {
    List<String> missing =
        docs().stream()
            .filter(d -> d.docType().equals("organization"))
            .filter(
                d ->
                    d.extra(org.metshub.kb.Validator.SUMMARY_ES)
                        .map(JsonNode::asText)
                        .orElse("")
                        .isBlank())
            .map(FrontMatter::id)
            .sorted()
            .toList();
    assertThat(missing).as("organisations without summaryEs").isEmpty();
  }

  @Test
  void directoryHasAPatientOrganisationForEveryPrimaryCancerInEveryCountry() throws IOException {
    Map<String, String> exceptions = matrixExceptions();
    Set<String> gaps = new TreeSet<>();
    for (String cancer : PRIMARY_CANCERS) {
      for (String country : Coverage.DIRECTORY_COUNTRIES) {
        boolean served =
            patientOrganisations()
                .anyMatch(o -> o.cancerTypes().contains(cancer) && o.countries().contains(country));
        if (!served) {
          gaps.add(country + "/" + cancer);
        }
      }
    }
    assertThat(gaps.stream().filter(g -> !exceptions.containsKey(g)).toList())
        .as(
            "cancer x country cells with no patient-support organisation and no documented"
                + " reason in "
                + MATRIX_EXCEPTIONS)
        .isEmpty();
    assertThat(exceptions.keySet().stream().filter(g -> !gaps.contains(g)).toList())
        .as("documented gaps in " + MATRIX_EXCEPTIONS + " that are filled now (remove them)")
        .isEmpty();
  }

  @Test
  void directoryHasSpanishLanguageServicesInTheAmericas() {
    List<String> without =
        List.of("US", "MX", "AR", "CO").stream()
            .filter(
                country ->
                    patientOrganisations()
                        .noneMatch(
                            o ->
                                o.countries().contains(country)
                                    && o.extra("languages")
                                        .map(n -> n.toString().contains("\"es\""))
                                        .orElse(false)))
            .toList();
    assertThat(without).as("countries with no Spanish-language organisation").isEmpty();
  }

  private java.util.stream.Stream<FrontMatter> patientOrganisations() {
    // NCI's Cancer Information Service (02_nci_core) answers patients too; societies do not.
    return docs().stream()
        .filter(d -> d.docType().equals("organization") && d.isPublic())
        .filter(d -> !d.sourceType().equals("03_professional_society"));
  }

  private static String translation(FrontMatter d, String language) {
    return d.extra("translations").map(n -> n.path(language).asText("")).orElse("");
  }

  /** The documented gaps, as "country/cancer" to why; each must name both and say why. */
  private static Map<String, String> matrixExceptions() throws IOException {
    JsonNode list = new ObjectMapper(new YAMLFactory()).readTree(MATRIX_EXCEPTIONS.toFile());
    Map<String, String> out = new java.util.TreeMap<>();
    for (JsonNode e : list) {
      String key = e.path("country").asText("") + "/" + e.path("cancer").asText("");
      assertThat(e.path("why").asText("")).as(MATRIX_EXCEPTIONS + " " + key + ": why").isNotBlank();
      assertThat(PRIMARY_CANCERS)
          .as(MATRIX_EXCEPTIONS + " " + key + ": cancer")
          .contains(e.path("cancer").asText(""));
      assertThat(Coverage.DIRECTORY_COUNTRIES)
          .as(MATRIX_EXCEPTIONS + " " + key + ": country")
          .contains(e.path("country").asText(""));
      out.put(key, e.path("why").asText());
    }
    return out;
  }
}
