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

  @Test
  void aQuestionThatPointsBackKeepsThePreviousSubjectBesideItsOwnTopic() {
    FollowUp.Resolved r = followUp.resolve("is it safe", after("bone scan", List.of(),
        List.of()), "en");
    assertThat(r.followUp()).isTrue();
    assertThat(r.query()).contains("safe", "bone scan");
    FollowUp.Resolved es = followUp.resolve("y cuales son los efectos secundarios",
        after("inmunoterapia", List.of("melanoma"), List.of()), "es");
    assertThat(es.query()).contains("efectos secundarios", "inmunoterapia");
    assertThat(es.cancerTypes()).containsExactly("melanoma");
  }

  @Test
  void aPlaceNamedAfterWhatAboutReplacesTheOldOne() {
    FollowUp.Resolved r = followUp.resolve("what about the liver?",
        after("symptoms", List.of(), List.of("bone")), "en");
    assertThat(r.sites()).containsExactly("liver");
    assertThat(r.query()).contains("symptoms").doesNotContain("bone");
  }

  @Test
  void aNewQuestionThatNamesItsOwnSubjectIsNotAFollowUp() {
    FollowUp.Resolved r = followUp.resolve("what are the side effects of chemotherapy",
        after("bone scan", List.of(), List.of()), "en");
    assertThat(r.followUp()).isFalse();
    assertThat(r.query()).isEqualTo("what are the side effects of chemotherapy");
  }
}
