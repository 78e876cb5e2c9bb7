package org.metshub.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.metshub.error.MetsHubException.BadInput;

class SafetyRulesReaderTest {
  private static final String RULE =
      """
        - id: urgent.chest_pain
          kind: chest_pain
          patterns: ["chest pain"]
      """;

  /** A valid rules file with the given rules, and texts for every kind. */
  static String rulesFile(String rules) {
    StringBuilder sb =
        new StringBuilder(
                """
        language: en
        cues:
          personal: [i, my]
          information: ["what is"]
          negation: ["no", not]
          other: [he, she]
          self: [i]
        rules:
        """)
            .append(rules)
            .append("texts:\n  urgent:\n");
    for (UrgentKind k : UrgentKind.values()) {
      sb.append("    ").append(k.id()).append(":\n");
      for (String person : List.of("self", "other")) {
        sb.append("      ")
            .append(person)
            .append(":\n        message: Get help now.\n")
            .append("        nextSteps: [\"Call {emergency} now.\"]\n");
      }
    }
    sb.append("  refused:\n");
    for (RefusalKind k : RefusalKind.values()) {
      sb.append("    ")
          .append(k.id())
          .append(":\n      message: Ask your care team.\n")
          .append("      questions: [\"One?\", \"Two?\", \"Three?\"]\n");
    }
    return sb.append(
            """
          notes:
            self_harm: {message: "You are not alone."}
            symptom: {message: "If this is happening now, call."}
          footers:
            urgent: "Not an emergency service: if unsure, call {emergency}."
            refused: "General information only."
        """)
        .toString();
  }

  private static BadInput failure(String yaml) {
    return assertThrows(
        BadInput.class, () -> SafetyRulesReader.read("safety/rules-test.yaml", yaml));
  }

  @Test
  void readsAValidFileAndQualifiesRuleIdsWithTheLanguage() {
    LanguageRules rules = SafetyRulesReader.read("safety/rules-test.yaml", rulesFile(RULE));
    assertThat(rules.language()).isEqualTo("en");
    assertThat(rules.rules()).extracting(SafetyRule::id).containsExactly("en:urgent.chest_pain");
    assertThat(rules.rules().getFirst().kind()).isEqualTo(UrgentKind.CHEST_PAIN);
    assertThat(rules.texts().refused().get(RefusalKind.DOSE).questions()).hasSize(3);
    assertThat(rules.texts().urgent().get(UrgentKind.FAINTING))
        .containsKeys(Person.SELF, Person.OTHER);
    assertThat(rules.texts().urgentFooter()).contains("{emergency}");
  }

  @Test
  void anUrgentTextWithoutItsFormAboutAnotherPersonIsRefused() {
    String yaml =
        rulesFile(RULE)
            .replaceFirst(
                "      other:\n        message: Get help now\\.\n"
                    + "        nextSteps: \\[\"Call \\{emergency\\} now\\.\"\\]\n",
                "");
    assertThat(failure(yaml).getMessage())
        .isEqualTo(
            "safety/rules-test.yaml: "
                + "texts.urgent.self_harm.other: is required and must be a mapping");
  }

  @Test
  void unlessNamesTheCuesThatSetTheRuleAside() {
    LanguageRules rules =
        SafetyRulesReader.read(
            "safety/rules-test.yaml",
            rulesFile(
                RULE.replace(
                    "kind: chest_pain",
                    "kind: chest_pain\n    unless: [preparation, experience]")));
    assertThat(rules.rules().getFirst().unless())
        .containsExactlyInAnyOrder(Cue.PREPARATION, Cue.EXPERIENCE);
    assertThat(SafetyRulesReader.read("safety/rules-test.yaml", rulesFile(RULE)).rules())
        .allSatisfy(r -> assertThat(r.unless()).isEmpty());
  }

  @Test
  void unlessMayOnlyNamePreparationOrExperience() {
    BadInput e =
        failure(
            rulesFile(
                RULE.replace("kind: chest_pain", "kind: chest_pain\n    unless: [research]")));
    assertThat(e.getMessage())
        .isEqualTo(
            "safety/rules-test.yaml: rules[0] (urgent.chest_pain)"
                + ".unless: may only name preparation or experience, got 'research'");
  }

  @Test
  void bundledFilesHaveRulesForEveryKindInBothLanguages() {
    for (String language : List.of("en", "es")) {
      Set<RuleKind> kinds =
          SafetyRulesReader.bundled(language).rules().stream()
              .map(SafetyRule::kind)
              .collect(Collectors.toSet());
      assertThat(kinds)
          .as(language)
          .containsAll(List.of(UrgentKind.values()))
          .containsAll(List.of(RefusalKind.values()));
    }
  }

  @Test
  void invalidYamlNamesTheFile() {
    BadInput e = failure("language: en\nrules: [unclosed\n");
    assertThat(e.getMessage()).startsWith("safety/rules-test.yaml: is not valid YAML");
  }

  @Test
  void unknownKindNamesTheRuleAndTheValidKinds() {
    BadInput e = failure(rulesFile(RULE.replace("kind: chest_pain", "kind: chest_pian")));
    assertThat(e.getMessage())
        .isEqualTo(
            "safety/rules-test.yaml: rules[0] (urgent.chest_pain)"
                + ".kind: must be one of "
                + kindIds()
                + ", got 'chest_pian'");
  }

  @Test
  void aPhraseThatDoesNotCompileIsNamedWithItsPlace() {
    BadInput e = failure(rulesFile(RULE.replace("\"chest pain\"", "\"(chest pain\"")));
    assertThat(e.getMessage())
        .isEqualTo(
            "safety/rules-test.yaml: rules[0] (urgent.chest_pain)"
                + ".patterns[0]: phrase does not compile: '(' is never closed, got '(chest pain'");
  }

  @Test
  void duplicateRuleIdsAreRefused() {
    BadInput e = failure(rulesFile(RULE + RULE));
    assertThat(e.getMessage())
        .isEqualTo(
            "safety/rules-test.yaml: rules[1].id: is used by an earlier rule, got "
                + "'urgent.chest_pain'");
  }

  @Test
  void aMisspelledKeyIsRefusedRatherThanIgnored() {
    BadInput e = failure(rulesFile(RULE.replace("patterns:", "patterns: [x]\n    patern:")));
    assertThat(e.getMessage()).contains("rules[0]: unknown key", "got 'patern'");
  }

  @Test
  void everyKindNeedsItsTexts() {
    BadInput e = failure(rulesFile(RULE).replace("    dose:\n", "    dosage:\n"));
    assertThat(e.getMessage())
        .isEqualTo(
            "safety/rules-test.yaml: texts.refused.dose: is required and must be a " + "mapping");
  }

  @Test
  void aRefusalNeedsThreeToFiveQuestions() {
    BadInput e =
        failure(
            rulesFile(RULE)
                .replaceFirst(
                    "questions: \\[\"One\\?\", \"Two\\?\", \"Three\\?\"]",
                    "questions: [\"One?\", \"Two?\"]"));
    assertThat(e.getMessage())
        .contains(
            "texts.refused.dose.questions: must list 3 to 5 "
                + "questions for the care team, got '2 questions'");
  }

  @Test
  void aMisspelledPlaceholderWouldReachUsersSoItIsRefused() {
    BadInput e = failure(rulesFile(RULE).replaceFirst("\\{emergency}", "{emergncy}"));
    assertThat(e.getMessage())
        .contains(
            "texts.urgent.self_harm.self: the only placeholder texts "
                + "may use is {emergency}, got '{emergncy}'");
  }

  @Test
  void anUnquotedNoIsCaughtBecauseYamlReadsItAsFalse() {
    BadInput e = failure(rulesFile(RULE).replace("[\"no\", not]", "[no, not]"));
    assertThat(e.getMessage())
        .isEqualTo(
            "safety/rules-test.yaml: cues.negation[0]: is read by "
                + "YAML as true/false; put the word in quotes, e.g. \"no\", got 'false'");
  }

  @Test
  void aliasesAreRefusedSoThatNothingExpands() {
    String yaml = rulesFile(RULE).replace("language: en", "language: &d en\nx: *d");
    BadInput e = failure(yaml);
    assertThat(e.getMessage())
        .startsWith(
            "safety/rules-test.yaml: line 2: YAML anchors and "
                + "aliases (&name, *name) are not allowed");
  }

  @Test
  void aLanguageFileMustHaveTheLanguageItsNameSays() {
    BadInput e = failure(rulesFile(RULE).replace("language: en", "language: english"));
    assertThat(e.getMessage())
        .isEqualTo(
            "safety/rules-test.yaml: language: must be a two-letter"
                + " language code such as en or es, got 'english'");
  }

  private static List<String> kindIds() {
    List<String> ids = new java.util.ArrayList<>();
    for (UrgentKind k : UrgentKind.values()) {
      ids.add(k.id());
    }
    for (RefusalKind k : RefusalKind.values()) {
      ids.add(k.id());
    }
    return ids;
  }
}
