package org.metshub.answer;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the safety policy says, in one language: the guidance for each urgent kind, the kind
 * refusal and questions for each refusal kind, and the two gentle notes. Texts may contain
 * {@value #EMERGENCY}, replaced by the emergency number of the user's country. Immutable.
 */
record SafetyTexts(
    Map<UrgentKind, Guidance> urgent,
    Map<RefusalKind, Refusal> refused,
    Guidance selfHarmNote,
    Guidance symptomNote) {

  /** The one placeholder texts may use. */
  static final String EMERGENCY = "{emergency}";

  SafetyTexts {
    urgent = Map.copyOf(urgent);
    refused = Map.copyOf(refused);
    Objects.requireNonNull(selfHarmNote, "selfHarmNote");
    Objects.requireNonNull(symptomNote, "symptomNote");
  }

  /** A message and the steps to take now. */
  record Guidance(String message, List<String> nextSteps) {
    Guidance {
      Objects.requireNonNull(message, "message");
      nextSteps = List.copyOf(nextSteps);
    }

    Guidance withEmergency(String emergency) {
      return new Guidance(
          fill(message, emergency), nextSteps.stream().map(s -> fill(s, emergency)).toList());
    }
  }

  /** Why MetsHub declines, where to go, and questions for the care team. */
  record Refusal(String message, List<String> questions) {
    Refusal {
      Objects.requireNonNull(message, "message");
      questions = List.copyOf(questions);
    }
  }

  static String fill(String text, String emergency) {
    return text.replace(EMERGENCY, emergency);
  }
}
