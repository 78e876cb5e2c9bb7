package org.metshub.answer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.json.Json;
import org.metshub.kb.Section;

/**
 * The answer eval that cannot be fooled: each case names the exact sections that answer it ({@code
 * docId#Heading}), or says the KB cannot answer ({@code outcome: abstained}). Files: {@code
 * eval/answer-sections-dev.yaml} (tune on it), {@code -test.yaml} (report on it), {@code -nci.yaml}
 * (over the NCI corpus, with a {@code split} per case).
 *
 * <p>Each case is one of: <b>fit</b> (answered from a gold section), <b>off target</b> (answered
 * from another section), <b>wrong answer</b> (answered where the KB cannot), <b>wrong
 * abstention</b> (silent where a section answers), <b>right abstention</b>, or <b>safety</b>
 * (urgent or refused before retrieval). An answer whose first sentence points back at text not
 * shown is also counted as a <b>dangling opening</b>, and a wrong abstention whose closest pages
 * link to a gold section as one that <b>points</b> to it.
 */
public final class SectionEval {
  /** One labelled question. */
  public record Case(
      String id,
      List<String> turns,
      String language,
      String intent,
      String outcome,
      List<String> sections,
      Optional<String> split) {
    public Case {
      turns = List.copyOf(turns);
      sections = List.copyOf(sections);
    }
  }

  /** How one case came out. */
  public enum Verdict {
    FIT,
    OFF_TARGET,
    WRONG_ANSWER,
    WRONG_ABSTENTION,
    RIGHT_ABSTENTION,
    SAFETY
  }

  /**
   * One case's result: its verdict, the section quoted (if any), whether it opens dangling, and,
   * for an answerable case that was abstained on or refused, whether one of the pages it offers (an
   * abstention's closest pages, a report refusal's general pages) points to a gold section (the
   * reader is sent to the right place even though nothing was quoted).
   */
  public record Result(
      Case testCase,
      Verdict verdict,
      String quoted,
      boolean dangling,
      String reason,
      boolean pointed) {
    public Result(Case testCase, Verdict verdict, String quoted, boolean dangling, String reason) {
      this(testCase, verdict, quoted, dangling, reason, false);
    }
  }

  /** The figures of a run. */
  public record Report(
      int cases,
      int answerable,
      int fit,
      int offTarget,
      int wrongAnswers,
      int wrongAbstentions,
      int pointed,
      int rightAbstentions,
      int safety,
      int safetyPointed,
      int dangling) {
    /** Share of answerable cases answered from a gold section. */
    public double fitRate() {
      return answerable == 0 ? 0 : (double) fit / answerable;
    }

    /** Share of all cases answered wrongly: off target, or where the KB cannot answer. */
    public double wrongRate() {
      return cases == 0 ? 0 : (double) (offTarget + wrongAnswers) / cases;
    }

    public String summary() {
      return String.format(
          Locale.ROOT,
          "answer fit %.1f%% (%d of %d answerable); wrong answers"
              + " %.1f%% (%d off target, %d where the KB cannot answer, of %d); wrong abstentions"
              + " %d (%d point to a gold section); right abstentions %d; safety outcomes %d"
              + " (%d point to a gold section); dangling openings %d",
          100 * fitRate(),
          fit,
          answerable,
          100 * wrongRate(),
          offTarget,
          wrongAnswers,
          cases,
          wrongAbstentions,
          pointed,
          rightAbstentions,
          safety,
          safetyPointed,
          dangling);
    }
  }

  private SectionEval() {}

  /** Reads a file of cases; a malformed case is an error naming the file, case and field. */
  public static List<Case> read(Path file) {
    JsonNode root;
    try {
      root = Json.YAML.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new BadInput(file + ": cannot read: " + e.getMessage(), e);
    }
    if (root == null || !root.isArray()) {
      throw new BadInput(file + ": must be a YAML list of cases");
    }
    List<Case> out = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode c = root.get(i);
      String at = file + ": case " + (i + 1);
      String id = text(c, "id", at);
      at = file + ": " + id;
      List<String> turns = new ArrayList<>();
      c.path("turns").forEach(t -> turns.add(t.asText()));
      if (turns.isEmpty()) {
        throw new BadInput(at + ": turns: needs at least one question");
      }
      JsonNode expect = c.path("expect");
      String outcome = text(expect, "outcome", at + ": expect");
      if (!outcome.equals("answered") && !outcome.equals("abstained")) {
        throw new BadInput(
            at + ": expect.outcome: must be answered or abstained, got '" + outcome + "'");
      }
      List<String> sections = new ArrayList<>();
      expect.path("sections").forEach(s -> sections.add(s.asText()));
      if (outcome.equals("answered") == sections.isEmpty()) {
        throw new BadInput(
            at
                + ": expect.sections: an answered case lists the sections "
                + "that answer it, an abstained one lists none");
      }
      out.add(
          new Case(
              id,
              turns,
              text(c, "language", at),
              c.path("intent").asText(""),
              outcome,
              sections,
              c.hasNonNull("split") ? Optional.of(c.get("split").asText()) : Optional.empty()));
    }
    return out;
  }

  private static String text(JsonNode n, String field, String at) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new BadInput(at + ": " + field + ": is required");
    }
    return v.asText();
  }

  /** Runs one case with no translations known (gold sections count as written). */
  public static Result run(AnswerEngine engine, Case c) {
    return run(engine, c, Documents.NONE);
  }

  /**
   * Runs one case as a conversation and judges the reply to its last turn. A gold section counts in
   * every translation of its page too: the section at the same place of the translated page
   * (translations keep the structure), so a Spanish reply from the Spanish page of a gold English
   * section is a fit.
   */
  public static Result run(AnswerEngine engine, Case c, Documents docs) {
    return judge(c, lastAnswer(engine, c), docs);
  }

  /** The reply to a case's last turn, its earlier turns asked first in one conversation. */
  private static Answer lastAnswer(AnswerEngine engine, Case c) {
    Optional<String> conversation = Optional.empty();
    Answer a = null;
    for (String turn : c.turns()) {
      a = engine.answer(asked(turn, c, conversation));
      conversation = Optional.of(a.conversationId());
    }
    return Objects.requireNonNull(a, "a case has at least one turn");
  }

  /** Judges the reply to a case's last turn against its labels. */
  static Result judge(Case c, Answer a, Documents docs) {
    boolean answerable = c.outcome().equals("answered");
    return switch (a) {
      case Answer.Answered ok -> {
        String quoted =
            ok.excerpts().isEmpty()
                ? ok.citations().getFirst().docId() + "#" + ok.citations().getFirst().heading()
                : ok.excerpts().getFirst().docId() + "#" + ok.excerpts().getFirst().heading();
        boolean dangling =
            !ok.sentences().isEmpty() && ExcerptBuilder.dangling(ok.sentences().getFirst().text());
        // A directory answer shows an organisation's whole entry: it fits when that
        // organisation is one a gold section belongs to.
        boolean fits =
            directory(ok)
                ? c.sections().stream()
                    .anyMatch(s -> s.startsWith(ok.excerpts().getFirst().docId() + "#"))
                : gold(c, quoted, docs);
        Verdict v = !answerable ? Verdict.WRONG_ANSWER : fits ? Verdict.FIT : Verdict.OFF_TARGET;
        yield new Result(c, v, quoted, dangling, "");
      }
      case Answer.Abstained ab ->
          new Result(
              c,
              answerable ? Verdict.WRONG_ABSTENTION : Verdict.RIGHT_ABSTENTION,
              "",
              false,
              ab.reason(),
              answerable && pointsToGold(c, ab.closest(), docs));
      case Answer.Refused r ->
          new Result(
              c,
              Verdict.SAFETY,
              "",
              false,
              "refused: " + r.rule(),
              answerable && pointsToGold(c, r.explaining(), docs));
      case Answer.Urgent u -> new Result(c, Verdict.SAFETY, "", false, "urgent: " + u.rule());
    };
  }

  /** True when one of the sections offered on these pages is a gold section of the case. */
  private static boolean pointsToGold(Case c, List<RelatedDocument> pages, Documents docs) {
    return pages.stream()
        .anyMatch(
            d -> d.sections().stream().anyMatch(s -> gold(c, d.docId() + "#" + s.heading(), docs)));
  }

  /**
   * The candidate sections of a case's last turn, best first, as the answer path ranks them before
   * its gate: its earlier turns are asked first, since follow-ups need their conversation.
   */
  static List<SectionChoice.Candidate> candidates(AnswerEngine engine, Case c) {
    return evidence(engine, c).map(EvidenceGate.Evidence::ranked).orElse(List.of());
  }

  /**
   * A turn of a case as the site asks it: the reader types on a page in the case's language, and
   * the question's own language decides the reply (a Spanish reader who types "what are bone
   * metastases" is answered from the English page; "y eso duele?" then gets a Spanish reply).
   */
  private static AnswerEngine.Question asked(String turn, Case c, Optional<String> conversation) {
    return new AnswerEngine.Question(
        turn,
        Optional.empty(),
        conversation,
        Optional.empty(),
        Optional.of(c.language()),
        Optional.empty());
  }

  /**
   * The evidence for a case's last turn ({@link AnswerEngine#evidence}), after its earlier turns.
   */
  static Optional<EvidenceGate.Evidence> evidence(AnswerEngine engine, Case c) {
    Optional<String> conversation = Optional.empty();
    for (String turn : c.turns().subList(0, c.turns().size() - 1)) {
      conversation = Optional.of(engine.answer(asked(turn, c, conversation)).conversationId());
    }
    return engine.evidence(asked(c.turns().getLast(), c, conversation));
  }

  /**
   * Why a case went the way it did, for people tuning the answer path: the rank of the first gold
   * section among the candidates (0 when none is gold) and the best three, with scores; what the
   * first has over the gold one; the gate's confidence with each of its features and that feature's
   * weighted part; the first section's ranker features; and the question's terms that the first
   * section's title, heading and text do not use (its page's naming words, such as "colon" on the
   * colorectal page, are not counted here).
   */
  public static String explain(AnswerEngine engine, Case c, Documents docs) {
    Optional<EvidenceGate.Evidence> evidence = evidence(engine, c);
    List<SectionChoice.Candidate> ranked =
        evidence.map(EvidenceGate.Evidence::ranked).orElse(List.of());
    int rank = 0;
    for (int i = 0; i < ranked.size(); i++) {
      if (gold(c, ranked.get(i).hit().docId() + "#" + ranked.get(i).heading(), docs)) {
        rank = i + 1;
        break;
      }
    }
    StringBuilder out =
        new StringBuilder(
            String.format(
                java.util.Locale.ROOT,
                "  gold rank %s of %d candidates;",
                rank == 0 ? "-" : String.valueOf(rank),
                ranked.size()));
    for (SectionChoice.Candidate k : ranked.subList(0, Math.min(3, ranked.size()))) {
      out.append(
          String.format(
              java.util.Locale.ROOT, " %s#%s (%.2f)", k.hit().docId(), k.heading(), k.score()));
    }
    if (rank > 1) {
      // What the first section has over the gold one, feature by feature.
      double[] top = ranked.getFirst().features();
      double[] gold = ranked.get(rank - 1).features();
      out.append("\n  first minus gold:");
      for (int i = 0; i < Math.min(top.length, gold.length); i++) {
        if (top[i] != gold[i]) {
          out.append(
              String.format(
                  java.util.Locale.ROOT,
                  " %s %+.2f",
                  SectionChoice.FEATURES.get(i),
                  top[i] - gold[i]));
        }
      }
    }
    evidence.ifPresent(e -> out.append(gateView(engine.gate(), e)));
    evidence
        .filter(e -> !e.ranked().isEmpty())
        .ifPresent(
            e -> {
              SectionChoice.Candidate first = e.ranked().getFirst();
              java.util.Set<String> said =
                  engine.terms(
                      first.hit().title()
                          + "\n"
                          + first.heading()
                          + "\n"
                          + first.text()
                          + "\n"
                          + String.join(" ", first.hit().meta().cancerTypes())
                          + " "
                          + String.join(" ", first.hit().meta().sites()),
                      e.qa().language());
              out.append("\n  question terms: ")
                  .append(new java.util.TreeSet<>(e.qa().wanted()))
                  .append("; not in the first section's own words: ")
                  .append(
                      new java.util.TreeSet<>(
                          e.qa().wanted().stream()
                              .filter(t -> !SectionChoice.mentions(said, t))
                              .toList()));
            });
    return out.toString();
  }

  /** The gate's confidence in the evidence and its features, each with its weight's part. */
  private static String gateView(EvidenceGate gate, EvidenceGate.Evidence e) {
    double[] f = EvidenceGate.features(e);
    // A linear gate shows each feature's part of the score; trees have no such parts.
    List<Double> w =
        gate.model() instanceof LinearModel linear
            ? linear.weights()
            : java.util.Collections.nCopies(f.length, Double.NaN);
    StringBuilder out =
        new StringBuilder(
            String.format(
                java.util.Locale.ROOT,
                "\n  gate confidence %.2f (threshold %.2f):",
                gate.confidence(e),
                gate.model().threshold()));
    for (int i = 1; i < f.length; i++) {
      out.append(
          String.format(java.util.Locale.ROOT, " %s %.2f", EvidenceGate.FEATURES.get(i), f[i]));
      if (!Double.isNaN(w.get(i))) {
        out.append(String.format(java.util.Locale.ROOT, "(%+.2f)", f[i] * w.get(i)));
      }
    }
    if (!e.ranked().isEmpty()) {
      double[] first = e.ranked().getFirst().features();
      out.append("\n  ranker features of the first:");
      for (int i = 0; i < first.length; i++) {
        out.append(
            String.format(
                java.util.Locale.ROOT, " %s %.2f", SectionChoice.FEATURES.get(i), first[i]));
      }
    }
    return out.toString();
  }

  /** A section put before a labeller: its key ({@code docId#Heading}), page title and text. */
  public record ReviewSection(String key, String pageTitle, String text) {}

  /**
   * The sections a labeller should read to check a case's labels: the best {@code n} candidates the
   * answer path ranked for its last turn, then its gold sections that are not among them, each
   * once. A label review reads these without knowing which are gold, so it can both add sections
   * that answer and drop ones that do not. A question the directory answers has no ranked sections:
   * its candidates are the organisations the answer lists, each by the first section of its entry
   * (the label a directory answer is judged by), at most {@code n} of them.
   */
  public static List<ReviewSection> reviewSections(
      AnswerEngine engine, Case c, Documents docs, int n) {
    java.util.Map<String, ReviewSection> out = new java.util.LinkedHashMap<>();
    for (SectionChoice.Candidate k : candidates(engine, c)) {
      if (out.size() >= n) {
        break;
      }
      String key = k.hit().docId() + "#" + k.heading();
      out.putIfAbsent(key(key), new ReviewSection(key, k.hit().title(), k.text()));
    }
    if (out.isEmpty()) {
      for (String org : listedOrganisations(engine, c)) {
        if (out.size() >= n) {
          break;
        }
        docs.get(org)
            .filter(d -> !d.sections().isEmpty())
            .ifPresent(
                d -> {
                  String key = org + "#" + d.sections().getFirst().title();
                  out.putIfAbsent(
                      key(key), new ReviewSection(key, d.frontMatter().title(), entryText(d)));
                });
      }
    }
    for (String g : c.sections()) {
      if (!out.containsKey(key(g))) {
        labelled(g, docs)
            .ifPresent(
                s ->
                    out.put(
                        key(g),
                        new ReviewSection(g, s.doc().frontMatter().title(), s.section().text())));
      }
    }
    return List.copyOf(out.values());
  }

  /** The organisations a directory answer to the case's last turn lists, in its order. */
  private static List<String> listedOrganisations(AnswerEngine engine, Case c) {
    if (lastAnswer(engine, c) instanceof Answer.Answered ok && directory(ok)) {
      return ok.excerpts().stream().map(e -> e.docId()).distinct().toList();
    }
    return List.of();
  }

  /** An organisation's whole entry, as a directory answer shows it: every section's text. */
  private static String entryText(org.metshub.kb.KbDocument d) {
    return d.sections().stream()
        .map(s -> s.title() + "\n" + s.text())
        .collect(java.util.stream.Collectors.joining("\n\n"));
  }

  /** True when an answer is a directory answer: organisations' entries, no quotable sentence. */
  private static boolean directory(Answer.Answered ok) {
    return ok.questionType().equals(Intent.FINDING_HELP.id())
        && !ok.excerpts().isEmpty()
        && ok.citations().stream().noneMatch(Citation::quotable);
  }

  private record Labelled(org.metshub.kb.KbDocument doc, Section section) {}

  /** The section a label ("docId#Heading") names, matched by its heading's anchor. */
  private static Optional<Labelled> labelled(String label, Documents docs) {
    int hash = label.indexOf('#');
    if (hash <= 0) {
      return Optional.empty();
    }
    String anchor = Section.slug(label.substring(hash + 1));
    return docs.get(label.substring(0, hash))
        .flatMap(
            d ->
                d.sections().stream()
                    .filter(s -> s.anchor().equals(anchor))
                    .findFirst()
                    .map(s -> new Labelled(d, s)));
  }

  /**
   * Fails when a case's gold section names no section of the KB (no such document, or no heading
   * with that anchor): such a label can never match, so it would count every answer as wrong
   * without saying why.
   *
   * @param file the cases' file, for the message
   */
  public static void requireKnownSections(Path file, List<Case> cases, Documents docs) {
    List<String> unknown = new ArrayList<>();
    for (Case c : cases) {
      for (String g : c.sections()) {
        if (labelled(g, docs).isEmpty()) {
          unknown.add(c.id() + ": " + g);
        }
      }
    }
    if (!unknown.isEmpty()) {
      throw new BadInput(
          file
              + ": "
              + unknown.size()
              + " gold section(s) name no section of the KB (\"<doc id>#<heading>\"): "
              + String.join("; ", unknown.subList(0, Math.min(5, unknown.size())))
              + (unknown.size() > 5 ? "; ..." : ""));
    }
  }

  /** True when the quoted section is a gold section or a translation of one. */
  static boolean gold(Case c, String quoted, Documents docs) {
    String q = key(quoted);
    return c.sections().stream()
        .flatMap(s -> withTranslations(s, docs).stream())
        .anyMatch(s -> key(s).equals(q));
  }

  private static List<String> withTranslations(String section, Documents docs) {
    List<String> out = new ArrayList<>(List.of(section));
    int hash = section.indexOf('#');
    if (hash >= 0) {
      Translations.inTranslations(
              docs, section.substring(0, hash), Section.slug(section.substring(hash + 1)))
          .forEach(l -> out.add(l.doc().id() + "#" + l.section().title()));
    }
    return out;
  }

  private static String key(String section) {
    int hash = section.indexOf('#');
    return hash < 0
        ? section
        : section.substring(0, hash) + "#" + Section.slug(section.substring(hash + 1));
  }

  /** The figures of a list of results. */
  public static Report report(List<Result> results) {
    int answerable = 0;
    int[] n = new int[Verdict.values().length];
    int dangling = 0;
    int pointed = 0;
    int safetyPointed = 0;
    for (Result r : results) {
      answerable += r.testCase().outcome().equals("answered") ? 1 : 0;
      n[r.verdict().ordinal()]++;
      dangling += r.dangling() ? 1 : 0;
      boolean safety = r.verdict() == Verdict.SAFETY;
      pointed += r.pointed() && !safety ? 1 : 0;
      safetyPointed += r.pointed() && safety ? 1 : 0;
    }
    return new Report(
        results.size(),
        answerable,
        n[Verdict.FIT.ordinal()],
        n[Verdict.OFF_TARGET.ordinal()],
        n[Verdict.WRONG_ANSWER.ordinal()],
        n[Verdict.WRONG_ABSTENTION.ordinal()],
        pointed,
        n[Verdict.RIGHT_ABSTENTION.ordinal()],
        n[Verdict.SAFETY.ordinal()],
        safetyPointed,
        dangling);
  }
}
