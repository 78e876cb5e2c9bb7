package org.metshub.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.metshub.kb.Vocabularies;

class FollowUpTest {
  final FollowUp followUp = new FollowUp(new Entities(Vocabularies.bundled()));

  static Optional<Conversation> after(String topic, List<String> cancers, List<String> sites) {
    return Optional.of(new Conversation("c", cancers, sites, topic, "en", Instant.EPOCH));
  }

  private static final Intent SIDE_EFFECTS = Intent.SIDE_EFFECTS;

  /**
   * Whether an English question is taken as a follow-up of a turn about this topic and these
   * cancers.
   */
  private boolean followsUp(String question, String topic, List<String> cancers, Intent intent) {
    return followUp.resolve(question, after(topic, cancers, List.of()), "en", intent).followUp();
  }

  @Test
  void aQuestionThatPointsBackKeepsThePreviousSubjectBesideItsOwnTopic() {
    FollowUp.Resolved r =
        followUp.resolve("is it safe", after("bone scan", List.of(), List.of()), "en");
    assertThat(r.followUp()).isTrue();
    assertThat(r.query()).contains("safe", "bone scan");
    FollowUp.Resolved es =
        followUp.resolve(
            "y cuales son los efectos secundarios",
            after("inmunoterapia", List.of("melanoma"), List.of()),
            "es");
    assertThat(es.query()).contains("efectos secundarios", "inmunoterapia");
    assertThat(es.cancerTypes()).containsExactly("melanoma");
  }

  @Test
  void aPlaceNamedAfterWhatAboutReplacesTheOldOne() {
    FollowUp.Resolved r =
        followUp.resolve(
            "what about the liver?", after("symptoms", List.of(), List.of("bone")), "en");
    assertThat(r.sites()).containsExactly("liver");
    assertThat(r.query()).contains("symptoms").doesNotContain("bone");
  }

  @Test
  void aNewQuestionThatNamesItsOwnSubjectIsNotAFollowUp() {
    FollowUp.Resolved r =
        followUp.resolve(
            "what are the side effects of chemotherapy",
            after("bone scan", List.of(), List.of()),
            "en");
    assertThat(r.followUp()).isFalse();
    assertThat(r.query()).isEqualTo("what are the side effects of chemotherapy");
  }

  @Test
  void aShortQuestionOfItsOwnAsksAboutTheConversationsCancer() {
    FollowUp.Resolved r =
        followUp.resolve(
            "what side effects should i expect",
            after("treated", List.of("kidney"), List.of()),
            "en",
            Intent.SIDE_EFFECTS);
    assertThat(r.followUp()).isTrue();
    assertThat(r.cancerTypes()).containsExactly("kidney");
    assertThat(r.query())
        .startsWith("what side effects should i expect")
        .containsIgnoringCase("kidney");
    // Not without a subject to carry, and not for a long question that stands on its own.
    assertThat(followsUp("what side effects should i expect", "treated", List.of(), SIDE_EFFECTS))
        .isFalse();
    assertThat(
            followsUp(
                "what side effects should i expect from the pills they gave me last week",
                "treated",
                List.of("kidney"),
                SIDE_EFFECTS))
        .isFalse();
    // A question about something in itself keeps to it.
    FollowUp.Resolved own =
        followUp.resolve(
            "what is palliative care",
            after("treated", List.of("kidney"), List.of()),
            "en",
            Intent.DEFINITION);
    assertThat(own.followUp()).isFalse();
    assertThat(own.cancerTypes()).isEmpty();
  }

  @Test
  void aTurnThatOnlyAsksForAnotherLanguageRepeatsThePreviousSubject() {
    assertThat(FollowUp.requestedLanguage("and in spanish?")).contains("es");
    assertThat(FollowUp.requestedLanguage("¿y en español?")).contains("es");
    assertThat(FollowUp.requestedLanguage("en inglés por favor")).contains("en");
    assertThat(FollowUp.requestedLanguage("English please")).contains("en");
    assertThat(FollowUp.requestedLanguage("is there a spanish helpline")).isEmpty();
    assertThat(FollowUp.requestedLanguage("spanish doctors in miami")).isEmpty();
    FollowUp.Resolved r =
        followUp.resolve(
            "and in spanish?", after("treated", List.of("colorectal"), List.of()), "es");
    assertThat(r.followUp()).isTrue();
    assertThat(r.query()).contains("treated").doesNotContainIgnoringCase("spanish");
    assertThat(r.cancerTypes()).containsExactly("colorectal");
  }

  @Test
  void aFewWordsThatOnlyAskAnAspectAskItOfThePreviousTopic() {
    FollowUp.Resolved r =
        followUp.resolve(
            "efectos secundarios?",
            after("terapia hormonal", List.of(), List.of()),
            "es",
            Intent.SIDE_EFFECTS);
    assertThat(r.followUp()).isTrue();
    assertThat(r.query()).startsWith("efectos secundarios?").endsWith("terapia hormonal");
    assertThat(r.topic()).contains("efectos secundarios", "terapia hormonal");
    // A subject of its own beside the aspect is a new question.
    assertThat(followsUp("keytruda side effects", "immunotherapy", List.of(), SIDE_EFFECTS))
        .isFalse();
    // Nothing to carry without a previous topic, nor for a subject typed alone.
    assertThat(followsUp("side effects", "", List.of(), SIDE_EFFECTS)).isFalse();
    assertThat(followsUp("chemo brain", "immunotherapy", List.of(), Intent.GENERAL)).isFalse();
  }
}
