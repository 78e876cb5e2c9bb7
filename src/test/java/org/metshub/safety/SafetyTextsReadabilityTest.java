package org.metshub.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The texts shown to people in distress are in plain language: grade 8 or below in English
 * (Flesch-Kincaid), and "normal" or easier in Spanish (Szigriszt-Pazos 55 or above, INFLESZ),
 * measured by the same {@link org.metshub.kb.Readability} that holds the KB to its grade.
 */
class SafetyTextsReadabilityTest {
  /** Grade 8: the ceiling for patient-facing safety texts. */
  private static final double MAX_ENGLISH_GRADE = 8.0;

  /** INFLESZ "normal" starts at 55; below is "somewhat difficult". */
  private static final double MIN_SPANISH_EASE = 55.0;

  /**
   * Every text a person can be shown, by where it sits in the rules file: each message alone (it is
   * read first, often in a hurry), and each message with its steps or questions.
   */
  private static Map<String, String> shownTexts(String language) {
    SafetyTexts t = SafetyRulesReader.bundled(language).texts();
    Map<String, String> out = new java.util.LinkedHashMap<>();
    t.urgent()
        .forEach(
            (k, forms) ->
                forms.forEach(
                    (p, g) ->
                        out.put("urgent." + k.id() + "." + p.id() + ".message", g.message())));
    t.refused().forEach((k, r) -> out.put("refused." + k.id() + ".message", r.message()));
    t.urgent()
        .forEach(
            (k, forms) ->
                forms.forEach(
                    (p, g) ->
                        out.put(
                            "urgent." + k.id() + "." + p.id(), join(g.message(), g.nextSteps()))));
    out.put("footers.urgent", t.urgentFooter());
    out.put("footers.refused", t.refusedFooter());
    t.refused().forEach((k, r) -> out.put("refused." + k.id(), join(r.message(), r.questions())));
    out.put("notes.self_harm", join(t.selfHarmNote().message(), t.selfHarmNote().nextSteps()));
    out.put("notes.symptom", join(t.symptomNote().message(), t.symptomNote().nextSteps()));
    out.replaceAll((k, v) -> SafetyTexts.fill(v, "911"));
    return out;
  }

  private static String join(String message, List<String> lines) {
    List<String> all = new ArrayList<>(List.of(message));
    lines.forEach(l -> all.add(l.matches(".*[.!?]$") ? l : l + "."));
    return String.join(" ", all);
  }

  @Test
  void englishTextsAreGradeEightOrBelow() {
    shownTexts("en")
        .forEach(
            (where, text) ->
                assertThat(org.metshub.kb.Readability.of(text, "en").fleschKincaidGrade())
                    .as(where + ": " + text)
                    .isLessThanOrEqualTo(MAX_ENGLISH_GRADE));
  }

  @Test
  void spanishTextsAreNormalOrEasierToRead() {
    shownTexts("es")
        .forEach(
            (where, text) ->
                assertThat(org.metshub.kb.Readability.of(text, "es").szigrisztPazos())
                    .as(where + ": " + text)
                    .isGreaterThanOrEqualTo(MIN_SPANISH_EASE));
  }

  @Test
  void theFormulasTellPlainFromDenseText() {
    assertThat(
            org.metshub.kb.Readability.of("Call now. Do not wait. Help is near.", "en")
                .fleschKincaidGrade())
        .isLessThan(3);
    assertThat(
            org.metshub.kb.Readability.of(
                    "Pharmacological interventions necessitate "
                        + "individualised consideration of hepatic and renal physiological parameters.",
                    "en")
                .fleschKincaidGrade())
        .isGreaterThan(12);
    assertThat(org.metshub.kb.Readability.of("quimioterapia", "es").syllables()).isEqualTo(5);
    assertThat(org.metshub.kb.Readability.of("día", "es").syllables()).isEqualTo(2);
    assertThat(
            org.metshub.kb.Readability.of("Llame ahora. No espere. La ayuda está cerca.", "es")
                .szigrisztPazos())
        .isGreaterThan(65);
    assertThat(
            org.metshub.kb.Readability.of(
                    "Las intervenciones farmacológicas requieren una "
                        + "consideración individualizada de los parámetros fisiológicos hepáticos y renales.",
                    "es")
                .szigrisztPazos())
        .isLessThan(20);
  }
}
