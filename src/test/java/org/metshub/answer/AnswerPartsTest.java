package org.metshub.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.kb.Vocabularies;
import org.metshub.text.QuestionScrubber;

class AnswerPartsTest {
  private final Entities entities = new Entities(Vocabularies.bundled());
  private final FollowUp followUp = new FollowUp(entities);

  @Test
  void entitiesTellACancerFromASite() {
    assertThat(entities.find("and for lung cancer?").cancerTypes()).containsExactly("lung");
    assertThat(entities.find("and for lung cancer?").sites()).isEmpty();
    assertThat(entities.find("spread to the liver and bones").sites())
        .containsExactly("bone", "liver");
    assertThat(entities.find("spread to the liver").cancerTypes()).isEmpty();
    assertThat(entities.find("cáncer de mama en el hígado").cancerTypes())
        .containsExactly("breast");
    assertThat(entities.find("cáncer de mama en el hígado").sites()).containsExactly("liver");
  }

  @Test
  void theReadersOwnChildrenDoNotNameChildhoodCancers() {
    assertThat(entities.find("who can help me talk to my children about my cancer").cancerTypes())
        .isEmpty();
    assertThat(entities.find("cómo le explico a mis niños").cancerTypes()).isEmpty();
    assertThat(entities.find("our young adults are scared").cancerTypes()).isEmpty();
    // Children as a population, and a word that only ends like a possessive, still name them.
    assertThat(entities.find("treatment of cancer in children").cancerTypes())
        .containsExactly("childhood cancers");
    assertThat(entities.find("neuroblastoma in my child").cancerTypes())
        .containsExactly("childhood cancers");
    assertThat(entities.find("tumour children").cancerTypes()).containsExactly("childhood cancers");
    // A possessive before a cancer's own name is the reader's cancer, named as before.
    assertThat(entities.find("my breast cancer spread").cancerTypes()).containsExactly("breast");
  }

  private Conversation prev(List<String> cancers, List<String> sites, String topic) {
    return new Conversation("c1", cancers, sites, topic, "en", Instant.EPOCH);
  }

  @Test
  void followUpKeepsTopicAndSwapsTheSite() {
    var r =
        followUp.resolve(
            "what about the liver?",
            Optional.of(prev(List.of(), List.of("bone"), "symptoms")),
            "en");
    assertThat(r.followUp()).isTrue();
    assertThat(r.query()).isEqualTo("symptoms liver metastases");
    assertThat(r.sites()).containsExactly("liver");
  }

  @Test
  void followUpKeepsTopicAndSiteAndAddsTheCancer() {
    var r =
        followUp.resolve(
            "and for lung cancer?",
            Optional.of(prev(List.of("breast"), List.of("bone"), "treated")),
            "en");
    assertThat(r.query()).isEqualTo("treated bone metastases Lung cancer");
    assertThat(r.cancerTypes()).containsExactly("lung");
  }

  @Test
  void spanishFollowUp() {
    var r =
        followUp.resolve(
            "¿y en el hígado?", Optional.of(prev(List.of(), List.of("bone"), "síntomas")), "es");
    assertThat(r.query()).isEqualTo("síntomas metástasis en hígado");
  }

  @Test
  void aFullQuestionIsNotAFollowUp() {
    var r =
        followUp.resolve(
            "what is palliative care",
            Optional.of(prev(List.of(), List.of("bone"), "symptoms")),
            "en");
    assertThat(r.followUp()).isFalse();
    assertThat(r.query()).isEqualTo("what is palliative care");
    assertThat(r.topic()).isEqualTo("palliative care");
  }

  @Test
  void withoutAPreviousTurnNothingIsCarried() {
    assertThat(followUp.resolve("what about the liver?", Optional.empty(), "en").followUp())
        .isFalse();
  }

  @Test
  void questionTypes() {
    assertThat(QuestionType.of("What is scanxiety?")).isEqualTo(QuestionType.DEFINITION);
    assertThat(QuestionType.of("how is bone metastasis treated")).isEqualTo(QuestionType.TREATMENT);
    assertThat(QuestionType.of("what are the symptoms of brain mets"))
        .isEqualTo(QuestionType.SYMPTOMS);
    assertThat(QuestionType.of("is stage 4 curable")).isEqualTo(QuestionType.PROGNOSIS);
    assertThat(QuestionType.of("find a clinical trial")).isEqualTo(QuestionType.RESEARCH);
    assertThat(QuestionType.of("support group near me")).isEqualTo(QuestionType.SUPPORT);
    assertThat(QuestionType.of("¿Qué es la metástasis?")).isEqualTo(QuestionType.DEFINITION);
    assertThat(QuestionType.of("bone mets")).isEqualTo(QuestionType.GENERAL);
    // "sign" is a word of its own, not the start of "significa"
    assertThat(QuestionType.of("¿Qué significa oligometastásico?"))
        .isEqualTo(QuestionType.DEFINITION);
    assertThat(QuestionType.of("signs bone mets")).isEqualTo(QuestionType.SYMPTOMS);
  }

  @Test
  void scrubberRemovesPersonalData() {
    assertThat(
            QuestionScrubber.scrub(
                "My name is Ana Lopez, call 555-123-4567 or "
                    + "ana@mail.com about my scan on 12/03/2026 www.x.org"))
        .isEqualTo("My name is [name], call [number] or [email] about my scan on [date] [link]");
    assertThat(QuestionScrubber.scrub("me llamo Pedro y tengo cáncer"))
        .isEqualTo("me llamo [name] y tengo cáncer");
    assertThat(QuestionScrubber.scrub("what is stage 4")).isEqualTo("what is stage 4");
    // What a curator teaches: the stand-ins go, and the sentence closes up around them.
    assertThat(
            QuestionScrubber.withoutStandIns(
                QuestionScrubber.scrub(
                    "back pain since 12/03/2026 , is it the mets? call 555-123-4567")))
        .isEqualTo("back pain since, is it the mets? call");
    assertThat(QuestionScrubber.withoutStandIns("[number] [email]")).isEmpty();
    assertThat(QuestionScrubber.withoutStandIns("what is [brca]")).isEqualTo("what is [brca]");
  }

  @Test
  void conversationsExpireAndIdsAreUnguessable() {
    var clock = new java.util.concurrent.atomic.AtomicReference<Instant>(Instant.EPOCH);
    var c =
        new java.time.Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return clock.get();
          }
        };
    ConversationStore store = new MemoryConversations(c);
    String id = store.newId();
    assertThat(id).hasSize(22).isNotEqualTo(store.newId());
    store.put(new Conversation(id, List.of(), List.of("bone"), "symptoms", "en", c.instant()));
    assertThat(store.get(id)).isPresent();
    clock.set(Instant.EPOCH.plus(ConversationStore.TTL).plus(Duration.ofSeconds(1)));
    assertThat(store.get(id)).isEmpty();
    assertThat(store.get("")).isEmpty();
  }

  @Test
  void gapsAreGroupedByNormalisedText() {
    MemoryGapLog log = new MemoryGapLog();
    log.record("Can my dog catch cancer?", "en", "r", false, List.of());
    log.record("can my dog catch cancer", "en", "r", false, List.of());
    log.record("otra pregunta", "es", "r", false, List.of());
    assertThat(log.gaps(10)).first().satisfies(g -> assertThat(g.count()).isEqualTo(2));
  }

  @Test
  void evalCaseFilesAreCheckedWithClearErrors(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "- id: a\n  turns: [hi]\n  expect: {outcome: maybe}\n");
    var e = assertThrows(BadInput.class, () -> EvalCases.read(bad));
    assertThat(e.getMessage()).contains("outcome must be one of").contains("maybe");
    Files.writeString(bad, "- id: a\n  turns: []\n");
    assertThat(assertThrows(BadInput.class, () -> EvalCases.read(bad)).getMessage())
        .contains("no user turns");
    Files.writeString(bad, "id: not-a-list\n");
    assertThrows(BadInput.class, () -> EvalCases.read(bad));
    Files.writeString(bad, "- id: a\n  turns: [x]\n- id: a\n  turns: [y]\n");
    assertThat(assertThrows(BadInput.class, () -> EvalCases.read(bad)).getMessage())
        .contains("appears twice");
  }

  @Test
  void evalChecksEachExpectation() {
    EvalCase c =
        new EvalCase(
            "x",
            List.of("q"),
            Optional.empty(),
            Optional.empty(),
            Optional.of("answered"),
            1,
            List.of(),
            List.of("doc"),
            List.of("needle"),
            List.of("mg"),
            true,
            Optional.of("es"));
    Answer abstained =
        new Answer.Abstained("en", "none", List.of(), List.of(), "disclaimer", "id", "why");
    assertThat(EvalCases.check(c, abstained)).hasSize(5);
  }
}
