package org.metshub.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.metshub.safety.CrisisLine;
import org.metshub.safety.ReaderContext;
import org.metshub.safety.SafetyPolicy;
import org.metshub.safety.SafetyVerdict;

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
  public Result screen(String message, ReaderContext reader, String conversationId) {
    SafetyVerdict v = policy.classify(message, reader);
    return switch (v) {
      case SafetyVerdict.Urgent u ->
          new Result(
              Optional.of(
                  new Answer.Urgent(
                      u.language(),
                      u.message(),
                      u.kind().id(),
                      u.person().id(),
                      u.nextSteps(),
                      u.crisisLines(),
                      u.emergencyNumbers(),
                      u.country(),
                      u.footer(),
                      conversationId,
                      u.ruleId())),
              List.of());
      case SafetyVerdict.Refused r ->
          new Result(
              Optional.of(
                  new Answer.Refused(
                      r.language(),
                      r.message(),
                      r.reason().id(),
                      r.questions(),
                      List.of(),
                      r.footer(),
                      conversationId,
                      r.ruleId(),
                      List.of())),
              List.of());
      case SafetyVerdict.Safe s ->
          s.note()
              .map(
                  n -> {
                    List<String> notes = new ArrayList<>();
                    notes.add(n.message());
                    notes.addAll(n.nextSteps());
                    n.crisisLines().forEach(l -> notes.add(line(l)));
                    return new Result(Optional.empty(), notes);
                  })
              .orElse(Result.PROCEED);
    };
  }

  /** A crisis line on one line of text: name, phone, text option, hours, address. */
  static String line(CrisisLine l) {
    StringBuilder sb = new StringBuilder(l.name()).append(':');
    l.phone().ifPresent(p -> sb.append(' ').append(p).append('.'));
    l.text().ifPresent(t -> sb.append(' ').append(t).append('.'));
    l.hours().ifPresent(h -> sb.append(' ').append(h).append('.'));
    l.note().ifPresent(n -> sb.append(' ').append(n));
    return sb.append(" (").append(l.url()).append(')').toString();
  }
}
