package org.metshub.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.metshub.directory.Directory;
import org.metshub.directory.Organization;

class DirectoryAnswerTest {
  static Organization org(String id, List<String> countries, List<String> cancers,
      List<String> services, List<String> languages) {
    return new Organization(id, id.toUpperCase(java.util.Locale.ROOT), "https://" + id + ".org",
        "About " + id + ".", countries, cancers, services, languages, "0800 000", "en");
  }

  static final Directory DIRECTORY = new Directory(List.of(
      org("aacr", List.of("US"), List.of("general"), List.of("research_community"), List.of("en")),
      org("mbcn", List.of("US"), List.of("breast"), List.of("support_groups", "education"),
          List.of("en")),
      org("ukbreast", List.of("GB"), List.of("breast"), List.of("helpline"), List.of("en")),
      org("cis", List.of("US"), List.of("general"), List.of("helpline"), List.of("en", "es"))));

  static QuestionAnalysis question(String text, List<String> cancers, String language) {
    return new QuestionAnalysis(text, language, Intent.FINDING_HELP, QuestionType.SUPPORT,
        cancers, List.of(), Set.of(), Set.of());
  }

  @Test
  void matchesCancerCountryAndServiceWithPatientSupportFirst() {
    List<Organization> us = DirectoryAnswer.choose(DIRECTORY,
        question("support groups for metastatic breast cancer", List.of("breast"), "en"),
        Optional.of("US"));
    assertThat(us).extracting(Organization::id).first().isEqualTo("mbcn");
    assertThat(us).extracting(Organization::id).doesNotContain("aacr");
    List<Organization> uk = DirectoryAnswer.choose(DIRECTORY,
        question("breast cancer helpline in the uk", List.of("breast"), "en"), Optional.of("US"));
    assertThat(uk).extracting(Organization::id).containsExactly("ukbreast");
  }

  @Test
  void withoutACancerTypeOrganisationsForEveryCancerComeFirstAndWithoutACountryWorldwideOnes() {
    Directory d = new Directory(List.of(
        org("bowel-au", List.of("AU"), List.of("colorectal"), List.of("helpline"), List.of("en")),
        org("council-au", List.of("AU"), List.of("general"), List.of("helpline"), List.of("en")),
        org("a-national", List.of("GB"), List.of("general"), List.of("helpline"), List.of("en")),
        org("world", List.of("US", "INT"), List.of("general"), List.of("helpline"),
            List.of("en"))));
    // "cancer helpline australia": the general charity, not the bowel cancer one that sorts
    // first by name.
    assertThat(DirectoryAnswer.choose(d, question("cancer helpline australia", List.of(), "en"),
        Optional.empty())).extracting(Organization::id).first().isEqualTo("council-au");
    // No country named or known: the organisation that serves the world before national ones.
    assertThat(DirectoryAnswer.choose(d, question("a cancer helpline", List.of(), "en"),
        Optional.empty())).extracting(Organization::id).first().isEqualTo("world");
    // A cancer type named: its own organisations still come first.
    assertThat(DirectoryAnswer.choose(d, question("bowel cancer helpline australia",
        List.of("colorectal"), "en"), Optional.empty())).extracting(Organization::id).first()
        .isEqualTo("bowel-au");
  }

  @Test
  void anOrganisationTheQuestionNamesComesFirst() {
    assertThat(DirectoryAnswer.choose(DIRECTORY, question("does cis have a helpline",
        List.of(), "en"), Optional.empty())).extracting(Organization::id).containsExactly("cis");
  }

  @Test
  void theExcerptGivesSummaryServicesPhoneAndSiteInTheReadersLanguage() {
    Excerpt e = DirectoryAnswer.excerpt(DIRECTORY.all().stream()
        .filter(o -> o.id().equals("cis")).findFirst().orElseThrow(), 2, "es", id -> "Línea de ayuda");
    assertThat(e.citation()).isEqualTo(2);
    assertThat(e.sentences()).extracting(Excerpt.Sentence::text).containsExactly("About cis.",
        "Servicios: Línea de ayuda", "Teléfono: 0800 000", "Sitio web: https://cis.org");
  }
}
