package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.metshub.answer.Answer;
import org.metshub.answer.AnswerSentence;
import org.metshub.answer.Citation;
import org.metshub.answer.Excerpt;
import org.metshub.answer.RelatedDocument;
import org.metshub.kb.ReviewState;
import org.metshub.kb.Vocabularies;
import org.metshub.safety.CrisisLine;
import org.metshub.safety.EmergencyNumber;

/** The answer template on each outcome, rendered without a server. */
class AnswerPageTest {
  static final Map<String, Ui> UI = Ui.bundled(Vocabularies.bundled());

  static String render(Answer a, String lang) {
    Ui ui = UI.get(lang);
    Map<String, Object> params = new HashMap<>();
    params.put("c", new Chrome(ui, "q", "/ask?lang=es", "ask"));
    params.put(
        "m", AskPages.view("what is bone metastasis?", a, ui, UI.get(a.language()), "test-token"));
    return new Templates().render("answer", params);
  }

  @Test
  void answeredShowsNumberedCitationsWithReviewDatesAndState() {
    Answer a =
        new Answer.Answered(
            "en",
            "Here is what our pages say.",
            List.of(
                new AnswerSentence("Bone is a common place for cancer to spread <b>.", List.of(1))),
            List.of(
                new Citation(
                    1,
                    "bone-metastases",
                    "bone-metastases#2",
                    "When cancer spreads to the bone",
                    "MetsHub",
                    "https://example.org/bone",
                    "What it is",
                    Optional.of(LocalDate.of(2026, 11, 1)),
                    ReviewState.OVERDUE,
                    "owned",
                    true,
                    List.of("metastatic cancer"))),
            List.of(),
            List.of(new RelatedDocument("pain", "Managing pain", "")),
            List.of("Ask your team."),
            "Not medical advice.",
            "conv1",
            "definition");
    String html = render(a, "en");
    assertThat(html)
        .contains(
            "outcome-answered",
            "Bone is a common place for cancer to spread &lt;b&gt;.",
            "<a class=\"cite\" href=\"#source-1\" aria-label=\"Source 1\">[1]</a>",
            "<li id=\"source-1\"><a href=\"/docs/bone-metastases\">When cancer spreads to the bone</a>",
            "reviewed November 1, 2026",
            "state-overdue",
            "Review overdue",
            "href=\"https://example.org/bone\"",
            "/docs/pain",
            "Not medical advice.",
            "name=\"c\" value=\"conv1\"");
  }

  @Test
  void anExcerptKeepsItsListWithItsLeadInMarksTheBestSentenceAndLinksToTheSection() {
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
                        new Excerpt.Sentence("Later, symptoms may include:", true))),
                new Excerpt.Block(
                    Excerpt.Kind.LIST_ITEM,
                    List.of(new Excerpt.Sentence("pain on the right side <of> the belly", false))),
                new Excerpt.Block(
                    Excerpt.Kind.LIST_ITEM,
                    List.of(new Excerpt.Sentence("yellow skin or eyes", false)))),
            false,
            true);
    Answer a =
        new Answer.Answered(
            "en",
            "Here is what our pages say.",
            List.of(
                new AnswerSentence("Liver metastases may cause no symptoms at first.", List.of(1))),
            List.of(
                new Citation(
                    1,
                    "liver-metastases",
                    "liver-metastases#symptoms",
                    "When cancer spreads to the liver",
                    "MetsHub",
                    "https://example.org/liver",
                    "Symptoms",
                    Optional.of(LocalDate.of(2026, 11, 1)),
                    ReviewState.CURRENT,
                    "owned",
                    true,
                    List.of("metastatic cancer"))),
            List.of(e),
            List.of(),
            List.of(),
            "Not advice.",
            "conv9",
            "symptoms");
    String html = render(a, "en");
    assertThat(html)
        .contains(
            "<strong>Symptoms</strong>",
            "<mark>Later, symptoms may include:</mark>",
            "<ul><li>pain on the right side &lt;of&gt; the belly </li><li>yellow skin or eyes </li></ul>",
            "href=\"/docs/liver-metastases#symptoms\">Read the whole section</a>");
    assertThat(html.indexOf("may include:")).isLessThan(html.indexOf("<ul>"));
    // On the Spanish site ("en inglés por favor"), the English reply's box speaks English
    // throughout, its labels included; the page around it stays Spanish.
    String onSpanishSite = render(a, "es");
    assertThat(onSpanishSite)
        .contains(
            "lang=\"en\"",
            "href=\"/docs/liver-metastases#symptoms\">Read the whole section</a>",
            "aria-label=\"Source 1\"",
            "Usted preguntó")
        .doesNotContain("Leer toda la sección");
  }

  @Test
  void refusedAndUrgentAreRenderedKindlyInSpanish() {
    String refused =
        render(
            new Answer.Refused(
                "es",
                "No podemos elegir un tratamiento.",
                "treatment_choice",
                List.of("¿Qué opciones tengo?"),
                List.of("Hable con su equipo."),
                "No es consejo médico.",
                "c2",
                "es:refuse",
                List.of()),
            "es");
    assertThat(refused)
        .contains(
            "outcome-refused",
            "No podemos responder a esto",
            "Preguntas que puede hacer a su equipo de atención",
            "¿Qué opciones tengo?");
    String urgent =
        render(
            new Answer.Urgent(
                "en",
                "Call 911 now.",
                "chest_pain",
                "self",
                List.of("Call your emergency number."),
                List.of(),
                List.of(new EmergencyNumber("911", "United States")),
                Optional.of("US"),
                "Not an emergency service.",
                "c3",
                "en:urgent"),
            "en");
    assertThat(urgent)
        .contains(
            "outcome-urgent",
            "Please get help now",
            "Call 911 now.",
            "<a class=\"call\" href=\"tel:911\">Call 911</a>",
            "United States")
        .doesNotContain("id=\"source-1\"", "crisis-lines");
  }

  @Test
  void aSelfHarmReplyShowsEachCrisisLineAsATelLinkWithItsHoursAndLanguages() {
    Answer a =
        new Answer.Urgent(
            "es",
            "Gracias por contárnoslo.",
            "self_harm",
            "self",
            List.of("Llame."),
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
                    Optional.empty()),
                new CrisisLine(
                    "Find A Helpline",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    "https://findahelpline.com",
                    "INT",
                    Optional.empty(),
                    List.of(),
                    Optional.empty())),
            List.of(new EmergencyNumber("999", "Reino Unido")),
            Optional.of("GB"),
            "Pie.",
            "c4",
            "es:self_harm");
    // On the English site, the Spanish reply is labelled in Spanish.
    String html = render(a, "en");
    assertThat(html)
        .contains(
            "id=\"crisis-lines\"",
            "Hable con alguien ahora",
            "<a class=\"call\" href=\"tel:116123\">Llamar al 116 123</a>",
            "Las 24 horas",
            "Idiomas: inglés",
            "href=\"https://findahelpline.com\"",
            "Busque ayuda ahora",
            "href=\"tel:999\"");
    // The kind words first, then the lines, then the emergency number.
    assertThat(html.indexOf("Gracias por contárnoslo")).isLessThan(html.indexOf("tel:116123"));
    assertThat(html.indexOf("tel:116123")).isLessThan(html.indexOf("tel:999"));
  }

  @Test
  void aReportRefusalListsTheGeneralPagesOnItsWordsAfterTheQuestionsToAsk() {
    String html =
        render(
            new Answer.Refused(
                "en",
                "We cannot read your report for you.",
                "interpret_report",
                List.of("What does this result mean for me?"),
                List.of(),
                "Not medical advice.",
                "c4",
                "en:refuse.interpret_report",
                List.of(
                    new RelatedDocument(
                        "metastatic-breast-cancer",
                        "Metastatic breast cancer",
                        "",
                        List.of(
                            new RelatedDocument.Section(
                                "Why testing the tumor matters", "why-testing"))))),
            "en");
    assertThat(html)
        .contains(
            "General pages on these words",
            "<a href=\"/docs/metastatic-breast-cancer#why-testing\">Metastatic breast cancer</a>",
            "<a class=\"doc-section\" href=\"/docs/metastatic-breast-cancer#why-testing\">Why"
                + " testing the tumor matters</a>")
        .doesNotContain("Closest pages we have");
    assertThat(html.indexOf("What does this result mean for me?"))
        .isLessThan(html.indexOf("General pages on these words"));
  }

  @Test
  void aNextStepThatEndsWithAPhoneOrASiteEndsWithItAsALink() {
    Answer a =
        new Answer.Abstained(
            "es",
            "No encontramos una buena respuesta.",
            List.of(),
            List.of(
                "Hable con un especialista: American Cancer Society, 1-800-227-2345",
                "Una organización de pacientes en su país: Liga <Colombiana>,"
                    + " https://ligacancercolombia.org/",
                "Pregunte a su equipo de atención."),
            "No es consejo médico.",
            "conv3",
            "too weakly",
            "");
    String html = render(a, "es");
    assertThat(html)
        .contains(
            "<li>Hable con un especialista: American Cancer Society, <a href=\"tel:18002272345\">"
                + "1-800-227-2345</a></li>",
            "Liga &lt;Colombiana&gt;, <a href=\"https://ligacancercolombia.org/\" rel=\"noopener\""
                + " class=\"bare-url\">https://ligacancercolombia.org/</a></li>",
            "<li>Pregunte a su equipo de atención.</li>");
  }

  @Test
  void aStepWithoutANumberOrAnAddressAtItsEndStaysText() {
    assertThat(AskPages.step("Call 911 if it gets worse.").href()).isEmpty();
    assertThat(AskPages.step("Browse organisations in our directory.").href()).isEmpty();
    assertThat(AskPages.step("Line: 0800 002 9002").href()).isEqualTo("tel:08000029002");
    assertThat(AskPages.step("Ring +44 (0)808 808 00 00").href()).isEqualTo("tel:+4408088080000");
  }

  @Test
  void anAbstentionLinksEachClosestPageToTheSectionRankedFirstOnIt() {
    Answer a =
        new Answer.Abstained(
            "es",
            "No encontramos una buena respuesta.",
            List.of(
                new RelatedDocument(
                    "biopsia",
                    "Biopsia",
                    "https://example.org/b",
                    List.of(
                        new RelatedDocument.Section(
                            "Cómo prepararse <y> recuperarse", "como-prepararse"),
                        new RelatedDocument.Section("Tipos de biopsia", "tipos"))),
                new RelatedDocument("dolor", "Control del dolor", "")),
            List.of(
                "Las páginas más cercanas: Biopsia (vea «Cómo prepararse»); Control del dolor",
                "Pregunte a su equipo de atención."),
            "No es consejo médico.",
            "conv2",
            "too weakly",
            "Las páginas más cercanas: Biopsia (vea «Cómo prepararse»); Control del dolor");
    String html = render(a, "es");
    assertThat(html)
        .contains(
            "<a href=\"/docs/biopsia#como-prepararse\">Biopsia</a>",
            "<a class=\"doc-section\" href=\"/docs/biopsia#como-prepararse\">Cómo prepararse &lt;y&gt;"
                + " recuperarse</a>",
            "<a class=\"doc-section\" href=\"/docs/biopsia#tipos\">Tipos de biopsia</a>",
            "<a href=\"/docs/dolor\">Control del dolor</a></li>",
            "Pregunte a su equipo de atención.");
    // The links sit in the reply under their own heading, before what to do next, and the
    // sentence that names the same pages for plain text is not shown a second time.
    String reply =
        html.substring(html.indexOf("<section class=\"outcome"), html.indexOf("</section>"));
    assertThat(reply.indexOf("Las páginas más cercanas que tenemos"))
        .isPositive()
        .isLessThan(reply.indexOf("/docs/biopsia#como-prepararse"));
    assertThat(reply.indexOf("/docs/dolor")).isLessThan(reply.indexOf("Qué puede hacer ahora"));
    assertThat(html).doesNotContain("Las páginas más cercanas:", "Páginas relacionadas");
  }

  @Test
  void anAbstentionRefusesAClosestStepThatIsNotOneOfItsSteps() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new Answer.Abstained(
                    "en",
                    "No.",
                    List.of(),
                    List.of("Ask your care team."),
                    "",
                    "c",
                    "r",
                    "Closest"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("closestStep is not one of nextSteps");
  }
}
