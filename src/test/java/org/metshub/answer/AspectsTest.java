package org.metshub.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.metshub.error.MetsHubException.BadInput;

/**
 * What a question asks for that the answering section must speak about: the bundled aspects in
 * English and Spanish, the sections that do and do not speak about them, the gate's rule and its
 * reason, and the file's errors.
 */
class AspectsTest {
  private static final Aspects BUNDLED = Aspects.bundled();

  private static List<String> asked(String question) {
    return BUNDLED.askedBy(question).stream().map(Aspects.Aspect::id).toList();
  }

  @Test
  void questionsThatAskForCostComparisonOrAFigureAreRecognisedInBothLanguages() {
    assertThat(asked("how much does keytruda cost per infusion")).containsExactly("cost");
    assertThat(asked("will medicare pay for it")).containsExactly("cost");
    assertThat(asked("cuanto cuesta un pet en lima")).containsExactly("cost");
    assertThat(asked("la isapre cubre la inmunoterapia? o hay q pagar")).containsExactly("cost");
    assertThat(asked("whole brain radiation vs radiosurgery")).containsExactly("comparison");
    assertThat(asked("olaparib o niraparib cual es mejor")).containsExactly("comparison");
    assertThat(asked("is it better than regular chemo")).containsExactly("comparison");
    assertThat(asked("stage 4 pancreatic cancer how many months does she have"))
        .containsExactly("figures");
    assertThat(asked("what are the odds it comes back")).containsExactly("rates");
    assertThat(asked("stage 4 colon cancer 5 year survival percentage")).containsExactly("rates");
    assertThat(asked("que porcentaje de canceres de prostata se pasan al hueso"))
        .containsExactly("rates");
    assertThat(asked("how many people get metastatic breast cancer each year"))
        .containsExactly("counts");
    assertThat(asked("cuantas personas tienen cancer metastasico")).containsExactly("counts");
    assertThat(asked("cuanto tiempo le queda a mi papa")).containsExactly("figures");
    assertThat(asked("esperanza de vida cancer de pulmon etapa 4")).containsExactly("figures");
  }

  @Test
  void questionsThatAskForNoneOfThemAskForNothing() {
    assertThat(asked("how is metastatic colon cancer treated")).isEmpty();
    assertThat(asked("what are the symptoms of bone metastases")).isEmpty();
    assertThat(asked("¿qué es la quimioterapia?")).isEmpty();
    assertThat(asked("how long does radiation take each day")).isEmpty();
    assertThat(asked("can I carry on working during treatment")).isEmpty();
    // A percentage the reader quotes asks for none: they ask what it means.
    assertThat(asked("supervivencia relativa del 30 por ciento, qué quiere decir")).isEmpty();
    assertThat(asked("the bottle says 100% pure turmeric, is it safe")).isEmpty();
  }

  @Test
  void aSectionSpeaksAboutAnAspectInItsHeadingOrItsText() {
    List<Aspects.Aspect> cost = BUNDLED.askedBy("how much does it cost");
    assertThat(Aspects.unspoken(cost, "Can scalp cooling prevent hair loss?", "A cold cap…"))
        .map(Aspects.Aspect::label)
        .contains("cost or payment");
    assertThat(Aspects.unspoken(cost, "Help with money", "Ask a social worker.")).isEmpty();
    assertThat(Aspects.unspoken(cost, "Cold caps", "Some insurers cover them.")).isEmpty();
    List<Aspects.Aspect> figures = BUNDLED.askedBy("cuantos meses le quedan");
    assertThat(Aspects.unspoken(figures, "Qué es", "El cáncer se disemina.")).isPresent();
    assertThat(Aspects.unspoken(figures, "Cifras", "La mitad vive más de 2 años.")).isEmpty();
    List<Aspects.Aspect> compare = BUNDLED.askedBy("gamma knife vs whole brain");
    assertThat(
            Aspects.unspoken(
                compare, "Radiosurgery", "It is more likely to affect memory than radiosurgery."))
        .isEmpty();
    assertThat(Aspects.unspoken(List.of(), "Anything", "at all")).isEmpty();
  }

  @Test
  void aRateOrACountIsSpokenAboutOnlyBySectionsThatStateOne() {
    List<Aspects.Aspect> rate = BUNDLED.askedBy("5 year survival percentage");
    // Years and other figures say nothing of a rate: the loose `figures` words do not pass it.
    assertThat(
            Aspects.unspoken(
                rate,
                "Living with it",
                "Many people live for years. Treatment goes on for 2 years."))
        .map(Aspects.Aspect::id)
        .contains("rates");
    assertThat(Aspects.unspoken(rate, "Survival", "About 30% live 5 years or more.")).isEmpty();
    assertThat(Aspects.unspoken(rate, "Survival", "About 1 in 5 people live 5 years.")).isEmpty();
    assertThat(Aspects.unspoken(BUNDLED.askedBy("que porcentaje"), "Cifras", "3 de cada 10."))
        .isEmpty();
    List<Aspects.Aspect> count = BUNDLED.askedBy("how many people get it each year");
    assertThat(Aspects.unspoken(count, "What the day is", "It is held on 13 October each year."))
        .map(Aspects.Aspect::id)
        .contains("counts");
    assertThat(Aspects.unspoken(count, "How common", "About 168,000 women in the US have it."))
        .isEmpty();
  }

  @Test
  void theGateAbstainsWhenTheBestSectionNeverSpeaksAboutWhatWasAsked() {
    EvidenceGate gate = new EvidenceGate(EvidenceGateTest.model());
    QuestionAnalysis asksCost =
        new QuestionAnalysis(
            "how much does scalp cooling cost",
            "en",
            Intent.PRACTICAL,
            QuestionType.GENERAL,
            List.of(),
            List.of(),
            Set.of("scalp", "cool", "cost"),
            Set.of("scalp"),
            BUNDLED.askedBy("how much does scalp cooling cost"));
    // The section the test helper makes says only "text": it never speaks about money.
    var d =
        gate.decide(
            EvidenceGateTest.evidence(
                asksCost, 0.9, List.of(), 3, EvidenceGateTest.candidate(List.of(), 5, 1.0, true)));
    assertThat(EvidenceGateTest.reason(d))
        .isEqualTo(
            ("the question asks about cost or payment; the closest section ('How it is"
                + " treated' of p) does not speak about it"));
    // The same evidence without the aspect is answered: the rule, not the confidence, decided.
    QuestionAnalysis plain =
        new QuestionAnalysis(
            asksCost.asked(),
            "en",
            Intent.PRACTICAL,
            QuestionType.GENERAL,
            List.of(),
            List.of(),
            asksCost.wanted(),
            asksCost.keyTerms(),
            List.of());
    assertThat(
            gate.decide(
                EvidenceGateTest.evidence(
                    plain, 0.9, List.of(), 3, EvidenceGateTest.candidate(List.of(), 5, 1.0, true))))
        .isInstanceOf(EvidenceGate.Sufficient.class);
    assertThat(
            EvidenceGate.ruledOut(
                EvidenceGateTest.evidence(
                    asksCost,
                    0.9,
                    List.of(),
                    3,
                    EvidenceGateTest.candidate(List.of(), 5, 1.0, true))))
        .isTrue();
  }

  @Test
  void aBadFileIsRefusedWithWhereAndWhy() {
    String good =
        """
        aspects:
          cost:
            label: cost
            asks: ['\\bcost\\b']
            speaks: ['\\bmoney\\b']
        """;
    assertThat(Aspects.read("a.yaml", good).askedBy("the cost of it")).hasSize(1);
    assertThat(
            assertThrows(
                    BadInput.class, () -> Aspects.read("a.yaml", good.replace("label", "lable")))
                .getMessage())
        .contains("a.yaml", "aspects.cost.lable", "unknown key");
    assertThat(
            assertThrows(
                    BadInput.class,
                    () -> Aspects.read("a.yaml", good.replace("    label: cost\n", "")))
                .getMessage())
        .contains("aspects.cost.label", "is required");
    assertThat(
            assertThrows(
                    BadInput.class, () -> Aspects.read("a.yaml", good.replace("\\bcost\\b", "(")))
                .getMessage())
        .contains("aspects.cost.asks[0]", "not a valid regular expression");
    assertThat(
            assertThrows(
                    BadInput.class, () -> Aspects.read("a.yaml", good.replace("\\bmoney\\b", "x?")))
                .getMessage())
        .contains("aspects.cost.speaks[0]", "matches an empty text");
    assertThat(
            assertThrows(BadInput.class, () -> Aspects.read("a.yaml", "aspects: {}\n"))
                .getMessage())
        .contains("aspects", "non-empty mapping");
    assertThat(
            assertThrows(BadInput.class, () -> Aspects.read("a.yaml", "aspect: {}\n")).getMessage())
        .contains("unknown key");
    assertThat(BUNDLED.askedBy("x")).isEmpty();
  }
}
