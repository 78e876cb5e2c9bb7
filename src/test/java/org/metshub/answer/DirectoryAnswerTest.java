package org.metshub.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.metshub.directory.Directory;
import org.metshub.directory.Organization;

class DirectoryAnswerTest {
  static Organization org(
      String id,
      List<String> countries,
      List<String> cancers,
      List<String> services,
      List<String> languages) {
    return new Organization(
        id,
        id.toUpperCase(java.util.Locale.ROOT),
        "https://" + id + ".org",
        "About " + id + ".",
        countries,
        cancers,
        services,
        languages,
        "0800 000",
        "en");
  }

  static final Directory DIRECTORY =
      new Directory(
          List.of(
              org(
                  "aacr",
                  List.of("US"),
                  List.of("general"),
                  List.of("research_community"),
                  List.of("en")),
              org(
                  "mbcn",
                  List.of("US"),
                  List.of("breast"),
                  List.of("support_groups", "education"),
                  List.of("en")),
              org("ukbreast", List.of("GB"), List.of("breast"), List.of("helpline"), List.of("en")),
              org(
                  "cis",
                  List.of("US"),
                  List.of("general"),
                  List.of("helpline"),
                  List.of("en", "es"))));

  static QuestionAnalysis question(String text, List<String> cancers, String language) {
    return new QuestionAnalysis(
        text,
        language,
        Intent.FINDING_HELP,
        QuestionType.SUPPORT,
        cancers,
        List.of(),
        Set.of(),
        Set.of(),
        List.of());
  }

  @Test
  void matchesCancerCountryAndServiceWithPatientSupportFirst() {
    List<Organization> us =
        DirectoryAnswer.choose(
            DIRECTORY,
            question("support groups for metastatic breast cancer", List.of("breast"), "en"),
            Optional.of("US"));
    assertThat(us).extracting(Organization::id).first().isEqualTo("mbcn");
    assertThat(us).extracting(Organization::id).doesNotContain("aacr");
    List<Organization> uk =
        DirectoryAnswer.choose(
            DIRECTORY,
            question("breast cancer helpline in the uk", List.of("breast"), "en"),
            Optional.of("US"));
    assertThat(uk).extracting(Organization::id).containsExactly("ukbreast");
  }

  @Test
  void aCountryTheQuestionNamesIsNeverRelaxedAndAnotherCancersOrganisationNeverOffered() {
    Directory d =
        new Directory(
            List.of(
                org(
                    "es-lung",
                    List.of("ES"),
                    List.of("lung"),
                    List.of("support_groups"),
                    List.of("es")),
                org(
                    "mx-breast",
                    List.of("MX"),
                    List.of("breast"),
                    List.of("education"),
                    List.of("es")),
                org(
                    "world",
                    List.of("INT"),
                    List.of("general"),
                    List.of("education"),
                    List.of("en", "es"))));
    // Chile is not in the directory: not Spain's lung organisation, only the worldwide one.
    assertThat(DirectoryAnswer.anyCountryNamed(d, " apoyo cancer de pulmon en chile "))
        .contains("CL");
    assertThat(chosen(d, "apoyo cancer de pulmon en chile", "lung", Optional.empty()))
        .containsExactly("world");
    // Mexico has a breast cancer organisation, which is no answer about ovarian cancer.
    assertThat(chosen(d, "ayuda cancer de ovario en mexico", "ovarian", Optional.empty()))
        .containsExactly("world");
    // Without a country named, the reader's country is relaxed as before.
    assertThat(chosen(d, "grupos de apoyo cancer de pulmon", "lung", Optional.of("MX")))
        .contains("es-lung");
    // A country name that is also an everyday word or a name is not read as the country.
    assertThat(DirectoryAnswer.anyCountryNamed(d, " my friend jordan has lung cancer ")).isEmpty();
    assertThat(DirectoryAnswer.anyCountryNamed(d, " support in turkey ")).isEmpty();
  }

  /** The ids of the organisations chosen for a Spanish question about one cancer. */
  private static List<String> chosen(
      Directory d, String text, String cancer, Optional<String> readerCountry) {
    return DirectoryAnswer.choose(d, question(text, List.of(cancer), "es"), readerCountry).stream()
        .map(Organization::id)
        .toList();
  }

  @Test
  void aQuestionThatNamesNoCancerCountryServiceOrOrganisationAsksNothingSpecific() {
    assertThat(
            DirectoryAnswer.asksNothingSpecific(
                DIRECTORY, question("who can help me talk to my children", List.of(), "en")))
        .isTrue();
    assertThat(
            DirectoryAnswer.asksNothingSpecific(
                DIRECTORY, question("who can help with breast cancer", List.of("breast"), "en")))
        .isFalse();
    assertThat(
            DirectoryAnswer.asksNothingSpecific(
                DIRECTORY, question("who can help me in the uk", List.of(), "en")))
        .isFalse();
    assertThat(
            DirectoryAnswer.asksNothingSpecific(
                DIRECTORY, question("who can help, is there a helpline", List.of(), "en")))
        .isFalse();
    assertThat(
            DirectoryAnswer.asksNothingSpecific(
                DIRECTORY, question("can ukbreast help me", List.of(), "en")))
        .isFalse();
  }

  @Test
  void aProvinceOrStateNamesItsCountry() {
    Directory d =
        new Directory(
            List.of(
                org(
                    "ca-org",
                    List.of("CA"),
                    List.of("prostate"),
                    List.of("helpline"),
                    List.of("en")),
                org(
                    "au-org",
                    List.of("AU"),
                    List.of("prostate"),
                    List.of("helpline"),
                    List.of("en")),
                org(
                    "us-org",
                    List.of("US"),
                    List.of("prostate"),
                    List.of("helpline"),
                    List.of("en"))));
    assertThat(DirectoryAnswer.countryNamed(d, " prostate cancer help in quebec ")).contains("CA");
    assertThat(DirectoryAnswer.countryNamed(d, " nurse line we are in rural qld ")).contains("AU");
    assertThat(DirectoryAnswer.countryNamed(d, " new south wales support ")).contains("AU");
    // Only the whole name counts: "wales" alone is in Great Britain, which d does not list.
    assertThat(DirectoryAnswer.countryNamed(d, " support in wales ")).isEmpty();
  }

  @Test
  void withoutACancerTypeOrganisationsForEveryCancerComeFirstAndWithoutACountryWorldwideOnes() {
    Directory d =
        new Directory(
            List.of(
                org(
                    "bowel-au",
                    List.of("AU"),
                    List.of("colorectal"),
                    List.of("helpline"),
                    List.of("en")),
                org(
                    "council-au",
                    List.of("AU"),
                    List.of("general"),
                    List.of("helpline"),
                    List.of("en")),
                org(
                    "a-national",
                    List.of("GB"),
                    List.of("general"),
                    List.of("helpline"),
                    List.of("en")),
                org(
                    "world",
                    List.of("US", "INT"),
                    List.of("general"),
                    List.of("helpline"),
                    List.of("en"))));
    // "cancer helpline australia": the general charity, not the bowel cancer one that sorts
    // first by name.
    assertThat(
            DirectoryAnswer.choose(
                d, question("cancer helpline australia", List.of(), "en"), Optional.empty()))
        .extracting(Organization::id)
        .first()
        .isEqualTo("council-au");
    // No country named or known: the organisation that serves the world before national ones.
    assertThat(
            DirectoryAnswer.choose(
                d, question("a cancer helpline", List.of(), "en"), Optional.empty()))
        .extracting(Organization::id)
        .first()
        .isEqualTo("world");
    // A cancer type named: its own organisations still come first.
    assertThat(
            DirectoryAnswer.choose(
                d,
                question("bowel cancer helpline australia", List.of("colorectal"), "en"),
                Optional.empty()))
        .extracting(Organization::id)
        .first()
        .isEqualTo("bowel-au");
  }

  static Organization described(String id, String name, String country, String summary) {
    return new Organization(
        id,
        name,
        "https://" + id + ".org",
        summary,
        List.of(country),
        List.of("lung"),
        List.of("peer_support", "education"),
        List.of("en"),
        "",
        "en",
        "",
        "patient");
  }

  @Test
  void amongEqualMatchesTheOneWhoseOwnDescriptionUsesTheQuestionsWordsComesFirst() {
    Directory d =
        new Directory(
            List.of(
                described("a-lung", "A Lung Charity", "CA", "Gives information and fights stigma."),
                described(
                    "mentors",
                    "Mentor Lung Group",
                    "US",
                    "Offers peer mentoring and a trial search tool."),
                described("world", "World Lung", "INT", "Information for everyone.")));
    // Without the description the worldwide one would come first, then the names' order.
    assertThat(
            DirectoryAnswer.choose(
                d,
                question("lung cancer peer mentoring program", List.of("lung"), "en"),
                Optional.empty()))
        .extracting(Organization::id)
        .first()
        .isEqualTo("mentors");
    // A slip of the keyboard still finds it ("menter").
    assertThat(
            DirectoryAnswer.choose(
                d,
                question("peer menter for lung cancer", List.of("lung"), "en"),
                Optional.empty()))
        .extracting(Organization::id)
        .first()
        .isEqualTo("mentors");
    // Nothing told apart by the words: the worldwide organisation first, as before.
    assertThat(
            DirectoryAnswer.choose(
                d, question("lung cancer organisation", List.of("lung"), "en"), Optional.empty()))
        .extracting(Organization::id)
        .first()
        .isEqualTo("world");
    // A country the question names still outweighs the words.
    assertThat(
            DirectoryAnswer.choose(
                d,
                question("lung cancer peer mentoring in canada", List.of("lung"), "en"),
                Optional.empty()))
        .extracting(Organization::id)
        .first()
        .isEqualTo("a-lung");
  }

  @Test
  void anOrganisationNamedWithoutItsAcronymOrByItAloneIsFound() {
    Organization mrs =
        new Organization(
            "mrs",
            "Metastasis Research Society (MRS)",
            "https://mrs.org",
            "A society of scientists.",
            List.of("INT"),
            List.of("general"),
            List.of("research_community"),
            List.of("en"),
            "",
            "en",
            "",
            "professional");
    Directory d =
        new Directory(
            List.of(
                mrs, described("mentors", "Mentor Lung Group", "US", "Offers peer mentoring.")));
    assertThat(DirectoryAnswer.names(mrs))
        .containsExactly("metastasis research society mrs", "metastasis research society", "mrs");
    assertThat(
            DirectoryAnswer.choose(
                d,
                question(
                    "does the metastasis research society run support groups for patients",
                    List.of(),
                    "en"),
                Optional.empty()))
        .extracting(Organization::id)
        .containsExactly("mrs");
    assertThat(
            DirectoryAnswer.choose(
                d, question("is mrs for patients", List.of(), "en"), Optional.empty()))
        .extracting(Organization::id)
        .containsExactly("mrs");
    // Two letters are not an acronym worth matching: "(UK)" would match every "uk" question.
    assertThat(DirectoryAnswer.names(described("x", "Some Charity (UK)", "GB", "")))
        .containsExactly("some charity uk", "some charity");
  }

  @Test
  void aWordOnlyOneOrganisationsNameUsesNamesIt() {
    Organization macmillan =
        new Organization(
            "macmillan",
            "Macmillan Cancer Support",
            "https://macmillan.org.uk",
            "A UK charity.",
            List.of("GB"),
            List.of("general"),
            List.of("helpline"),
            List.of("en"),
            "0808",
            "en",
            "",
            "patient");
    Organization focus =
        new Organization(
            "focus",
            "Melanoma Focus",
            "https://focus.org",
            "A UK melanoma charity.",
            List.of("GB"),
            List.of("melanoma"),
            List.of("helpline"),
            List.of("en"),
            "",
            "en",
            "",
            "patient");
    Directory d =
        new Directory(
            List.of(
                macmillan,
                focus,
                described("mentors", "Mentor Lung Group", "US", "Offers peer mentoring.")));
    assertThat(
            DirectoryAnswer.choose(
                d, question("macmillan support line number", List.of(), "en"), Optional.empty()))
        .extracting(Organization::id)
        .containsExactly("macmillan");
    assertThat(
            DirectoryAnswer.namesOrganisation(
                d, question("macmillan support line number", List.of(), "en")))
        .isTrue();
    // Everyday words that happen to be in one name name nothing: "focus", "support", "group".
    assertThat(
            DirectoryAnswer.namesOrganisation(
                d, question("i cant focus after chemo", List.of(), "en")))
        .isFalse();
    assertThat(
            DirectoryAnswer.namesOrganisation(
                d, question("support group for lung cancer", List.of("lung"), "en")))
        .isFalse();
  }

  @Test
  void aHospitalOrClinicNamedByNameIsFoundAndAnyOtherMentionIsNot() {
    java.util.function.Function<String, Optional<String>> place =
        t -> DirectoryAnswer.placeOfCare(DIRECTORY, question(t, List.of(), "en"));
    assertThat(place.apply("phone number for the mayo clinic cancer center"))
        .contains("mayo clinic");
    assertThat(place.apply("el hospital italiano tiene grupo de apoyo"))
        .contains("hospital italiano");
    assertThat(place.apply("teléfono del Hospital La Paz")).contains("hospital la paz");
    // A place of care that is not named, or named only by generic words: nothing.
    assertThat(place.apply("does my hospital have a support group")).isEmpty();
    assertThat(place.apply("support groups at a cancer hospital in the uk")).isEmpty();
    assertThat(place.apply("hospital helpline for breast cancer")).isEmpty();
    assertThat(place.apply("support group for breast cancer")).isEmpty();
    // An organisation of the directory named beside the word is what is asked for.
    assertThat(place.apply("is mbcn at the mayo clinic")).isEmpty();
  }

  @Test
  void anOrganisationTheQuestionNamesComesFirst() {
    assertThat(
            DirectoryAnswer.choose(
                DIRECTORY, question("does cis have a helpline", List.of(), "en"), Optional.empty()))
        .extracting(Organization::id)
        .containsExactly("cis");
  }

  @Test
  void theExcerptGivesSummaryServicesPhoneAndSiteInTheReadersLanguage() {
    Excerpt e =
        DirectoryAnswer.excerpt(
            DIRECTORY.all().stream().filter(o -> o.id().equals("cis")).findFirst().orElseThrow(),
            2,
            "es",
            id -> "Línea de ayuda");
    assertThat(e.citation()).isEqualTo(2);
    assertThat(e.sentences())
        .extracting(Excerpt.Sentence::text)
        .containsExactly(
            "About cis.",
            "Servicios: Línea de ayuda",
            "Teléfono: 0800 000",
            "Sitio web: https://cis.org");
  }
}
