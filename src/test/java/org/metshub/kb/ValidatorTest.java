package org.metshub.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metshub.testing.Fixtures.document;
import static org.metshub.testing.Fixtures.validDoc;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metshub.testing.Fixtures;

/** One test per validation rule, each with a file that breaks it. */
class ValidatorTest {
  private final Validator validator = new Validator(Vocabularies.bundled(), Fixtures.schedule());

  private List<Problem> problems(String name, String text) {
    KbFile f = Fixtures.parse(name, text);
    return validator.validate(List.of(f)).get(0).problems();
  }

  @Test
  void aValidDocumentHasNoProblems() {
    assertThat(problems("ok.md", validDoc("", "# Bone\n\nMetastatic cancer in bone.\n"))).isEmpty();
  }

  @Test
  void healthProfessionalFileMarkedPatient() {
    List<Problem> p =
        problems(
            "breast-treatment-hp-pdq.md",
            validDoc(
                "",
                "# Breast Cancer Treatment (PDQ®)–Health Professional Version\n\nMetastatic text.\n"));
    assertThat(p)
        .extracting(Problem::field, Problem::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("audienceLevel", Severity.WARNING));
    assertThat(p.get(0).line()).isEqualTo(6);
  }

  @Test
  void patientPageThatLinksToTheProfessionalVersionIsNotFlagged() {
    assertThat(
            problems(
                "breast-treatment-pdq.md",
                validDoc(
                    "",
                    "# Breast Cancer Treatment\n\n[Go to Health Professional Version](/x)\n\nMetastatic.\n")))
        .isEmpty();
  }

  @Test
  void cancerTypeListedButNeverMentioned() {
    String text =
        validDoc("", "# Bone\n\nMetastatic cancer in bone.\n")
            .replace("- metastatic cancer\n", "- metastatic cancer\n- liver\n");
    assertThat(problems("a.md", text))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("cancerTypes");
              assertThat(p.message())
                  .isEqualTo("is listed but never mentioned in the title or body, got 'liver'");
              assertThat(p.line()).isEqualTo(7);
            });
  }

  @Test
  void nonCancerValuesInCancerTypes() {
    String text =
        validDoc("", "# Bone\n\nMetastatic cancer.\n")
            .replace("- metastatic cancer\n", "- metastatic cancer\n- treatment\n- pdq\n");
    assertThat(problems("a.md", text))
        .extracting(Problem::message)
        .containsExactly(
            "must name cancer types, not treatments or topics (move it to tags), got 'treatment'",
            "must name cancer types, not treatments or topics (move it to tags), got 'pdq'");
  }

  @Test
  void unknownCancerTypeSuggestsTheClosest() {
    String text =
        validDoc("", "# Bone\n\nMetastatic cancer.\n")
            .replace("- metastatic cancer\n", "- metastatic cancer\n- prostrate\n");
    assertThat(problems("a.md", text))
        .extracting(Problem::message)
        .containsExactly(
            "must be in the cancer-types vocabulary (closest: 'prostate'), got 'prostrate'");
  }

  @Test
  void unknownMetastaticSite() {
    assertThat(
            problems(
                "a.md",
                validDoc("metastaticSites: [bones, livr]\n", "# Bone\n\nMetastatic cancer.\n")))
        .extracting(Problem::message)
        .containsExactly(
            "must be in the metastatic-sites vocabulary (closest: 'liver'), got 'livr'");
  }

  @Test
  void missingUrlOnContentWeDoNotOwn() {
    String text =
        validDoc("", "# Bone\n\nMetastatic cancer.\n")
            .replace("license: owned", "license: public_domain");
    assertThat(problems("a.md", text)).extracting(Problem::field).containsExactly("url");
  }

  @Test
  void overdueReview() {
    String text =
        validDoc("", "# Bone\n\nMetastatic cancer.\n")
            .replace("lastReviewed: '2026-11-01'", "lastReviewed: '2025-01-01'");
    assertThat(problems("a.md", text))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("lastReviewed");
              assertThat(p.message())
                  .startsWith("review is overdue (next review was due 2026-01-01)");
            });
  }

  @Test
  void activeDocumentWithoutReviewDate() {
    String text =
        validDoc("", "# Bone\n\nMetastatic cancer.\n").replace("lastReviewed: '2026-11-01'\n", "");
    assertThat(problems("a.md", text)).extracting(Problem::field).containsExactly("lastReviewed");
  }

  @Test
  void emptyBody() {
    assertThat(problems("a.md", validDoc("", "\n"))).extracting(Problem::field).contains("body");
  }

  @Test
  void organisationNeedsCountriesAndKnownServices() {
    String text =
        validDoc("services: [helpline, hugs]\n", "# Org\n\nMetastatic help.\n")
            .replace("docType: article", "docType: organization");
    assertThat(problems("a.md", text))
        .extracting(Problem::field)
        .containsExactlyInAnyOrder("countries", "services");
  }

  @Test
  void spanishSummaryIsAcceptedWhenItIsOneText() {
    String text =
        validDoc(
                "services: [helpline]\ncountries: [ES]\n"
                    + "summaryEs: \"Una línea de ayuda gratis.\"\n",
                "# Org\n\nMetastatic help.\n")
            .replace("docType: article", "docType: organization");
    assertThat(problems("a.md", text)).isEmpty();
  }

  @Test
  void spanishSummaryMustBeOneNonEmptyText() {
    String list = validDoc("summaryEs: [uno, dos]\n", "# Bone\n\nMetastatic.\n");
    assertThat(problems("a.md", list))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("summaryEs");
              assertThat(p.message())
                  .startsWith("must be the summary in Spanish, as one non-empty text");
            });
    String blank = validDoc("summaryEs: ''\n", "# Bone\n\nMetastatic.\n");
    assertThat(problems("a.md", blank)).extracting(Problem::field).containsExactly("summaryEs");
  }

  @Test
  void spanishSummaryOnASpanishDocumentIsFlagged() {
    String text =
        validDoc("summaryEs: \"Hueso.\"\n", "# Hueso\n\nCáncer metastásico.\n")
            .replace("language: en", "language: es");
    assertThat(problems("a.md", text))
        .extracting(Problem::message)
        .containsExactly(
            "is for documents in another language; a Spanish document's summary is already Spanish,"
                + " got 'es'");
  }

  @Test
  void duplicateIdsAcrossFiles() {
    KbFile a = Fixtures.parse("a.md", validDoc("", "# A\n\nMetastatic.\n"));
    KbFile b = Fixtures.parse("b.md", validDoc("", "# B\n\nMetastatic.\n"));
    List<KbFile> out = validator.validate(List.of(a, b));
    assertThat(out.get(0).problems()).isEmpty();
    assertThat(out.get(1).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Severity.ERROR);
              assertThat(p.message()).contains("already used by a.md");
            });
  }

  @Test
  void translationsMustExistAndLinkBack() {
    KbFile en =
        Fixtures.parse(
            "en.md",
            validDoc("translations: {es: doc-es}\n", "# Bone\n\nMetastatic.\n")
                .replace("id: test-doc", "id: doc-en"));
    KbFile es =
        Fixtures.parse(
            "es.md",
            validDoc("", "# Hueso\n\nCáncer metastásico.\n")
                .replace("id: test-doc", "id: doc-es")
                .replace("language: en", "language: es"));
    List<KbFile> out = validator.validate(List.of(en, es));
    assertThat(out.get(0).problems())
        .extracting(Problem::message)
        .containsExactly("target document must link back to this one, got 'doc-es'");

    KbFile orphan =
        Fixtures.parse(
            "o.md",
            validDoc("translations: {es: missing}\n", "# Bone\n\nMetastatic.\n")
                .replace("id: test-doc", "id: orphan"));
    assertThat(validator.validate(List.of(orphan)).get(0).problems())
        .extracting(Problem::message)
        .containsExactly("must name an existing document, got 'es: missing'");
  }

  @Test
  void unreadableFilesPassThroughWithTheirProblem() {
    KbFile readme = Fixtures.parse("README.md", "# Notes\n");
    assertThat(validator.validate(List.of(readme)).get(0)).isInstanceOf(UnreadableFile.class);
  }

  @Test
  void documentLevelCheckIsReusableWithoutTheCollection() {
    KbDocument d = document("a.md", validDoc("", "# Bone\n\nMetastatic.\n"));
    assertThat(validator.check(d)).isEmpty();
  }
}
