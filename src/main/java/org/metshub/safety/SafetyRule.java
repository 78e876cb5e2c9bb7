package org.metshub.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One rule of a rules file: phrases that detect a {@link RuleKind}, with the conditions under which
 * a match counts. Immutable.
 *
 * @param id the id qualified by the file's language, e.g. {@code en:urgent.chest_pain}
 * @param kind what the rule detects
 * @param patterns any one of these phrases matching is a candidate
 * @param context every group must also match (un-negated) somewhere in the message, e.g. a fever
 *     counts only together with chemotherapy
 * @param except a candidate inside a match of one of these phrases does not count ("wants to die at
 *     home" is a wish about care, not self-harm)
 * @param requiresPerson the match counts only when the message is about a person (a first-person or
 *     caregiver cue): condition names ("spinal cord compression") and requests about someone's own
 *     care
 * @param topic the words name the topic itself (suicide, self-harm): when set aside, the message
 *     still gets a gentle note with crisis lines
 * @param language the language of the rules file it comes from ({@code en}, {@code es})
 * @param unless cues that set the rule aside when the message has one: {@link Cue#PREPARATION}
 *     (asks how to prepare for a visit or a test, "how do we prepare, what should we ask?") and
 *     {@link Cue#EXPERIENCE} (tells what was felt during a test, "I felt warm with the dye, is that
 *     normal?"): such a message asks for information even when it mentions a finding
 */
record SafetyRule(
    String id,
    RuleKind kind,
    List<PhrasePattern> patterns,
    List<List<PhrasePattern>> context,
    List<PhrasePattern> except,
    boolean requiresPerson,
    boolean topic,
    String language,
    java.util.Set<Cue> unless) {

  SafetyRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(kind, "kind");
    patterns = List.copyOf(patterns);
    context = context.stream().map(List::copyOf).toList();
    except = List.copyOf(except);
    unless = java.util.Set.copyOf(unless);
    if (!Cue.SETTING_ASIDE.containsAll(unless)) {
      throw new IllegalArgumentException("rule " + id + " may not be set aside by " + unless);
    }
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("rule " + id + " needs at least one pattern");
    }
  }

  /**
   * Priority among rules, lowest first: urgent kinds (self-harm first) before refusals, each in the
   * precedence order of its enum. Rules of equal priority keep their file order.
   */
  int priority() {
    return switch (kind) {
      case UrgentKind u -> u.ordinal();
      case RefusalKind r -> UrgentKind.values().length + r.ordinal();
    };
  }

  /** Matches of any pattern that are not inside an {@code except} match, in text order. */
  List<Span> candidates(NormalisedText text) {
    List<Span> exceptions = new ArrayList<>();
    except.forEach(p -> exceptions.addAll(p.find(text)));
    List<Span> out = new ArrayList<>();
    for (PhrasePattern p : patterns) {
      for (Span s : p.find(text)) {
        if (exceptions.stream().noneMatch(s::overlaps)) {
          out.add(s);
        }
      }
    }
    out.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return out;
  }
}
