package org.metshub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.metshub.answer.Answer;
import org.metshub.answer.AnswerSentence;
import org.metshub.answer.Citation;
import org.metshub.kb.ReviewState;
import org.metshub.safety.CrisisLine;
import org.metshub.safety.EmergencyNumber;
import org.metshub.search.Snippet;

/** What the terminal shows of a search snippet and of an answer, in the reply's language. */
class TerminalTextTest {
  static Citation citation(String url) {
    return new Citation(
        1,
        "liver-metastases",
        "liver-metastases#symptoms",
        "When cancer spreads to the liver",
        "MetsHub",
        url,
        "Symptoms",
        Optional.of(LocalDate.of(2026, 11, 22)),
        ReviewState.CURRENT,
        "owned",
        true,
        List.of("metastatic cancer"));
  }

  static Answer answered(String language, String url) {
    return new Answer.Answered(
        language,
        "Message.",
        List.of(new AnswerSentence("Liver metastases may cause no symptoms at first.", List.of(1))),
        List.of(citation(url)),
        List.of(),
        List.of(),
        List.of("Ask your care team."),
        "Disclaimer.",
        "conv",
        "symptoms");
  }

  @Test
  void aSnippetShowsEachHighlightBetweenStarsAndItsTextAsWritten() {
    Snippet s =
        new Snippet(
            "Bone & <b>pain</b>: SBRT-guided",
            List.of(
                new Snippet.Highlight(0, 4), new Snippet.Highlight(10, 14),
                new Snippet.Highlight(20, 24), new Snippet.Highlight(24, 31)));
    assertThat(SearchCommand.starred(s)).isEqualTo("*Bone* & <b>*pain*</b>: *SBRT**-guided*");
  }

  @Test
  void anEnglishAnswerListsItsSourcesWithTheirReviewDates() {
    String text = AnswerText.of(answered("en", "https://example.org/liver"));
    assertThat(text)
        .isEqualTo(
            """
        Message.

        Liver metastases may cause no symptoms at first. [1]

        Sources:
         [1] When cancer spreads to the liver › Symptoms — MetsHub, https://example.org/liver \
        (last reviewed 2026-11-22, current)

        • Ask your care team.

        Disclaimer.
        """);
  }

  @Test
  void aSpanishAnswerSaysFuentesAndUltimaRevisionAndASourceWithoutAddressNamesItsPage() {
    String text = AnswerText.of(answered("es", ""));
    assertThat(text)
        .contains(
            "Fuentes:\n",
            "— MetsHub, /docs/liver-metastases " + "(última revisión 2026-11-22, current)")
        .doesNotContain("Sources", "last reviewed");
  }

  @Test
  void anUrgentReplyGivesCrisisLinesAndEmergencyNumbersInItsLanguage() {
    Answer urgent =
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
            List.of(
                new EmergencyNumber("999", "Reino Unido"),
                new EmergencyNumber("112", "Reino Unido")),
            Optional.of("GB"),
            "No es un servicio de emergencias.",
            "conv",
            "es:self_harm");
    assertThat(AnswerText.of(urgent))
        .contains(
            "Líneas de crisis:\n",
            "• Samaritans: 116 123. Las 24 horas. (https://www.samaritans.org)\n",
            "Emergencias: 999 o 112 (Reino Unido)\n",
            "• Llame ahora.\n",
            "No es un servicio de emergencias.");
  }

  @Test
  void aRefusalListsTheQuestionsToAskTheCareTeam() {
    Answer refused =
        new Answer.Refused(
            "en",
            "We cannot choose a treatment for you.",
            "treatment_choice",
            List.of("What are my options?"),
            List.of(),
            "Not medical advice.",
            "conv",
            "en:refuse.treatment_choice",
            List.of());
    assertThat(AnswerText.of(refused))
        .isEqualTo(
            """
        We cannot choose a treatment for you.

        Questions you could ask your care team:
         - What are my options?

        Not medical advice.
        """);
  }

  @Test
  void aReportRefusalListsTheGeneralPagesOnItsWordsWithTheirSections() {
    Answer refused =
        new Answer.Refused(
            "es",
            "No podemos leer su informe.",
            "interpret_report",
            List.of("¿Qué significa este resultado para mí?"),
            List.of(),
            "No es consejo médico.",
            "conv",
            "es:refuse.interpret_report",
            List.of(
                new org.metshub.answer.RelatedDocument(
                    "cancer-de-mama",
                    "Cáncer de mama metastásico",
                    "",
                    List.of(
                        new org.metshub.answer.RelatedDocument.Section("HER2 bajo", "her2-bajo"),
                        new org.metshub.answer.RelatedDocument.Section("Pruebas", ""))),
                new org.metshub.answer.RelatedDocument("glosario", "Glosario", "")));
    assertThat(AnswerText.of(refused))
        .isEqualTo(
            """
        No podemos leer su informe.

        Preguntas que puede hacer a su equipo de atención:
         - ¿Qué significa este resultado para mí?

        Páginas generales sobre estas palabras:
         - Cáncer de mama metastásico — /docs/cancer-de-mama
             › HER2 bajo — /docs/cancer-de-mama#her2-bajo
             › Pruebas — /docs/cancer-de-mama
         - Glosario — /docs/glosario

        No es consejo médico.
        """);
  }
}
