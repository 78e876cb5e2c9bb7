package org.metshub.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cues found in one message, and the reading of a rule's match against them. This is where
 * "what are the symptoms of spinal cord compression?" is told apart from "my dad can't feel his
 * legs": a symptom counts as a report when a personal or caregiver cue governs it, and is set
 * aside when it is negated, hypothetical, or framed as a question about information.
 *
 * <p>Reading a symptom match, in order: a negation cue at most {@value #NEGATION_REACH} words
 * before it in the same clause, with no "but" between, sets it aside; so does a hypothetical cue
 * at most {@value #HYPOTHETICAL_REACH} words before it. Otherwise a personal cue inside the
 * match reports it ("can't feel my legs"); else the nearest personal or information cue that
 * starts before it in its clause decides; then a personal cue after it in the clause; then any
 * personal cue in the message, a question frame before it, or a research word anywhere. A bare
 * statement with no cue at all ("cant breathe", "chest pain is it serious") is read as a
 * report, to be safe, unless the rule names a condition rather than a symptom.
 *
 * <p>Reading a refusal match is simpler: it fires when the message is about a person (any
 * personal cue outside phrases like "tell me" or "my oncologist"), or always for rules that do
 * not require one (doses, a lab value with a number). Immutable.
 */
final class MessageCues {
  /** Words allowed between a negation and what it negates: "don't [really] [have] [any] X". */
  static final int NEGATION_REACH = 3;

  /** Words from the start of a hypothetical cue to the match: "if I get [a] [high] fever". */
  static final int HYPOTHETICAL_REACH = 8;

  private final NormalisedText text;
  private final List<Span> personal;
  private final List<Span> reporting;
  private final List<Span> information;
  private final List<Span> research;
  private final List<Span> negation;
  private final List<Span> hypothetical;
  private final List<Span> breaks;

  private MessageCues(NormalisedText text, Map<Cue, List<Span>> found) {
    this.text = text;
    List<Span> notPersonal = found.get(Cue.NOT_PERSONAL);
    this.research = found.get(Cue.RESEARCH);
    // Research words before a match frame it like a question: "research on suicide".
    List<Span> frames = new ArrayList<>(found.get(Cue.INFORMATION));
    frames.addAll(research);
    frames.sort(Comparator.comparingInt(Span::start));
    this.information = List.copyOf(frames);
    // "tell me", "my oncologist": never about the writer's own situation.
    this.personal = found.get(Cue.PERSONAL).stream()
        .filter(p -> notPersonal.stream().noneMatch(p::within))
        .toList();
    // Inside a question frame ("can my cancer cause chest pain?") a personal word does not
    // report a symptom, though the message is still about a person for a refusal.
    this.reporting = personal.stream()
        .filter(p -> information.stream().noneMatch(p::within))
        .toList();
    this.negation = found.get(Cue.NEGATION);
    this.hypothetical = found.get(Cue.HYPOTHETICAL);
    this.breaks = found.get(Cue.CLAUSE_BREAK);
  }

  /** Finds every cue of {@code cues} in {@code text}. */
  static MessageCues read(NormalisedText text, Map<Cue, List<PhrasePattern>> cues) {
    Map<Cue, List<Span>> found = new EnumMap<>(Cue.class);
    for (Cue c : Cue.values()) {
      List<Span> spans = new ArrayList<>();
      cues.getOrDefault(c, List.of()).forEach(p -> spans.addAll(p.find(text)));
      spans.sort(Comparator.comparingInt(Span::start));
      found.put(c, List.copyOf(spans));
    }
    return new MessageCues(text, found);
  }

  /** The negation cue that negates {@code m}, if any. */
  Optional<Span> negationOf(Span m) {
    return negation.stream()
        .filter(n -> n.end() <= m.start() && m.start() - n.end() <= NEGATION_REACH)
        .filter(n -> sameClause(n, m))
        // A "but" between ends the negation; so does one that starts with the cue ("sin embargo").
        .filter(n -> breaks.stream().noneMatch(b -> b.end() > n.start() && b.end() <= m.start()))
        .reduce((a, b) -> b);
  }

  /** Reads a symptom or self-harm match: a report (fires) or why it is set aside. */
  Assessment readReport(Span m, boolean requiresPerson) {
    Optional<Span> neg = negationOf(m);
    if (neg.isPresent()) {
      return new Assessment(Reading.NEGATED, "negated by '" + neg.get().text() + "'");
    }
    Optional<Span> hyp = hypothetical.stream()
        .filter(h -> h.start() < m.start() && m.start() - h.start() <= HYPOTHETICAL_REACH)
        .filter(h -> sameClause(h, m))
        .findFirst();
    if (hyp.isPresent()) {
      return new Assessment(Reading.HYPOTHETICAL, "hypothetical: '" + hyp.get().text() + "'");
    }
    Optional<Span> inside = reporting.stream().filter(m::overlaps).findFirst();
    if (inside.isPresent()) {
      return reported(inside.get(), "in the words themselves");
    }
    Optional<Span> nearest = nearestBefore(m);
    if (nearest.isPresent()) {
      Span cue = nearest.get();
      return reporting.contains(cue)
          ? reported(cue, "before it")
          : new Assessment(Reading.INFORMATION, "an information question: '" + cue.text() + "'");
    }
    Optional<Span> after =
        reporting.stream().filter(p -> p.start() >= m.end() && sameClause(p, m)).findFirst();
    if (after.isPresent()) {
      return reported(after.get(), "after it");
    }
    if (!reporting.isEmpty()) {
      return reported(reporting.getFirst(), "elsewhere in the message");
    }
    // A question frame only counts before the match ("what causes it? fever on chemo"); a
    // research word counts anywhere ("suicide rates ... research").
    Optional<Span> frame = information.stream()
        .filter(i -> i.start() <= m.start() || research.contains(i))
        .findFirst();
    if (frame.isPresent()) {
      return new Assessment(Reading.INFORMATION,
          "an information question: '" + frame.get().text() + "'");
    }
    return requiresPerson
        ? new Assessment(Reading.GENERAL, "names a condition, but no one is said to have it")
        : new Assessment(Reading.REPORTED, "a bare statement with no question: read as a report");
  }

  /** Reads a refusal match: a request about a person (fires) or a general question. */
  Assessment readRequest(Span m, boolean requiresPerson) {
    if (!requiresPerson) {
      return new Assessment(Reading.REQUESTED, "asked directly");
    }
    Optional<Span> cue = personal.stream().filter(m::overlaps).findFirst()
        .or(() -> personal.stream().findFirst());
    return cue.map(c -> new Assessment(Reading.REQUESTED, "about a person: '" + c.text() + "'"))
        .orElseGet(() -> new Assessment(Reading.GENERAL, "a general question, not about a person"));
  }

  private Optional<Span> nearestBefore(Span m) {
    List<Span> candidates = new ArrayList<>();
    reporting.stream().filter(p -> p.start() <= m.start() && sameClause(p, m))
        .forEach(candidates::add);
    information.stream().filter(i -> i.start() <= m.start() && sameClause(i, m))
        .forEach(candidates::add);
    // The latest start wins; on a tie, a personal cue (listed first) wins, to be safe.
    return candidates.stream().reduce((a, b) -> b.start() > a.start() ? b : a);
  }

  private static Assessment reported(Span cue, String where) {
    return new Assessment(Reading.REPORTED,
        "about a person: '" + cue.text() + "' " + where);
  }

  private boolean sameClause(Span a, Span b) {
    return text.clause(a.start()) == text.clause(b.start());
  }
}
