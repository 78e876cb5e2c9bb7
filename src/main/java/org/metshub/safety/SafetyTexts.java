package org.metshub.safety;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the safety policy says, in one language: the guidance for each urgent kind (to the writer
 * and about someone else), the kind refusal and questions for each refusal kind, the two gentle
 * notes, and the footers of urgent and refused replies. Texts may contain {@value #EMERGENCY},
 * replaced by the emergency number of the user's country. Immutable.
 */
record SafetyTexts(
    Map<UrgentKind, Map<Person, Guidance>> urgent,
    Map<RefusalKind, Refusal> refused,
    Guidance selfHarmNote,
    Guidance symptomNote,
    String urgentFooter,
    String refusedFooter) {

  /** The one placeholder texts may use. */
  static final String EMERGENCY = "{emergency}";

  SafetyTexts {
    urgent = Map.copyOf(urgent);
    refused = Map.copyOf(refused);
    Objects.requireNonNull(urgentFooter, "urgentFooter");
    Objects.requireNonNull(refusedFooter, "refusedFooter");
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

  /** The guidance for an urgent kind, to or about {@code person}; the reader requires each. */
  Guidance urgent(UrgentKind kind, Person person) {
    Map<Person, Guidance> forms = Objects.requireNonNull(urgent.get(kind), kind.id());
    return Objects.requireNonNull(forms.get(person), person.id());
  }

  /** The refusal for a refusal kind; the reader requires one for each. */
  Refusal refused(RefusalKind kind) {
    return Objects.requireNonNull(refused.get(kind), kind.id());
  }

  static String fill(String text, String emergency) {
    return text.replace(EMERGENCY, emergency);
  }
}
