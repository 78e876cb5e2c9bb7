package org.metshub.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.metshub.safety.SafetyVerdict.Refused;
import org.metshub.safety.SafetyVerdict.Safe;
import org.metshub.safety.SafetyVerdict.Urgent;

/** The hard cases of the issue, each in English and Spanish, and what each verdict carries. */
class SafetyPolicyTest {
  private final SafetyPolicy policy = SafetyPolicy.bundled();

  private SafetyVerdict classify(String message) {
    return policy.classify(message, "", Optional.empty());
  }

  private static String contacts(List<CrisisLine> lines) {
    return lines.stream()
        .map(
            l ->
                l.name()
                    + ": "
                    + l.phone().orElse("")
                    + " "
                    + l.text().orElse("")
                    + " "
                    + l.note().orElse("")
                    + " "
                    + l.url())
        .toList()
        .toString();
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
      what are the symptoms of spinal cord compression?  => safe.information
      why does bone metastasis cause back pain?           => safe.no_match
      ¿qué síntomas tiene la compresión medular?          => safe.information
      ¿por qué la metástasis ósea causa dolor de espalda? => safe.no_match
      """)
  void asksAboutASymptomWithoutReportingIt(String message, String ruleId) {
    assertThat(classify(message))
        .isInstanceOf(Safe.class)
        .extracting(SafetyVerdict::ruleId)
        .isEqualTo(ruleId);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
      my mom has a fever during chemo                       => fever_during_chemo
      I suddenly can't feel my legs and my back hurts       => spinal_cord_compression
      I can't breathe                                       => trouble_breathing
      tengo fiebre y estoy en quimioterapia                 => fever_during_chemo
      de repente no siento las piernas y me duele la espalda => spinal_cord_compression
      no puedo respirar                                     => trouble_breathing
      """)
  void reportsAnUrgentSymptomInTheFirstPersonOrAsACaregiver(String message, String kind) {
    assertThat(classify(message))
        .isInstanceOfSatisfying(Urgent.class, u -> assertThat(u.kind().id()).isEqualTo(kind));
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
      I have a lump in my armpit, could it be that the cancer spread? => diagnosis
      do my symptoms mean it's in my bones?                           => diagnosis
      tengo un bulto en la axila, ¿será que el cáncer se extendió?    => diagnosis
      ¿estos síntomas significan que está en mis huesos?              => diagnosis
      my CEA went from 5 to 12, what does that mean                   => interpret_report
      my scan report says 'lytic lesion', is that bad for me?         => interpret_report
      mi informe de resonancia dice que hay una lesión lítica         => interpret_report
      mi CEA subió de 5 a 12, ¿qué significa?                         => interpret_report
      should I take Xgeva or zoledronic acid?                         => treatment_choice
      should my dad stop chemo?                                       => treatment_choice
      ¿debería tomar Xgeva o ácido zoledrónico?                       => treatment_choice
      ¿debería mi padre dejar la quimio?                              => treatment_choice
      how many mg of oxycodone can I take                             => dose
      ¿cuántos miligramos de morfina puedo tomar?                     => dose
      """)
  void declinesDiagnosisReportsTreatmentChoicesAndDoses(String message, String reason) {
    assertThat(classify(message))
        .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.reason().id()).isEqualTo(reason));
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
      what is a lytic lesion?          => en
      what is denosumab used for?      => en
      ¿qué es una lesión lítica?       => es
      ¿para qué se usa el denosumab?   => es
      """)
  void explainsTermsThatWouldBeRefusedAboutAPerson(String message, String language) {
    SafetyVerdict v = classify(message);
    assertThat(v).isInstanceOf(Safe.class);
    assertThat(v.language()).isEqualTo(language);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
      I don't want to be here anymore         => en
      I want to end it all                    => en
      I've been thinking about killing myself => en
      ya no quiero vivir                      => es
      quiero acabar con todo                  => es
      he pensado en quitarme la vida          => es
      """)
  void readsSelfHarmIncludingIndirectWordsAsUrgentWithCrisisLines(String message, String lang) {
    assertThat(classify(message))
        .isInstanceOfSatisfying(
            Urgent.class,
            u -> {
              assertThat(u.kind()).isEqualTo(UrgentKind.SELF_HARM);
              assertThat(u.language()).isEqualTo(lang);
              assertThat(u.crisisLines()).isNotEmpty();
            });
  }

  /**
   * The decision for information questions about suicide: they are answered (a researcher or a
   * worried relative deserves the answer), and the crisis lines are shown beside it, gently,
   * because some people ask "for a friend". See SafetyPolicy#note.
   */
  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
      suicide rates in cancer patients research          => 988
      estadísticas de suicidio en pacientes con cáncer   => findahelpline
      """)
  void answersResearchAboutSuicideWithCrisisLinesShownGently(String message, String line) {
    SafetyVerdict v =
        policy.classify(
            message, "", message.contains("research") ? Optional.of("US") : Optional.empty());
    assertThat(v)
        .isInstanceOfSatisfying(
            Safe.class,
            s -> {
              assertThat(s.ruleId()).isEqualTo("safe.information");
              assertThat(s.note())
                  .hasValueSatisfying(n -> assertThat(contacts(n.crisisLines())).contains(line));
            });
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
      I don't have chest pain, but what is pleural effusion?  => safe.negated
      no tengo dolor en el pecho, pero ¿qué es un derrame pleural? => safe.negated
      what should I do if I get a fever during chemo          => safe.hypothetical
      ¿qué hago si tengo fiebre durante la quimio?            => safe.hypothetical
      spinal cord compression                                 => safe.general
      """)
  void setsAsideNegatedHypotheticalAndUnreportedSymptoms(String message, String ruleId) {
    assertThat(classify(message).ruleId()).isEqualTo(ruleId);
  }

  @Test
  void aNegatedSymptomGetsNoNoteButAnAskedAboutOneDoes() {
    assertThat(classify("I don't have chest pain"))
        .isInstanceOfSatisfying(Safe.class, s -> assertThat(s.note()).isEmpty());
    assertThat(classify("what are the symptoms of spinal cord compression?"))
        .isInstanceOfSatisfying(
            Safe.class,
            s ->
                assertThat(s.note())
                    .hasValueSatisfying(
                        n -> {
                          assertThat(n.message()).contains("happening to you");
                          assertThat(n.crisisLines()).isEmpty();
                        }));
  }

  @Test
  void selfHarmOutranksUrgentSymptomsWhichOutrankRefusals() {
    assertThat(classify("I have chest pain and I want to kill myself"))
        .isInstanceOfSatisfying(
            Urgent.class, u -> assertThat(u.kind()).isEqualTo(UrgentKind.SELF_HARM));
    assertThat(classify("I have chest pain, could it be that the cancer spread?"))
        .isInstanceOfSatisfying(
            Urgent.class, u -> assertThat(u.kind()).isEqualTo(UrgentKind.CHEST_PAIN));
  }

  @Test
  void verdictNamesTheRuleThatFiredAndTheWordsThatMatched() {
    SafetyVerdict v = classify("my dad says his chest feels tight");
    assertThat(v.ruleId()).isEqualTo("en:urgent.chest_pain");
    assertThat(v.explanation()).contains("'chest feels tight'", "'his' before it");
    SafetyVerdict es = classify("me duele el pecho");
    assertThat(es.ruleId()).isEqualTo("es:urgent.chest_pain");
  }

  @Test
  void safeVerdictsNameTheRulesTheySetAside() {
    SafetyVerdict v = classify("what are the symptoms of spinal cord compression?");
    assertThat(v.explanation())
        .contains("en:urgent.spinal_cord_compression.named", "an information question: 'what are'");
    assertThat(classify("what is palliative care").explanation()).isEqualTo("no rule matched");
  }

  @Test
  void urgentGuidanceFillsInTheEmergencyNumberOfTheCountry() {
    Urgent au = (Urgent) policy.classify("I have chest pain", "", Optional.of("AU"));
    assertThat(au.nextSteps()).first().isEqualTo("Call 000 now.");
    assertThat(au.crisisLines()).isEmpty();
    assertThat(au.country()).contains("AU");
    Urgent unknown = (Urgent) classify("I have chest pain");
    assertThat(unknown.nextSteps().getFirst()).startsWith("Call your local emergency number");
    assertThat(unknown.country()).isEmpty();
  }

  @Test
  void noPlaceholderIsLeftInAnyTextShown() {
    for (String m :
        List.of(
            "i want to die",
            "I have chest pain",
            "how much morphine can i take",
            "what is spinal cord compression",
            "quiero morir",
            "¿cuánta morfina puedo tomar?")) {
      SafetyVerdict v = classify(m);
      String shown =
          switch (v) {
            case Safe s -> s.note().map(n -> n.message() + n.nextSteps()).orElse("");
            case Urgent u -> u.message() + u.nextSteps() + u.crisisLines();
            case Refused r -> r.message() + r.questions();
          };
      assertThat(shown).as(m).doesNotContain("{", "}");
    }
  }

  @Test
  void selfHarmGetsTheCrisisLinesOfTheCountryTheMessageNames() {
    Urgent uk = (Urgent) classify("I'm in the UK and I want to kill myself");
    assertThat(uk.country()).contains("GB");
    assertThat(contacts(uk.crisisLines())).contains("Samaritans", "116 123", "findahelpline");
    assertThat(uk.nextSteps()).anyMatch(s -> s.contains("999"));
    Urgent mx = (Urgent) classify("estoy en México y ya no quiero vivir");
    assertThat(mx.language()).isEqualTo("es");
    assertThat(contacts(mx.crisisLines())).contains("Línea de la Vida", "800 911 2000");
    assertThat(mx.crisisLines().getFirst().tel()).contains("tel:8009112000");
  }

  @Test
  void selfHarmWithNoCountryGetsTheDefaultLines() {
    Urgent u = (Urgent) classify("I want to end it all");
    assertThat(u.crisisLines())
        .extracting(l -> l.phone().orElse(l.url()))
        .containsExactly("988", "116 123", "024", "https://findahelpline.com");
    assertThat(u.nextSteps().getFirst()).contains("your local emergency number");
    assertThat(u.emergencyNumbers())
        .extracting(EmergencyNumber::number)
        .containsExactly("911", "999", "112");
  }

  @Test
  void theRegionOfTheReadersLanguageChoosesTheLinesWhenNothingElseDoes() {
    Urgent gb =
        (Urgent)
            policy.classify(
                "I want to end my life",
                new ReaderContext("en", Optional.empty(), Optional.of("GB")));
    assertThat(gb.country()).contains("GB");
    assertThat(gb.crisisLines().getFirst().tel()).contains("tel:116123");
    assertThat(gb.emergencyNumbers())
        .extracting(EmergencyNumber::tel)
        .containsExactly("tel:999", "tel:112");
    Urgent mx =
        (Urgent)
            policy.classify(
                "quiero morirme", new ReaderContext("es", Optional.empty(), Optional.of("MX")));
    assertThat(mx.crisisLines().getFirst().phone()).contains("800 911 2000");
    // The message naming a country wins over the region.
    Urgent au =
        (Urgent)
            policy.classify(
                "I'm in Australia and I want to die",
                new ReaderContext("en", Optional.empty(), Optional.of("GB")));
    assertThat(au.country()).contains("AU");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
      quiero morirme         => en
      quiero morir           => en
      me quiero morir        => en
      quiero morirme         => es
      I want to kill myself  => es
      """)
  void aCrisisMessageIsAnsweredInItsOwnLanguageWhateverTheInterface(String m, String iface) {
    Urgent u = (Urgent) policy.classify(m, ReaderContext.of(iface));
    assertThat(u.language()).isEqualTo(m.startsWith("I ") ? "en" : "es");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
      I have a fever of 39 and I'm on chemo                => self
      My dad has a fever of 39 and he is on chemo          => other
      my husband can't breathe                             => other
      i cant breathe                                       => self
      my son says he wants to kill himself                 => other
      I want to end my life                                => self
      mi madre no puede respirar                           => other
      no puedo respirar                                    => self
      """)
  void speaksToTheWriterOrAboutThePersonTheyWriteAbout(String message, String person) {
    Urgent u = (Urgent) classify(message);
    assertThat(u.person().id()).isEqualTo(person);
    String shown = u.message() + " " + String.join(" ", u.nextSteps());
    if (person.equals("other")) {
      assertThat(shown).doesNotContain("you feel fine", "if you feel", "Stay with the person");
    }
  }

  @Test
  void urgentAndRefusedRepliesCarryTheirOwnFooter() {
    Urgent u = (Urgent) policy.classify("I have chest pain", "", Optional.of("GB"));
    assertThat(u.footer())
        .contains("not an emergency service", "999")
        .doesNotContain("sources cited");
    Refused r = (Refused) classify("should my dad stop chemo?");
    assertThat(r.footer()).contains("general information").doesNotContain("sources cited");
  }

  @Test
  void anExplicitCountryWinsOverTheMessage() {
    Urgent u = (Urgent) policy.classify("I'm in the UK, I want to die", "", Optional.of("us"));
    assertThat(u.country()).contains("US");
    assertThat(contacts(u.crisisLines())).contains("988");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
      I'm in the UK and scared                      => GB
      i live in ireland                             => IE
      we're currently living in Australia           => AU
      in australia, what is palliative care         => AU
      estoy en México                               => MX
      vivo en España con mi madre                   => ES
      soy de Argentina                              => AR
      I'm from Mexico but I live in the US          => US
      based in canada                               => CA
      """)
  void detectsTheCountryTheMessageSaysTheWriterIsIn(String message, String code) {
    assertThat(policy.country(ReaderContext.of("en"), NormalisedText.of(message))).contains(code);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
      I live in New Mexico
      the US has the most trials
      what is palliative care
      """)
  void findsNoCountryWhenNoneIsNamedAfterALocationCue(String message) {
    assertThat(policy.country(ReaderContext.of("en"), NormalisedText.of(message))).isEmpty();
  }

  @Test
  void aPlaceNamedInAQuestionStillCountsSinceItOnlyChoosesWhichLinesToShow() {
    assertThat(policy.country(ReaderContext.of("en"), NormalisedText.of("breast cancer in Spain")))
        .contains("ES");
  }

  @Test
  void refusalsOfferThreeToFiveQuestionsInTheUsersLanguage() {
    Refused en = (Refused) classify("should my dad stop chemo?");
    assertThat(en.questions()).hasSizeBetween(3, 5).allMatch(q -> q.endsWith("?"));
    assertThat(en.message()).contains("care team");
    Refused es = (Refused) classify("¿cuántos miligramos de morfina puedo tomar?");
    assertThat(es.language()).isEqualTo("es");
    assertThat(es.questions()).hasSizeBetween(3, 5).allMatch(q -> q.startsWith("¿"));
  }

  @Test
  void refusalsSayWhereToGoAndWhyForEachKind() {
    assertThat(((Refused) classify("how much morphine can I take")).message())
        .contains("pharmacist", "poison center");
    assertThat(((Refused) classify("can you explain my pet scan results")).message())
        .contains("ordered the test");
  }

  @Test
  void theInterfaceLanguageDecidesOnlyWhenTheMessageIsNotClear() {
    assertThat(policy.classify("I can't breathe", "es-MX", Optional.empty()).language())
        .isEqualTo("en");
    // "39.5 temp chemo" uses no common word of either language.
    SafetyVerdict v = policy.classify("39.5 temp chemo", "es-MX", Optional.empty());
    assertThat(v.language()).isEqualTo("es");
    assertThat(((Urgent) v).message()).contains("fiebre");
  }

  @Test
  void anUnsupportedLanguageFallsBackToDetection() {
    assertThat(policy.classify("no puedo respirar", "fr", Optional.empty()).language())
        .isEqualTo("es");
    assertThat(policy.classify("", "", Optional.empty()).language()).isEqualTo("en");
  }

  @Test
  void aMessageMixingLanguagesIsStillCaught() {
    assertThat(classify("mi mamá has chest pain")).isInstanceOf(Urgent.class);
  }

  @Test
  void anEmptyMessageIsSafe() {
    assertThat(classify("   "))
        .isInstanceOfSatisfying(Safe.class, s -> assertThat(s.ruleId()).isEqualTo("safe.no_match"));
  }

  @Test
  void nullArgumentsAreRefused() {
    assertThrows(NullPointerException.class, () -> policy.classify(null, "", Optional.empty()));
    assertThrows(NullPointerException.class, () -> policy.classify("hi", null, Optional.empty()));
  }

  @Test
  void crisisLinesCanBeAskedForDirectly() {
    assertThat(contacts(policy.crisisLines(Optional.of("Australia"), "en"))).contains("13 11 14");
  }
}
