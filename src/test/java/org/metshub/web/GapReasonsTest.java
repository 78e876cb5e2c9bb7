package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metshub.answer.Reason;
import org.metshub.answer.store.SqlGapLog;
import org.metshub.kb.Vocabularies;

/**
 * The content-gaps page says why a question was not answered in the curator's language, from the
 * reason's kind and values; a reason without a kind (recorded before kinds were kept) shows its
 * English text.
 */
class GapReasonsTest {
  private static final Ui EN = Ui.bundled(Vocabularies.bundled()).get("en");
  private static final Ui ES = Ui.bundled(Vocabularies.bundled()).get("es");

  /** Every kind the answer path gives a reason of (see {@link Reason}). */
  private static final List<String> KINDS =
      List.of(
          "noSection",
          "notClose",
          "otherCancer",
          "unknownWords",
          "aspect",
          "notSpoken",
          "tooWeak",
          "placeOfCare",
          "noText");

  private static SqlGapLog.Detail gap(Reason why) {
    return new SqlGapLog.Detail(
        "k", "q", "es", 1, why.text(), "2026-12-07", "2026-12-07", false, List.of(), why);
  }

  @Test
  void eachKindReadsInBothLanguagesWithItsValues() {
    Reason weak =
        new Reason(
            "tooWeak",
            List.of("Qué es la ablación", "cirugia-y-ablacion", "0.61", "0.84"),
            "the closest section ('Qué es la ablación' of cirugia-y-ablacion) answers too weakly");
    assertThat(ConsolePages.why(ES, gap(weak)))
        .isEqualTo(
            "La sección más cercana («Qué es la ablación», de cirugia-y-ablacion) responde con"
                + " poca seguridad: confianza 0.61, por debajo de 0.84.");
    assertThat(ConsolePages.why(EN, gap(weak)))
        .isEqualTo(
            "The closest section (“Qué es la ablación” of cirugia-y-ablacion) answers too weakly:"
                + " confidence 0.61, below 0.84.");
    for (String kind : KINDS) {
      assertThat(EN.has("console.gaps.why." + kind)).as(kind).isTrue();
      assertThat(ES.has("console.gaps.why." + kind)).as(kind).isTrue();
      String es = ConsolePages.why(ES, gap(new Reason(kind, List.of("a", "b", "c", "d"), "x")));
      assertThat(es).as(kind).doesNotContain("{").isNotEqualTo("x");
    }
  }

  @Test
  void anAspectIsNamedInTheCuratorsLanguage() {
    Reason cost =
        new Reason("aspect", List.of("cost", "Cascos fríos", "caida-del-cabello"), "english");
    assertThat(ConsolePages.why(ES, gap(cost)))
        .isEqualTo(
            "La pregunta pide el costo o el pago; la sección más cercana («Cascos fríos», de"
                + " caida-del-cabello) no habla de eso.");
    for (String id : List.of("cost", "comparison", "figures")) {
      assertThat(EN.has("console.gaps.aspect." + id)).as(id).isTrue();
      assertThat(ES.has("console.gaps.aspect." + id)).as(id).isTrue();
    }
  }

  @Test
  void cancerTypesAreNamedInTheCuratorsLanguage() {
    Reason other =
        new Reason("otherCancer", List.of("breast", "metastatic cancer, lung"), "english");
    assertThat(ConsolePages.why(ES, gap(other)))
        .isEqualTo(
            "La pregunta trata de cáncer de mama; la sección más cercana está en una página sobre"
                + " cáncer metastásico, cáncer de pulmón.");
    assertThat(ConsolePages.why(EN, gap(other))).contains("about breast cancer;");
  }

  @Test
  void aReasonWithoutAKindOrWithAnUnknownOneShowsItsText() {
    assertThat(ConsolePages.why(ES, gap(Reason.text("the KB never uses the words [x]"))))
        .isEqualTo("the KB never uses the words [x]");
    assertThat(ConsolePages.why(ES, gap(new Reason("somethingNew", List.of("a"), "as recorded"))))
        .isEqualTo("as recorded");
  }
}
