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
import org.metshub.answer.RelatedDocument;
import org.metshub.kb.Vocabularies;

/** The answer template on each outcome, rendered without a server. */
class AnswerPageTest {
  static final Map<String, Ui> UI = Ui.bundled(Vocabularies.bundled());

  static String render(Answer a, String lang) {
    Ui ui = UI.get(lang);
    Map<String, Object> params = new HashMap<>();
    params.put("c", new Chrome(ui, "q", "/ask?lang=es", "ask"));
    params.put("m", AskPages.view("what is bone metastasis?", a, ui, "test-token"));
    return new Templates().render("answer", params);
  }

  @Test
  void answeredShowsNumberedCitationsWithReviewDatesAndState() {
    Answer a = new Answer.Answered("en", "Here is what our pages say.",
        List.of(new AnswerSentence("Bone is a common place for cancer to spread <b>.", List.of(1))),
        List.of(new Citation(1, "bone-metastases", "bone-metastases#2",
            "When cancer spreads to the bone", "MetsHub", "https://example.org/bone",
            "What it is", Optional.of(LocalDate.of(2026, 11, 1)), "overdue", "owned", true,
            List.of("metastatic cancer"))),
        List.of(new RelatedDocument("pain", "Managing pain", "")), List.of("Ask your team."),
        "Not medical advice.", "conv1", "definition");
    String html = render(a, "en");
    assertThat(html).contains("outcome-answered",
        "Bone is a common place for cancer to spread &lt;b&gt;.",
        "<a class=\"cite\" href=\"#source-1\" aria-label=\"Source 1\">[1]</a>",
        "<li id=\"source-1\"><a href=\"/docs/bone-metastases\">When cancer spreads to the bone</a>",
        "reviewed November 1, 2026", "state-overdue", "Review overdue",
        "href=\"https://example.org/bone\"", "/docs/pain", "Not medical advice.",
        "name=\"c\" value=\"conv1\"");
  }

  @Test
  void refusedAndUrgentAreRenderedKindlyInSpanish() {
    String refused = render(new Answer.Refused("es", "No podemos elegir un tratamiento.",
        "treatment_choice", List.of("¿Qué opciones tengo?"), List.of("Hable con su equipo."),
        "No es consejo médico.", "c2", "es:refuse"), "es");
    assertThat(refused).contains("outcome-refused", "No podemos responder a esto",
        "Preguntas que puede hacer a su equipo de atención", "¿Qué opciones tengo?");
    String urgent = render(new Answer.Urgent("en", "Call 911 now.", "chest_pain",
        List.of("Call your emergency number."), "Not medical advice.", "c3", "en:urgent"), "en");
    assertThat(urgent).contains("outcome-urgent", "Please get help now", "Call 911 now.")
        .doesNotContain("id=\"source-1\"");
  }
}
