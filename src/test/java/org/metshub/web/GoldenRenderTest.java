package org.metshub.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.metshub.answer.Answer;
import org.metshub.answer.AnswerSentence;
import org.metshub.answer.Citation;
import org.metshub.answer.Excerpt;
import org.metshub.answer.RelatedDocument;
import org.metshub.api.AnswerJson;
import org.metshub.kb.ReviewState;
import org.metshub.safety.CrisisLine;
import org.metshub.safety.EmergencyNumber;
import org.metshub.testing.Golden;

/**
 * Golden files for the renderers whose output readers and clients depend on: the answer JSON of the
 * API and {@code ask --json}, one per outcome, and the HTML of KB Markdown. Each is compared with a
 * reviewed file under {@code src/test/resources/golden}; see {@link Golden}.
 */
class GoldenRenderTest {
  private static final Path DIR = Path.of("src/test/resources/golden");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static final Citation LIVER =
      new Citation(
          1,
          "liver-metastases",
          "liver-metastases#symptoms",
          "When cancer spreads to the liver",
          "MetsHub",
          "https://example.org/liver",
          "Symptoms",
          Optional.of(LocalDate.of(2026, 11, 22)),
          ReviewState.CURRENT,
          "owned",
          true,
          List.of("metastatic cancer"));

  static Map<String, Answer> answers() {
    Excerpt e =
        new Excerpt(
            "liver-metastases",
            "Symptoms",
            "/docs/liver-metastases#symptoms",
            1,
            List.of(
                new Excerpt.Block(
                    Excerpt.Kind.PARAGRAPH,
                    List.of(
                        new Excerpt.Sentence(
                            "Liver metastases may cause no symptoms at first.", false),
                        new Excerpt.Sentence("When they do, they can include:", true))),
                new Excerpt.Block(
                    Excerpt.Kind.LIST_ITEM,
                    List.of(new Excerpt.Sentence("feeling very tired", false)))),
            false,
            true);
    return Map.of(
        "answered",
            new Answer.Answered(
                "en",
                "Here is what our reviewed sources say:",
                List.of(
                    new AnswerSentence(
                        "Liver metastases may cause no symptoms at first.", List.of(1))),
                List.of(LIVER),
                List.of(e),
                List.of(
                    new RelatedDocument(
                        "bone-metastases",
                        "When cancer spreads to the bone",
                        "/docs/bone-metastases")),
                List.of("Ask your care team."),
                "Not medical advice.",
                "conv-answered",
                "symptoms"),
        "abstained",
            new Answer.Abstained(
                "es",
                "No tenemos una buena respuesta.",
                List.of(
                    new RelatedDocument(
                        "cuidados-paliativos", "Cuidados paliativos", "/docs/cuidados-paliativos")),
                List.of("Pregunte a su equipo de atención."),
                "No es consejo médico.",
                "conv-abstained",
                "the KB never uses the words [pizza]"),
        "refused",
            new Answer.Refused(
                "en",
                "We cannot choose a treatment for you.",
                "treatment_choice",
                List.of("What are my options?"),
                List.of("Talk with your team."),
                "Not medical advice.",
                "conv-refused",
                "en:refuse.treatment_choice",
                List.of()),
        "urgent",
            new Answer.Urgent(
                "es",
                "Gracias por contárnoslo.",
                "self_harm",
                "self",
                List.of("Llame ahora."),
                List.of(
                    new CrisisLine(
                        "Samaritans",
                        Optional.of("116 123"),
                        Optional.empty(),
                        Optional.empty(),
                        "https://www.samaritans.org",
                        "GB",
                        Optional.of("Las 24 horas"),
                        List.of("en"),
                        Optional.empty())),
                List.of(new EmergencyNumber("999", "Reino Unido")),
                Optional.of("GB"),
                "No es un servicio de emergencias.",
                "conv-urgent",
                "es:self_harm"));
  }

  @Test
  void theAnswerJsonOfEachOutcome() throws IOException {
    for (Map.Entry<String, Answer> a : new java.util.TreeMap<>(answers()).entrySet()) {
      Golden.check(
          DIR.resolve("answer-json/" + a.getKey() + ".json"),
          JSON.writeValueAsString(AnswerJson.of(a.getValue())) + "\n");
    }
  }

  static Stream<Path> markdown() throws IOException {
    try (Stream<Path> s = Files.list(DIR.resolve("markdown"))) {
      return s.filter(p -> p.toString().endsWith(".md")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("markdown")
  void kbMarkdownAsHtml(Path input) throws IOException {
    Golden.check(
        Path.of(input.toString().replaceAll("\\.md$", ".html")),
        MarkdownHtml.render(Files.readString(input)) + "\n");
  }
}
