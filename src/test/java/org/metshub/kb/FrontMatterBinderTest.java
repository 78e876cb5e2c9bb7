package org.metshub.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metshub.testing.Fixtures.document;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FrontMatterBinderTest {

  @Test
  void acceptsRealWorldVariants() {
    KbDocument d =
        document(
            "x.md",
            """
        ---
        title: "Quoted title"
        status: "active"
        lastReviewed: 2025-12-30
        datePublished: '2025-05-06T10:00:00Z'
        cancerTypes: Breast
        tags: a, b
        audienceLevel: Health Professional
        license: CC-BY
        version: 2
        url: https://www.cancer.gov/types/breast
        ---
        Breast text.
        """);
    FrontMatter fm = d.frontMatter();
    assertThat(fm.title()).isEqualTo("Quoted title");
    assertThat(fm.status()).isEqualTo("active");
    assertThat(fm.lastReviewed()).contains(LocalDate.of(2025, 12, 30));
    assertThat(fm.datePublished()).contains(LocalDate.of(2025, 5, 6));
    assertThat(fm.cancerTypes()).containsExactly("breast");
    assertThat(fm.tags()).containsExactly("a", "b");
    assertThat(fm.audienceLevel()).isEqualTo("clinician");
    assertThat(fm.license()).isEqualTo("cc_by");
    assertThat(fm.version()).isEqualTo("2");
    assertThat(fm.id()).isEqualTo("x");
  }

  @Test
  void badDateIsAnErrorNamingLineFieldAndValue() {
    KbDocument d = document("bone.md", "---\ntitle: T\nlastReviewed: '2025-13-01'\n---\nx\n");
    assertThat(d.problems())
        .filteredOn(p -> p.severity() == Severity.ERROR)
        .extracting(Problem::format)
        .containsExactly(
            "bone.md:3: error: lastReviewed: must be a date (YYYY-MM-DD), got '2025-13-01'");
  }

  @Test
  void unknownStatusIsAnErrorWithTheClosestValue() {
    KbDocument d = document("a.md", "---\ntitle: T\nstatus: actve\n---\nx\n");
    assertThat(d.problems())
        .filteredOn(p -> p.field().equals("status"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Severity.ERROR);
              assertThat(p.message()).contains("closest: 'active'").contains("got 'actve'");
            });
  }

  @Test
  void unknownAudienceIsAWarningWithTheClosestValue() {
    KbDocument d = document("a.md", "---\ntitle: T\naudienceLevel: pateint\n---\nx\n");
    assertThat(d.problems())
        .filteredOn(p -> p.field().equals("audienceLevel"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Severity.WARNING);
              assertThat(p.message()).contains("closest: 'patient'");
            });
  }

  @Test
  void keepsUnknownFieldsInOrder() {
    KbDocument d = document("a.md", "---\ntitle: T\nzeta: 1\nalpha: [x, y]\n---\nx\n");
    assertThat(d.frontMatter().extra()).containsOnlyKeys("zeta", "alpha");
    assertThat(d.frontMatter().extra().keySet()).containsExactly("zeta", "alpha");
  }

  @Test
  void listWhereScalarExpectedIsAnError() {
    KbDocument d = document("a.md", "---\ntitle: [a, b]\n---\nx\n");
    assertThat(d.problems()).extracting(Problem::field).contains("title");
    assertThat(d.hasErrors()).isTrue();
  }

  @Test
  void badCountryAndLanguageAndUrlAreErrors() {
    KbDocument d =
        document(
            "a.md",
            "---\ntitle: T\ncountries: [usa]\nlanguage: english!\nurl: www.x.org\n---\nx\n");
    assertThat(d.problems()).extracting(Problem::field).contains("countries", "language", "url");
  }

  @Test
  void missingLicenseIsTreatedAsLinkOnlyAndMissingStatusAsDraftWithWarnings() {
    KbDocument d = document("a.md", "---\ntitle: T\n---\nx\n");
    assertThat(d.frontMatter().license()).isEqualTo("link_only");
    assertThat(d.frontMatter().status()).isEqualTo("draft");
    assertThat(d.frontMatter().language()).isEqualTo("en");
    assertThat(d.problems())
        .allMatch(p -> p.severity() == Severity.WARNING)
        .extracting(Problem::field)
        .contains("license", "status", "language", "audienceLevel", "reviewFrequency");
  }
}
