package org.metshub.answer;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The one place that decides whether the KB answers a question: {@link Sufficient} with the section
 * to quote, or {@link Insufficient} with a reason a curator can read on the content-gaps page.
 *
 * <p>Some rules are absolute: there must be a section to quote; a question that names a cancer is
 * never answered from a page about another one; a question whose every word the KB never uses is
 * not answered; and a question that asks for its subject's cost, which of two is better, or a
 * number is not answered by a section that never speaks about that ({@link Aspects}). Everything
 * else is weighed by a learned confidence that the best section answers the question: boosted trees
 * over the evidence ({@link #FEATURES}: how the section ranker scored the best section and by how
 * much it beat the best section of another page, how close the best quotable passage is to the
 * question against the threshold of its type, how much of the question and of its rarest terms the
 * section speaks about, how many of the question's words the KB never uses, whether the heading
 * fits the intent and the page's title fits the question, how close the section is in meaning and
 * whether no other candidate is closer, the ranker's own certainty: the softmax share of the best
 * section and of all its page's sections, and how close the question comes to one its curators say
 * the section answers, in words and in meaning, whether a subject typed alone found a section that
 * says what it is, how close the section's own lead is in meaning and by how much it beats every
 * other candidate's, and how much of its closest curated question the reader's question holds). The
 * model and its threshold are learned from the labelled development split by {@code metshub
 * train-sections} ({@link GateTraining}) and live in {@code answer/gate-model.yaml}; the threshold
 * is the lowest that keeps wrong answers on that split within a budget of its cases ({@link
 * GateTraining#WRONG_BUDGET}).
 *
 * <p>When the confidence is too low, the reason names the weakest piece of evidence: no close
 * passage, a section that never speaks about the question's subject, words the KB never uses, or a
 * section that answers too weakly. Stateless and thread-safe.
 */
final class EvidenceGate {
  /** The gate's features, in the order of its weights. */
  static final List<String> FEATURES =
      List.of(
          "bias",
          "score",
          "margin",
          "similarity",
          "close",
          "coverage",
          "rareCoverage",
          "keyTerm",
          "unknown",
          "intentFits",
          "titleFits",
          "general",
          "meaning",
          "share",
          "closestInMeaning",
          "asked",
          "topicDefinition",
          "askedMeaning",
          "askedMargin",
          "askedIntent",
          "pageShare",
          "leadMeaning",
          "leadMargin",
          "askedContained");

  /** The gate's decision. */
  sealed interface Decision permits Sufficient, Insufficient {}

  /** Quote this section. */
  record Sufficient(SectionChoice.Candidate section, double confidence) implements Decision {}

  /** Abstain, for this reason. */
  record Insufficient(Reason why) implements Decision {
    /** The reason in English. */
    String reason() {
      return why.text();
    }
  }

  private static Insufficient insufficient(String kind, String text, Object... args) {
    return new Insufficient(
        new Reason(kind, java.util.Arrays.stream(args).map(String::valueOf).toList(), text));
  }

  /**
   * What retrieval and section choice found for a question.
   *
   * @param ranked the candidate sections, best first
   * @param bestSimilarity the best similarity among quotable passages
   * @param threshold the similarity threshold of the question's type
   * @param unknown the question's words that no passage uses
   * @param contentWords how many content words the question has
   * @param followUp whether the question leans on the conversation (words it added, or a
   *     follow-up's form), which decides {@link SectionChoice#inAnswerOrder}
   */
  record Evidence(
      QuestionAnalysis qa,
      List<SectionChoice.Candidate> ranked,
      double bestSimilarity,
      double threshold,
      List<String> unknown,
      int contentWords,
      boolean followUp) {
    Evidence {
      ranked = List.copyOf(ranked);
      unknown = List.copyOf(unknown);
    }

    /** The evidence for a question asked on its own. */
    Evidence(
        QuestionAnalysis qa,
        List<SectionChoice.Candidate> ranked,
        double bestSimilarity,
        double threshold,
        List<String> unknown,
        int contentWords) {
      this(qa, ranked, bestSimilarity, threshold, unknown, contentWords, false);
    }
  }

  private static final class Bundled {
    static final BoostedTrees MODEL = BoostedTrees.bundled("answer/gate-model.yaml", FEATURES);
  }

  /** The model and threshold shipped in the jar, learned by {@code metshub train-sections}. */
  static BoostedTrees bundledModel() {
    return Bundled.MODEL;
  }

  private final GateModel model;

  /** With the bundled weights and threshold. */
  EvidenceGate() {
    this(Bundled.MODEL);
  }

  /**
   * A gate with the absolute rules only (a section to quote, never another cancer's page, not every
   * word unknown): for tests over small made-up KBs, whose scores the learned gate was never
   * trained on.
   */
  static EvidenceGate rulesOnly() {
    return new EvidenceGate(
        new LinearModel(
            FEATURES, java.util.Collections.nCopies(FEATURES.size(), 0.0), 0.0, "rules only"));
  }

  EvidenceGate(GateModel model) {
    if (!model.features().equals(FEATURES) || Double.isNaN(model.threshold())) {
      throw new IllegalArgumentException(
          "a gate model needs the features " + FEATURES + " and a threshold");
    }
    this.model = model;
  }

  /** Its model and threshold. */
  GateModel model() {
    return model;
  }

  /** The features of the evidence for its best section (all zero but the bias without one). */
  static double[] features(Evidence e) {
    double[] f = new double[FEATURES.size()];
    f[0] = 1;
    if (e.ranked().isEmpty()) {
      return f;
    }
    SectionChoice.Candidate best = e.ranked().getFirst();
    // The margin over the best section of another page: sibling sections of the answering page
    // competing with each other say nothing about whether the KB answers.
    double second =
        e.ranked().stream()
            .filter(k -> !k.hit().docId().equals(best.hit().docId()))
            .mapToDouble(SectionChoice.Candidate::score)
            .findFirst()
            .orElse(0);
    f[1] = best.score() / 10;
    f[2] = Math.min(1, Math.max(0, best.score() - second) / 5);
    f[3] = e.bestSimilarity() - e.threshold();
    f[4] = e.bestSimilarity() >= e.threshold() ? 1 : 0;
    f[5] = best.coverage();
    f[6] = feature(best, "rareCoverage");
    f[7] = best.keyTermUsed() ? 1 : 0;
    f[8] = e.contentWords() == 0 ? 0 : Math.min(1, (double) e.unknown().size() / e.contentWords());
    f[9] = feature(best, "intentFits");
    f[10] = feature(best, "titleFits");
    f[11] = e.qa().intent() == Intent.GENERAL ? 1 : 0;
    f[12] = feature(best, "meaning");
    // The ranker's own certainty: the softmax share of the best section among all candidates.
    double sum = 0;
    for (SectionChoice.Candidate k : e.ranked()) {
      sum += Math.exp(k.score() - best.score());
    }
    f[13] = 1 / sum;
    double closest = e.ranked().stream().mapToDouble(k -> feature(k, "meaning")).max().orElse(0);
    f[14] = f[12] >= closest ? 1 : 0;
    f[15] = feature(best, "asked");
    f[16] = feature(best, "topicDefinition");
    f[17] = feature(best, "askedMeaning");
    // How much closer in meaning the best section's questions come than any other page's.
    double otherAsked =
        e.ranked().stream()
            .filter(k -> !k.hit().docId().equals(best.hit().docId()))
            .mapToDouble(k -> feature(k, "askedMeaning"))
            .max()
            .orElse(0);
    f[18] = Math.max(-1, Math.min(1, f[17] - otherAsked));
    f[19] = feature(best, "askedIntent");
    // The ranker's certainty about the page: the softmax share of all the best page's sections,
    // so that two of its sections that both answer do not make each other look unsure.
    double page = 0;
    for (SectionChoice.Candidate k : e.ranked()) {
      if (k.hit().docId().equals(best.hit().docId())) {
        page += Math.exp(k.score() - best.score());
      }
    }
    f[20] = page / sum;
    f[21] = best.leadMeaning();
    // How much closer in meaning the best section's own lead comes than any other section's: the
    // one feature that tells apart two sections indexed in one passage.
    double otherLead =
        e.ranked().stream()
            .filter(k -> k != best)
            .mapToDouble(SectionChoice.Candidate::leadMeaning)
            .max()
            .orElse(0);
    f[22] = Math.max(-1, Math.min(1, f[21] - otherLead));
    f[23] = best.askedContained();
    return f;
  }

  private static double feature(SectionChoice.Candidate c, String name) {
    int i = SectionChoice.FEATURES.indexOf(name);
    return i < c.features().length ? c.features()[i] : 0;
  }

  /** How confident the gate is that the best section answers (0–1). */
  double confidence(Evidence e) {
    return model.probability(features(e));
  }

  /** True when an absolute rule abstains, whatever the confidence. */
  static boolean ruledOut(Evidence e) {
    return absolute(e) != null;
  }

  private static @Nullable Insufficient absolute(Evidence e) {
    QuestionAnalysis qa = e.qa();
    if (e.ranked().isEmpty()) {
      return e.bestSimilarity() < e.threshold()
          ? notClose(e)
          : insufficient("noSection", "no section to quote");
    }
    SectionChoice.Candidate c = e.ranked().getFirst();
    // The section ranker's cancer agreement also counts the cancers the page's title names.
    double cancer =
        c.features().length > SectionChoice.FEATURES.indexOf("cancerAgrees")
            ? feature(c, "cancerAgrees")
            : SectionChoice.cancers(qa.cancerTypes(), c.hit().meta().cancerTypes());
    if (cancer < 0) {
      return insufficient(
          "otherCancer",
          "the question is about "
              + qa.cancerTypes()
              + ", the closest section is on a page about "
              + c.hit().meta().cancerTypes(),
          String.join(", ", qa.cancerTypes()),
          String.join(", ", c.hit().meta().cancerTypes()));
    }
    if (e.contentWords() > 0 && e.unknown().size() >= e.contentWords()) {
      return unknownWords(e);
    }
    // The right topic without what was asked about it: "how much does it cost" is not answered
    // by a section that never speaks about money.
    java.util.Optional<Aspects.Aspect> unspoken =
        Aspects.unspoken(qa.aspects(), c.heading(), c.text());
    if (unspoken.isPresent()) {
      return insufficient(
          "aspect",
          "the question asks about "
              + unspoken.get().label()
              + "; the closest section ('"
              + c.heading()
              + "' of "
              + c.hit().docId()
              + ") does not speak about it",
          unspoken.get().id(),
          c.heading(),
          c.hit().docId());
    }
    return null;
  }

  /** Decides. */
  Decision decide(Evidence e) {
    Insufficient rule = absolute(e);
    if (rule != null) {
      return rule;
    }
    QuestionAnalysis qa = e.qa();
    SectionChoice.Candidate c = e.ranked().getFirst();
    double confidence = confidence(e);
    if (confidence >= model.threshold()) {
      return new Sufficient(c, confidence);
    }
    if (e.bestSimilarity() < e.threshold()) {
      return notClose(e);
    }
    if (!c.keyTermUsed()) {
      return insufficient(
          "notSpoken",
          "the closest section ('"
              + c.heading()
              + "' of "
              + c.hit().docId()
              + ") does not speak about "
              + new java.util.TreeSet<>(qa.keyTerms()),
          c.heading(),
          c.hit().docId(),
          String.join(", ", new java.util.TreeSet<>(qa.keyTerms())));
    }
    if (!e.unknown().isEmpty()) {
      return unknownWords(e);
    }
    String shown = String.format(Locale.ROOT, "%.2f", confidence);
    String needed = String.format(Locale.ROOT, "%.2f", model.threshold());
    return insufficient(
        "tooWeak",
        String.format(
            Locale.ROOT,
            "the closest section ('%s' of %s) answers too weakly: confidence %s below %s",
            c.heading(),
            c.hit().docId(),
            shown,
            needed),
        c.heading(),
        c.hit().docId(),
        shown,
        needed);
  }

  /**
   * A second section to quote beside the first, from another page, only when it adds what the first
   * lacks: the question names both a cancer and a site, the first section's page is about one of
   * them and not the other, and the companion's page is about the other (the site page beside the
   * cancer-type page, or the reverse). It must fit the question's intent and pass the gate on its
   * own: with the first page's sections set aside, the evidence with it in first place reaches the
   * threshold.
   */
  java.util.Optional<SectionChoice.Candidate> companion(Evidence e, SectionChoice.Candidate first) {
    QuestionAnalysis qa = e.qa();
    if (qa.cancerTypes().isEmpty() || qa.sites().isEmpty()) {
      return java.util.Optional.empty();
    }
    boolean firstCancer = aboutCancer(qa, first);
    boolean firstSite = aboutSite(qa, first);
    if (firstCancer == firstSite) {
      return java.util.Optional.empty(); // about both, or about neither: nothing to add
    }
    for (SectionChoice.Candidate k : e.ranked()) {
      if (k.hit().docId().equals(first.hit().docId()) || feature(k, "intentFits") < 1) {
        continue;
      }
      if (firstCancer ? !aboutSite(qa, k) : !aboutCancer(qa, k)) {
        continue;
      }
      // Weighed as if the first page had not been found: the companion against the rest.
      List<SectionChoice.Candidate> promoted =
          new java.util.ArrayList<>(
              e.ranked().stream()
                  .filter(x -> !x.hit().docId().equals(first.hit().docId()))
                  .toList());
      promoted.remove(k);
      promoted.addFirst(k);
      Evidence alone =
          new Evidence(
              qa,
              promoted,
              e.bestSimilarity(),
              e.threshold(),
              e.unknown(),
              e.contentWords(),
              e.followUp());
      if (absolute(alone) == null && confidence(alone) >= model.threshold()) {
        return java.util.Optional.of(k);
      }
      return java.util.Optional.empty(); // only the best such section is considered
    }
    return java.util.Optional.empty();
  }

  /** The page is about a cancer the question names. */
  private static boolean aboutCancer(QuestionAnalysis qa, SectionChoice.Candidate c) {
    return SectionChoice.cancers(qa.cancerTypes(), c.hit().meta().cancerTypes()) > 0;
  }

  /**
   * The page is about a site the question names, for every cancer: a site page, not a cancer-type
   * page that lists where that cancer spreads.
   */
  private static boolean aboutSite(QuestionAnalysis qa, SectionChoice.Candidate c) {
    return SectionChoice.entity(qa.sites(), c.hit().meta().sites()) > 0
        && SectionChoice.cancers(qa.cancerTypes(), c.hit().meta().cancerTypes()) == 0;
  }

  private static Insufficient notClose(Evidence e) {
    String best = String.format(Locale.ROOT, "%.3f", e.bestSimilarity());
    String needed = String.format(Locale.ROOT, "%.2f", e.threshold());
    return insufficient(
        "notClose",
        "no page is close enough: best similarity "
            + best
            + " below "
            + needed
            + " for "
            + e.qa().type().label(),
        best,
        needed);
  }

  private static Insufficient unknownWords(Evidence e) {
    java.util.TreeSet<String> words = new java.util.TreeSet<>(e.unknown());
    return insufficient(
        "unknownWords", "the KB never uses the words " + words, String.join(", ", words));
  }
}
