package org.metshub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search, ask, eval, index and bench commands end to end on the bundled KB with the real model
 * (the index and embeddings in target/it-data are shared with AnswerEvalTest).
 */
class SearchAndAskCommandTest {
  static final String[] KB = {"--kb", "kb", "--data", "target/it-data"};
  @TempDir Path dir;

  static String[] args(String... a) {
    String[] out = new String[a.length + KB.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(KB, 0, out, a.length, KB.length);
    return out;
  }

  @Test
  void searchPrintsRankedPassagesAndFacets() throws Exception {
    CliRun r = CliRun.of(args("search", "bone mets pain", "--limit", "3", "--json"));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("results")).hasSize(3);
    JsonNode first = j.get("results").get(0);
    for (String f :
        new String[] {
          "docId", "title", "heading", "snippet", "url", "lastReviewed", "reviewState"
        }) {
      assertThat(first.has(f)).as(f).isTrue();
    }
    assertThat(j.get("facets").get("site").has("bone")).isTrue();
  }

  @Test
  void searchBrowsesWithFiltersOnly() throws Exception {
    CliRun r = CliRun.of(args("search", "--doc-type", "news", "--json"));
    assertThat(r.code()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("results"))
        .isNotEmpty()
        .allSatisfy(h -> assertThat(h.get("docType").asText()).isEqualTo("news"));
  }

  @Test
  void searchRejectsBadArguments() {
    assertThat(CliRun.of(args("search", "x", "--mode", "fuzzy")).code()).isEqualTo(64);
    assertThat(CliRun.of(args("search", "x", "--limit", "0")).code()).isEqualTo(64);
    CliRun both = CliRun.of(args("search", "x", "--batch", "nope.jsonl"));
    assertThat(both.code()).isEqualTo(64);
    assertThat(CliRun.of(args("search", "--batch", dir.resolve("none").toString())).code())
        .isEqualTo(64);
    CliRun unknownFacet = CliRun.of(args("search", "x".repeat(501)));
    assertThat(unknownFacet.code()).isEqualTo(64);
    assertThat(unknownFacet.err()).contains("at most 500 characters");
  }

  @Test
  void searchBatchAccountsForEveryLine() throws Exception {
    Path in = dir.resolve("q.jsonl");
    Files.writeString(
        in,
        """
        {"qid": "a", "question": "what is scanxiety"}
        not json
        {"qid": "b"}

        {"qid": "c", "question": "palliative care"}
        """);
    CliRun r = CliRun.of(args("search", "--batch", in.toString(), "--limit", "2"));
    assertThat(r.code()).isEqualTo(65);
    assertThat(r.out().lines()).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(r.out().lines().findFirst().orElseThrow());
    assertThat(first.get("qid").asText()).isEqualTo("a");
    assertThat(first.get("results").get(0).has("passageId")).isTrue();
    assertThat(r.err())
        .contains("q.jsonl:2: rejected")
        .contains("q.jsonl:3: rejected")
        .contains("4 queries read, 2 answered, 2 rejected");
  }

  @Test
  void askAnswersWithCitationsAsJson() throws Exception {
    CliRun r = CliRun.of(args("ask", "what does oligometastatic mean", "--json"));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("outcome").asText()).isEqualTo("answered");
    assertThat(j.get("sentences").get(0).get("citations").get(0).asInt()).isEqualTo(1);
    assertThat(j.get("citations").get(0).get("docId").asText())
        .isEqualTo("oligometastatic-disease");
    assertThat(j.get("disclaimer").asText()).isNotBlank();
    assertThat(j.get("conversationId").asText()).hasSize(22);
  }

  @Test
  void askContinuesAConversationAcrossRuns() throws Exception {
    ObjectMapper json = new ObjectMapper();
    CliRun first = CliRun.of(args("ask", "what are the symptoms of liver metastases", "--json"));
    assertThat(first.code()).as(first.err()).isZero();
    String id = json.readTree(first.out()).get("conversationId").asText();

    // A new process: the context comes from the database in the data folder.
    CliRun next = CliRun.of(args("ask", "and the lungs?", "--conversation", id, "--json"));
    assertThat(next.code()).as(next.err()).isZero();
    JsonNode j = json.readTree(next.out());
    assertThat(j.get("conversationId").asText()).isEqualTo(id);
    assertThat(j.get("outcome").asText()).isEqualTo("answered");
    assertThat(j.get("citations").findValuesAsText("docId")).contains("lung-metastases");
    assertThat(j.get("citations").findValuesAsText("heading")).contains("Symptoms");

    // An id nobody was given starts a new conversation instead of failing.
    CliRun unknown =
        CliRun.of(
            args(
                "ask",
                "what about the liver?",
                "--conversation",
                "AAAAAAAAAAAAAAAAAAAAAA",
                "--json"));
    assertThat(unknown.code()).as(unknown.err()).isZero();
    assertThat(json.readTree(unknown.out()).get("conversationId").asText())
        .hasSize(22)
        .isNotEqualTo("AAAAAAAAAAAAAAAAAAAAAA")
        .isNotEqualTo(id);
  }

  @Test
  void askRefusesDosesAndRejectsBadArguments() throws Exception {
    CliRun dose = CliRun.of(args("ask", "how many mg of morphine can I take", "--json"));
    assertThat(new ObjectMapper().readTree(dose.out()).get("outcome").asText())
        .isEqualTo("refused");
    assertThat(CliRun.of(args("ask")).code()).isEqualTo(64);
    assertThat(CliRun.of(args("ask", "hi", "--lang", "fr")).err()).contains("en or es");
    assertThat(CliRun.of(args("ask", "hi", "--country", "USA")).code()).isEqualTo(64);
    assertThat(CliRun.of(args("ask", " ")).err()).contains("empty");
  }

  @Test
  void askAndChatGiveTheSameCrisisLinesAndEmergencyNumbersAsTheSite() throws Exception {
    CliRun ask = CliRun.of(args("ask", "quiero morirme", "--country", "mx", "--lang", "en"));
    assertThat(ask.code()).as(ask.err()).isZero();
    assertThat(ask.out())
        .contains(
            "Gracias por contárnoslo",
            "Líneas de crisis:",
            "Línea de la Vida: 800 911 2000.",
            "Emergencias: 911 (México)")
        .doesNotContain("sources cited");
    JsonNode j =
        new ObjectMapper()
            .readTree(
                CliRun.of(args("ask", "my dad is having a seizure", "--country", "GB", "--json"))
                    .out());
    assertThat(j.get("kind").asText()).isEqualTo("seizure");
    assertThat(j.get("person").asText()).isEqualTo("other");
    assertThat(j.get("emergencyNumbers").get(0).get("tel").asText()).isEqualTo("tel:999");
    CliRun chat = CliRun.withInput("I want to end my life\n\n", args("chat", "--country", "AU"));
    assertThat(chat.code()).as(chat.err()).isZero();
    assertThat(chat.out()).contains("Lifeline Australia: 13 11 14.", "Emergency: 000 (Australia)");
    assertThat(CliRun.of(args("chat", "--country", "Australia")).code()).isEqualTo(64);
  }

  @Test
  void askBatchCarriesQids() throws Exception {
    Path in = dir.resolve("a.jsonl");
    Files.writeString(
        in,
        "{\"qid\": \"x1\", \"question\": \"what is palliative care\"}\n"
            + "{\"qid\": \"x2\", \"question\": \"\"}\n");
    CliRun r = CliRun.of(args("ask", "--batch", in.toString()));
    assertThat(r.code()).isEqualTo(65);
    JsonNode j = new ObjectMapper().readTree(r.out().lines().findFirst().orElseThrow());
    assertThat(j.get("qid").asText()).isEqualTo("x1");
    assertThat(j.get("outcome").asText()).isEqualTo("answered");
    assertThat(r.err()).contains("a.jsonl:2: rejected: the question is empty");
  }

  @Test
  void evalAndBenchAndIndexRejectBadInput() throws Exception {
    assertThat(CliRun.of(args("eval", dir.resolve("none.yaml").toString())).code()).isEqualTo(64);
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "- id: a\n  turns: [x]\n  expect: {outcome: perhaps}\n");
    CliRun r = CliRun.of(args("eval", bad.toString()));
    assertThat(r.code()).isEqualTo(65);
    assertThat(r.err()).contains("outcome must be one of");
    // A gold section the KB does not have can never match: refused, with the case named.
    Path unknown = dir.resolve("answer-sections-unknown.yaml");
    Files.writeString(
        unknown,
        "- id: sym-bone\n  turns: [\"bone mets symptoms\"]\n  language: en\n  intent: symptoms\n"
            + "  expect: {outcome: answered, sections: [\"bone-metastases#Signs in the stars\"]}\n");
    CliRun u = CliRun.of(args("eval", unknown.toString()));
    assertThat(u.code()).isEqualTo(65);
    assertThat(u.err())
        .contains("1 gold section(s) name no section of the KB")
        .contains("sym-bone: bone-metastases#Signs in the stars");
    assertThat(u.out()).isEmpty();
    assertThat(CliRun.of("bench", "nonsense").code()).isEqualTo(64);
    assertThat(CliRun.of("index", "--kb", dir.resolve("nope").toString()).code()).isEqualTo(64);
  }

  @Test
  void evalWritesTheSectionsALabelReviewReadsWithoutMarkingTheGoldOnes() throws Exception {
    Path cases =
        Files.writeString(
            dir.resolve("answer-sections-dev.yaml"),
            """
        - id: sym-bone
          turns: ["what are the symptoms of bone metastases"]
          language: en
          intent: symptoms
          expect: {outcome: answered, sections: ["bone-metastases#How it is treated"]}
        - id: abst-pizza
          turns: ["best pizza in town"]
          language: en
          intent: general
          expect: {outcome: abstained}
        - id: help-research-charity
          turns: ["charity that funds metastatic breast cancer research"]
          language: en
          intent: finding_help
          expect: {outcome: answered, sections: ["metavivor#What they offer"]}
        """);
    Path review = dir.resolve("review.jsonl");
    CliRun r = CliRun.of(args("eval", cases.toString(), "--review", review.toString()));
    assertThat(r.code()).as(r.err()).isZero();
    var lines = Files.readAllLines(review);
    assertThat(lines).hasSize(3);
    ObjectMapper m = new ObjectMapper();
    JsonNode bone = m.readTree(lines.get(0));
    assertThat(bone.get("id").asText()).isEqualTo("sym-bone");
    assertThat(bone.get("turns").get(0).asText()).contains("bone metastases");
    JsonNode sections = bone.get("sections");
    // The answer path's best candidates (at most six), then the gold section if it was not
    // among them; none is marked gold.
    assertThat(sections.size()).isBetween(2, 7);
    assertThat(sections)
        .anySatisfy(
            x -> assertThat(x.get("key").asText()).isEqualTo("bone-metastases#How it is treated"));
    assertThat(sections)
        .allSatisfy(
            x -> {
              assertThat(x.get("text").asText()).isNotBlank();
              assertThat(x.get("pageTitle").asText()).isNotBlank();
              assertThat(x.has("gold")).isFalse();
            });
    assertThat(m.readTree(lines.get(1)).get("id").asText()).isEqualTo("abst-pizza");
    // The directory answers the charity question, so no section is ranked for it: the labeller
    // reads the organisations the answer lists, each by its entry's first section (the label a
    // directory answer is judged by), and the gold one among them.
    JsonNode charity = m.readTree(lines.get(2)).get("sections");
    assertThat(charity.size()).isGreaterThanOrEqualTo(2);
    assertThat(charity)
        .allSatisfy(
            x -> {
              assertThat(x.get("key").asText()).endsWith("#What they offer");
              assertThat(x.get("text").asText()).contains("What they offer");
            });
    assertThat(charity)
        .anySatisfy(x -> assertThat(x.get("key").asText()).isEqualTo("metavivor#What they offer"))
        .anySatisfy(
            x -> assertThat(x.get("key").asText()).isNotEqualTo("metavivor#What they offer"));
    // A review file that cannot be written is a usage error.
    CliRun bad =
        CliRun.of(
            args(
                "eval",
                cases.toString(),
                "--review",
                dir.resolve("no/such/folder/review.jsonl").toString()));
    assertThat(bad.code()).isEqualTo(64);
    assertThat(bad.err()).contains("cannot write the review file");
  }

  @Test
  void andInSpanishAnswersFromTheSameSectionOfTheTranslatedPage() throws Exception {
    ObjectMapper json = new ObjectMapper();
    CliRun first = CliRun.of(args("ask", "what are the symptoms of liver metastases", "--json"));
    assertThat(first.code()).as(first.err()).isZero();
    JsonNode a = json.readTree(first.out());
    assertThat(a.get("outcome").asText()).isEqualTo("answered");
    assertThat(a.get("citations").get(0).get("docId").asText()).isEqualTo("liver-metastases");
    CliRun next =
        CliRun.of(
            args(
                "ask",
                "and in spanish?",
                "--conversation",
                a.get("conversationId").asText(),
                "--json"));
    assertThat(next.code()).as(next.err()).isZero();
    JsonNode b = json.readTree(next.out());
    assertThat(b.get("language").asText()).isEqualTo("es");
    assertThat(b.get("outcome").asText()).isEqualTo("answered");
    assertThat(b.get("citations").get(0).get("docId").asText())
        .isEqualTo("metastasis-en-el-higado");
    assertThat(b.get("citations").get(0).get("heading").asText())
        .isEqualTo("Qué síntomas pueden causar las metástasis en el hígado");
  }
}
