package org.metshub.safety;

import java.util.List;
import java.util.Objects;

/**
 * A gentle note shown beside a normal answer when a message touches an urgent topic without
 * reporting it (an information question about a warning sign, or research about suicide).
 *
 * @param message one or two calm sentences in the user's language
 * @param nextSteps what to do if it is happening now; may be empty
 * @param crisisLines crisis lines to show; empty unless the topic is self-harm
 */
public record SafetyNote(String message, List<String> nextSteps, List<CrisisLine> crisisLines) {
  public SafetyNote {
    Objects.requireNonNull(message, "message");
    nextSteps = List.copyOf(nextSteps);
    crisisLines = List.copyOf(crisisLines);
  }
}
