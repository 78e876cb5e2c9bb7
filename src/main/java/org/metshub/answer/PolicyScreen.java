package org.metshub.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Adapts {@link SafetyPolicy} verdicts to answers: urgent verdicts become {@link Answer.Urgent}
 * with what to do now and the crisis lines, refusals become {@link Answer.Refused} with the
 * questions to ask the care team, and safe verdicts with a note pass the note on.
 */
final class PolicyScreen implements SafetyScreen {
  private final SafetyPolicy policy;

  PolicyScreen(SafetyPolicy policy) {
    this.policy = policy;
  }

  @Override
  public Result screen(String message, String language, Optional<String> country,
      String conversationId, String disclaimer) {
    SafetyVerdict v = policy.classify(message, language, country);
    return switch (v) {
      case SafetyVerdict.Urgent u -> {
        List<String> steps = new ArrayList<>(u.nextSteps());
        u.crisisLines().forEach(l -> steps.add(line(l)));
        yield new Result(Optional.of(new Answer.Urgent(language, u.message(), u.kind().id(),
            steps, disclaimer, conversationId, u.ruleId())), List.of());
      }
      case SafetyVerdict.Refused r -> new Result(Optional.of(new Answer.Refused(language,
          r.message(), r.reason().id(), r.questions(), List.of(), disclaimer, conversationId,
          r.ruleId())), List.of());
      case SafetyVerdict.Safe s -> s.note().map(n -> {
        List<String> notes = new ArrayList<>();
        notes.add(n.message());
        notes.addAll(n.nextSteps());
        n.crisisLines().forEach(l -> notes.add(line(l)));
        return new Result(Optional.empty(), notes);
      }).orElse(Result.PROCEED);
    };
  }

  static String line(CrisisLine l) {
    return l.name() + ": " + l.contact() + (l.url().isEmpty() ? "" : " (" + l.url() + ")");
  }
}
