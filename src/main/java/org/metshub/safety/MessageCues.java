package org.metshub.safety;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cues found in one message, and the reading of a rule's match against them. This is where
 * "what are the symptoms of spinal cord compression?" is told apart from "my dad can't feel his
 * legs": a symptom counts as a report when a personal or caregiver cue governs it, and is set aside
 * when it is negated, hypothetical, or framed as a question about information.
 *
 * <p>Reading a symptom match, in order: a negation cue at most {@value #NEGATION_REACH} words
 * before it in the same clause, with no "but" between, sets it aside; so does a hypothetical cue at
 * most {@value #HYPOTHETICAL_REACH} words before it. Otherwise a personal cue inside the match
 * reports it ("can't feel my legs"); else the nearest personal or information cue that starts
 * before it in its clause decides; then a personal cue after it in the clause; then any personal
 * cue in the message, a question frame before it, or a research word anywhere. A bare statement
 * with no cue at all ("cant breathe", "chest pain is it serious") is read as a report, to be safe,
 * unless the rule names a condition rather than a symptom.
 *
 * <p>Reading a refusal match is simpler: it fires when the message is about a person (any personal
 * cue outside phrases like "tell me" or "my oncologist"), or always for rules that do not require
 * one (doses, a lab value with a number). Immutable.
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
  private final List<Span> other;
  private final List<Span> self;
  private final List<Span> now;
  private final List<Span> preparation;
  private final List<Span> experience;

  // found has a list for every cue (read puts an empty one); a missing cue would be no spans.
  private MessageCues(NormalisedText text, Map<Cue, List<Span>> found) {
    this.text = text;
    List<Span> notPersonal = found.getOrDefault(Cue.NOT_PERSONAL, List.of());
    this.research = found.getOrDefault(Cue.RESEARCH, List.of());
    // Research words before a match frame it like a question: "research on suicide".
    List<Span> frames = new ArrayList<>(found.getOrDefault(Cue.INFORMATION, List.of()));
    frames.addAll(research);
    frames.sort(Comparator.comparingInt(Span::start));
    this.information = List.copyOf(frames);
    // "tell me", "my oncologist": never about the writer's own situation.
    this.personal =
        found.getOrDefault(Cue.PERSONAL, List.of()).stream()
            .filter(p -> notPersonal.stream().noneMatch(p::within))
            .toList();
    // Inside a question frame ("can my cancer cause chest pain?") a personal word does not
    // report a symptom, though the message is still about a person for a refusal.
    this.reporting =
        personal.stream().filter(p -> information.stream().noneMatch(p::within)).toList();
    this.negation = found.getOrDefault(Cue.NEGATION, List.of());
    this.hypothetical = found.getOrDefault(Cue.HYPOTHETICAL, List.of());
    this.breaks = found.getOrDefault(Cue.CLAUSE_BREAK, List.of());
    // "cáncer de mama" names a cancer, not a mother: words inside notPersonal phrases are not
    // people.
    this.other =
        found.getOrDefault(Cue.OTHER, List.of()).stream()
            .filter(p -> notPersonal.stream().noneMatch(p::within))
            .toList();
    this.self =
        found.getOrDefault(Cue.SELF, List.of()).stream()
            .filter(p -> notPersonal.stream().noneMatch(p::within))
            .toList();
    this.now = found.getOrDefault(Cue.NOW, List.of());
    this.preparation = found.getOrDefault(Cue.PREPARATION, List.of());
    this.experience = found.getOrDefault(Cue.EXPERIENCE, List.of());
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
    Optional<Span> hyp =
        hypothetical.stream()
            .filter(h -> h.start() < m.start() && m.start() - h.start() <= HYPOTHETICAL_REACH)
            .filter(h -> sameClause(h, m))
            .findFirst();
    if (hyp.isPresent()) {
      return new Assessment(Reading.HYPOTHETICAL, "hypothetical: '" + hyp.get().text() + "'");
    }
    Optional<Span> inside = reporting.stream().filter(m::overlaps).findFirst();
    if (inside.isPresent()) {
      return reported(m, inside.get(), "in the words themselves");
    }
    Optional<Span> nearest = nearestBefore(m);
    if (nearest.isPresent() && reporting.contains(nearest.get())) {
      return reported(m, nearest.get(), "before it");
    }
    if (!now.isEmpty()) {
      // "Is it serious that I'm vomiting blood right now?" is a report, whatever its frame.
      return new Assessment(Reading.REPORTED, "happening now: '" + now.getFirst().text() + "'");
    }
    if (nearest.isPresent()) {
      return new Assessment(
          Reading.INFORMATION, "an information question: '" + nearest.get().text() + "'");
    }
    Optional<Span> after =
        reporting.stream().filter(p -> p.start() >= m.end() && sameClause(p, m)).findFirst();
    if (after.isPresent()) {
      return reported(m, after.get(), "after it");
    }
    if (!reporting.isEmpty()) {
      return reported(m, reporting.getFirst(), "elsewhere in the message");
    }
    // A question frame only counts before the match ("what causes it? fever on chemo"); a
    // research word counts anywhere ("suicide rates ... research").
    Optional<Span> frame =
        information.stream()
            .filter(i -> i.start() <= m.start() || research.contains(i))
            .filter(i -> !i.within(m))
            .findFirst();
    if (frame.isPresent()) {
      return new Assessment(
          Reading.INFORMATION, "an information question: '" + frame.get().text() + "'");
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
    Optional<Span> cue =
        personal.stream().filter(m::overlaps).findFirst().or(() -> personal.stream().findFirst());
    return cue.map(c -> new Assessment(Reading.REQUESTED, "about a person: '" + c.text() + "'"))
        .orElseGet(() -> new Assessment(Reading.GENERAL, "a general question, not about a person"));
  }

  private Optional<Span> nearestBefore(Span m) {
    List<Span> candidates = new ArrayList<>();
    reporting.stream()
        .filter(p -> p.start() <= m.start() && sameClause(p, m))
        .forEach(candidates::add);
    // A frame inside the match itself ("whats the point of going on") asks nothing.
    information.stream()
        .filter(i -> i.start() <= m.start() && sameClause(i, m))
        .filter(i -> !i.within(m))
        .forEach(candidates::add);
    // The latest start wins; on a tie, a personal cue (listed first) wins, to be safe.
    return candidates.stream().reduce((a, b) -> b.start() > a.start() ? b : a);
  }

  private static Assessment reported(Span m, Span cue, String where) {
    return new Assessment(Reading.REPORTED, "about a person: '" + cue.text() + "' " + where);
  }

  /**
   * The first phrase of a cue that sets rules aside ({@link Cue#SETTING_ASIDE}): "what should we
   * ask" for {@link Cue#PREPARATION}, "I felt warm" for {@link Cue#EXPERIENCE}; empty when the
   * message has none.
   */
  Optional<Span> settingAside(Cue cue) {
    return switch (cue) {
      case PREPARATION -> preparation.stream().findFirst();
      case EXPERIENCE -> experience.stream().findFirst();
      default -> throw new IllegalArgumentException(cue + " sets no rule aside");
    };
  }

  /**
   * Whom a match is about, read with the cues of the reply's language only (the Spanish "he" means
   * "I have"). The nearest word before it, anywhere in the message, that is either another person
   * ("my dad", "he", "mi madre", "le") or a first-person subject ("I", "yo", "tengo") decides: "my
   * husband doesn't recognise me" is about the husband, "my husband is at work and I can't breathe"
   * about the writer. With none before it, the words inside the match decide ("kill himself", "end
   * my life"), then the first such word after it in its clause. A message with none of them is read
   * as the writer's own.
   */
  Person person(Span m) {
    Optional<Span> before =
        decisive()
            .filter(c -> c.end() <= m.start())
            .reduce((a, b) -> b.start() >= a.start() ? b : a);
    if (before.isPresent()) {
      return personOf(before.get());
    }
    if (other.stream().anyMatch(m::overlaps)) {
      return Person.OTHER;
    }
    if (self.stream().anyMatch(m::overlaps)) {
      return Person.SELF;
    }
    return decisive()
        .filter(c -> c.start() >= m.end() && sameClause(c, m))
        .findFirst()
        .map(this::personOf)
        .orElse(Person.SELF);
  }

  private java.util.stream.Stream<Span> decisive() {
    return java.util.stream.Stream.concat(other.stream(), self.stream());
  }

  private Person personOf(Span cue) {
    return other.stream().anyMatch(o -> o.overlaps(cue)) ? Person.OTHER : Person.SELF;
  }

  private boolean sameClause(Span a, Span b) {
    return text.clause(a.start()) == text.clause(b.start());
  }
}
