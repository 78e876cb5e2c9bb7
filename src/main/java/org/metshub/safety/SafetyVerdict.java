package org.metshub.safety;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the safety policy decided about a message, before any retrieval: {@link Safe} (go on and
 * answer from the KB), {@link Urgent} (show urgent-care guidance or crisis lines instead) or {@link
 * Refused} (decline kindly and point to the care team).
 *
 * <p>Every verdict says which rule decided ({@link #ruleId()}, e.g. {@code en:urgent.chest_pain} or
 * {@code safe.information}) and why, in words a curator can check ({@link #explanation()}).
 */
public sealed interface SafetyVerdict {
  /** The language of the texts in this verdict: {@code en} or {@code es}. */
  String language();

  /** The rule that decided, qualified by its rules file's language, or a {@code safe.*} id. */
  String ruleId();

  /** Why: which words matched and which cues were read around them. For curators and logs. */
  String explanation();

  /**
   * Nothing urgent and nothing to decline: retrieval may go on.
   *
   * @param ruleId {@code safe.no_match} when no rule matched, otherwise why the rules that matched
   *     were set aside: {@code safe.information}, {@code safe.negated}, {@code safe.hypothetical}
   *     or {@code safe.general}
   * @param note a gentle note to show beside the answer, when the message touched an urgent topic
   */
  record Safe(String language, String ruleId, String explanation, Optional<SafetyNote> note)
      implements SafetyVerdict {
    public Safe {
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(ruleId, "ruleId");
      Objects.requireNonNull(explanation, "explanation");
      Objects.requireNonNull(note, "note");
    }
  }

  /**
   * An urgent symptom or thoughts of self-harm: show this guidance instead of an answer.
   *
   * @param kind the symptom kind, or {@link UrgentKind#SELF_HARM}
   * @param person whom the message is about: the texts say "you" or "they" accordingly
   * @param message what to show first: kind, calm, plain language
   * @param nextSteps what to do now, most urgent first, with the emergency number filled in
   * @param crisisLines for self-harm, the crisis lines to call (never empty, at least one
   *     callable); empty for symptoms
   * @param emergencyNumbers the emergency numbers of the reader's country, or the default list
   * @param country the ISO 3166-1 alpha-2 code used for numbers and lines, when known
   * @param footer the disclaimer for an urgent reply
   */
  record Urgent(
      UrgentKind kind,
      Person person,
      String language,
      String ruleId,
      String explanation,
      String message,
      List<String> nextSteps,
      List<CrisisLine> crisisLines,
      List<EmergencyNumber> emergencyNumbers,
      Optional<String> country,
      String footer)
      implements SafetyVerdict {
    public Urgent {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(person, "person");
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(ruleId, "ruleId");
      Objects.requireNonNull(explanation, "explanation");
      Objects.requireNonNull(message, "message");
      nextSteps = List.copyOf(nextSteps);
      crisisLines = List.copyOf(crisisLines);
      emergencyNumbers = List.copyOf(emergencyNumbers);
      Objects.requireNonNull(country, "country");
      Objects.requireNonNull(footer, "footer");
      if (emergencyNumbers.isEmpty()) {
        throw new IllegalArgumentException("an urgent reply needs an emergency number");
      }
      if (kind == UrgentKind.SELF_HARM && crisisLines.stream().noneMatch(CrisisLine::callable)) {
        throw new IllegalArgumentException("a self-harm reply needs a crisis line to call");
      }
    }
  }

  /**
   * A request MetsHub declines: a diagnosis, reading someone's results, choosing their treatment,
   * or a dose.
   *
   * @param reason what was asked for
   * @param message why MetsHub cannot do this and where to go instead
   * @param questions three to five questions to take to the care team
   * @param footer the disclaimer for a refusal
   */
  record Refused(
      RefusalKind reason,
      String language,
      String ruleId,
      String explanation,
      String message,
      List<String> questions,
      String footer)
      implements SafetyVerdict {
    public Refused {
      Objects.requireNonNull(footer, "footer");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(ruleId, "ruleId");
      Objects.requireNonNull(explanation, "explanation");
      Objects.requireNonNull(message, "message");
      questions = List.copyOf(questions);
      if (questions.size() < 3 || questions.size() > 5) {
        throw new IllegalArgumentException(
            "a refusal needs 3 to 5 questions for the care team, got " + questions.size());
      }
    }
  }
}
