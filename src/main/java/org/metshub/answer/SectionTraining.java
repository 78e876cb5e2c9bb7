package org.metshub.answer;

import java.util.ArrayList;
import java.util.List;

/**
 * Learns {@link LinearModel} from labelled questions: a linear listwise ranker (softmax
 * cross-entropy over each question's candidates, as in ListNet with top-1 targets). For each
 * question the softmax of its candidates' scores is pushed to put its probability on the gold
 * sections, since the reader sees only the first. Full-batch gradient descent from zero weights, a
 * fixed number of steps, L2 regularisation: no randomness, so the same labels and the same KB give
 * the same weights. Stateless.
 */
public final class SectionTraining {
  static final int STEPS = 3000;
  static final double RATE = 0.5;
  static final double L2 = 0.001;

  /** The candidates of one question, each with whether it is a gold section. */
  record Question(String id, List<double[]> features, List<Boolean> gold) {}

  /** The trained weights, and how many questions and pairs they were trained on. */
  record Trained(
      LinearModel weights, int questions, int pairs, double pairAccuracy, double topAccuracy) {}

  private SectionTraining() {}

  /** The two weights files that training writes. */
  public record Files(String sections, String gate) {}

  /** A labelled case with the evidence the answer path found for its last turn. */
  private record Seen(SectionEval.Case c, EvidenceGate.Evidence evidence, Documents docs) {}

  /**
   * Labelled questions over one KB: the answer path over that KB's index, the cases (only their
   * development split is used) and the KB's documents.
   */
  public record Labelled(AnswerEngine engine, List<SectionEval.Case> cases, Documents docs) {
    public Labelled {
      cases = cases.stream().filter(c -> c.split().map("dev"::equals).orElse(true)).toList();
    }
  }

  /**
   * Trains the section ranker, then the gate on the evidence as the new ranker orders it, and
   * returns both files' text. Each case's earlier turns are asked first (follow-ups need their
   * conversation); a candidate is gold when it is one of the case's sections or a translation of
   * one.
   */
  public static Files train(
      AnswerEngine engine,
      List<SectionEval.Case> cases,
      Documents docs,
      String casesFile,
      double wrongBudget) {
    return train(engine, cases, docs, casesFile, wrongBudget, false);
  }

  /**
   * As {@link #train(AnswerEngine, List, Documents, String, double)}; with {@code keepRanker} the
   * shipped ranker's weights are kept (and {@link Files#sections} is empty) and only the gate is
   * fitted, on that ranker's order: for when labels or the KB changed what the gate should allow
   * but a ranker fitted again from zero would choose worse.
   */
  public static Files train(
      AnswerEngine engine,
      List<SectionEval.Case> cases,
      Documents docs,
      String casesFile,
      double wrongBudget,
      boolean keepRanker) {
    return train(
        List.of(new Labelled(engine, cases, docs)),
        arguments(casesFile, keepRanker, wrongBudget),
        wrongBudget,
        keepRanker);
  }

  /** The command's arguments as the files' headers quote them. */
  public static String arguments(String casesFile, boolean keepRanker, double wrongBudget) {
    return casesFile
        + (keepRanker ? " --keep-ranker" : "")
        + (wrongBudget == GateTraining.WRONG_BUDGET
            ? ""
            : " --wrong-budget "
                + java.math.BigDecimal.valueOf(wrongBudget).stripTrailingZeros().toPlainString());
  }

  /**
   * Trains one ranker and one gate on the questions of several KBs together (the bundled KB and,
   * say, the NCI corpus): the ranker on all their candidates, the gate on all their evidence, its
   * wrong-answer budget a share of all their cases. {@code args} is how the command was called, for
   * the files' headers.
   */
  public static Files train(
      List<Labelled> sets, String args, double wrongBudget, boolean keepRanker) {
    List<Seen> seen = new ArrayList<>();
    int wrongDirectory = 0;
    int cases = 0;
    for (Labelled set : sets) {
      cases += set.cases().size();
      for (SectionEval.Case c : set.cases()) {
        java.util.Optional<EvidenceGate.Evidence> e = SectionEval.evidence(set.engine(), c);
        if (e.isPresent()) {
          seen.add(new Seen(c, e.get(), set.docs()));
        } else {
          SectionEval.Verdict v = SectionEval.run(set.engine(), c, set.docs()).verdict();
          if (v == SectionEval.Verdict.OFF_TARGET || v == SectionEval.Verdict.WRONG_ANSWER) {
            wrongDirectory++; // answered from the directory, wrongly: the gate never saw it
          }
        }
      }
    }
    List<Question> questions = new ArrayList<>();
    for (Seen s : seen) {
      if (s.c().outcome().equals("answered")) {
        questions.add(question(s.c(), s.evidence().ranked(), s.docs()));
      }
    }
    String source = "metshub train-sections " + args;
    Trained t =
        keepRanker ? kept(questions, SectionChoice.bundledWeights()) : train(questions, source);
    String header =
        String.format(
            java.util.Locale.ROOT,
            """
        # Weights of the section-choice features (SectionChoice.FEATURES): a candidate section's
        # score is their weighted sum. Written by `metshub train-sections %s`
        # (listwise softmax ranker, %d steps, rate %s, L2 %s, from zero weights): %d labelled
        # questions had a gold section among their candidates; the gold section comes first for
        # %.1f%% of them, and %.1f%% of %d (gold, other) pairs are ranked the right way.
        # Re-running the command on the same labels and KB gives this file.
        """,
            args,
            STEPS,
            RATE,
            L2,
            t.questions(),
            100 * t.topAccuracy(),
            100 * t.pairAccuracy(),
            t.pairs());
    List<GateTraining.Example> examples = new ArrayList<>();
    for (Seen s : seen) {
      EvidenceGate.Evidence e = rescored(s.evidence(), t.weights());
      boolean good =
          s.c().outcome().equals("answered")
              && !e.ranked().isEmpty()
              && SectionEval.gold(
                  s.c(),
                  e.ranked().getFirst().hit().docId() + "#" + e.ranked().getFirst().heading(),
                  s.docs());
      examples.add(
          new GateTraining.Example(
              s.c().id(), EvidenceGate.features(e), good, EvidenceGate.ruledOut(e)));
    }
    GateTraining.Trained g =
        GateTraining.train(examples, cases, wrongDirectory, wrongBudget, source);
    return new Files(
        keepRanker ? "" : t.weights().toYaml(header),
        GateTraining.toYaml(g, args, cases, wrongDirectory, wrongBudget));
  }

  private static Question question(
      SectionEval.Case c, List<SectionChoice.Candidate> ranked, Documents docs) {
    List<double[]> features = new ArrayList<>();
    List<Boolean> gold = new ArrayList<>();
    for (SectionChoice.Candidate k : ranked) {
      features.add(k.features());
      gold.add(SectionEval.gold(c, k.hit().docId() + "#" + k.heading(), docs));
    }
    return new Question(c.id(), features, gold);
  }

  /**
   * The evidence with its candidates scored by other weights, in the order the answer path would
   * put them in with those weights ({@link SectionChoice#inAnswerOrder}).
   */
  static EvidenceGate.Evidence rescored(EvidenceGate.Evidence e, LinearModel weights) {
    List<SectionChoice.Candidate> ranked =
        e.ranked().stream()
            .map(k -> k.withScore(weights.score(k.features())))
            .sorted(java.util.Comparator.comparingDouble(SectionChoice.Candidate::score).reversed())
            .toList();
    return new EvidenceGate.Evidence(
        e.qa(),
        SectionChoice.inAnswerOrder(e.qa(), e.followUp(), ranked),
        e.bestSimilarity(),
        e.threshold(),
        e.unknown(),
        e.contentWords(),
        e.followUp());
  }

  static Trained train(List<Question> questions, String source) {
    List<Question> used = teaching(questions);
    double[] w = fit(used);
    List<Double> weights = new ArrayList<>();
    for (double x : w) {
      weights.add(Math.round(x * 10000) / 10000.0);
    }
    return measured(used, SectionChoice.weights(weights, source));
  }

  /** Only questions with a gold section and another one to beat teach anything. */
  private static List<Question> teaching(List<Question> questions) {
    return questions.stream()
        .filter(q -> q.gold().contains(true) && q.gold().contains(false))
        .toList();
  }

  /** Given weights (the shipped ranker, kept), measured on the questions as training would. */
  static Trained kept(List<Question> questions, LinearModel weights) {
    return measured(teaching(questions), weights);
  }

  private static double[] fit(List<Question> used) {
    int dims = SectionChoice.FEATURES.size();
    double[] w = new double[dims];
    for (int step = 0; step < STEPS && !used.isEmpty(); step++) {
      double[] grad = new double[dims];
      for (Question q : used) {
        // Listwise: the softmax of the scores over the question's candidates, pushed towards
        // putting its probability on the gold ones. Top-1 is what the reader sees.
        int n = q.features().size();
        double[] s = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
          s[i] = dot(w, q.features().get(i));
          max = Math.max(max, s[i]);
        }
        double all = 0;
        double gold = 0;
        for (int i = 0; i < n; i++) {
          s[i] = Math.exp(s[i] - max);
          all += s[i];
          gold += q.gold().get(i) ? s[i] : 0;
        }
        for (int i = 0; i < n; i++) {
          double p = s[i] / all;
          double target = q.gold().get(i) ? s[i] / gold : 0;
          double[] x = q.features().get(i);
          for (int d = 0; d < dims; d++) {
            grad[d] += (p - target) * x[d];
          }
        }
      }
      for (int d = 0; d < dims; d++) {
        w[d] -= RATE * (grad[d] / used.size() + L2 * w[d]);
      }
    }
    return w;
  }

  private static Trained measured(List<Question> used, LinearModel model) {
    double[] w = new double[SectionChoice.FEATURES.size()];
    for (int d = 0; d < w.length; d++) {
      w[d] = model.weights().get(d);
    }
    int pairs = 0;
    int right = 0;
    int top = 0;
    for (Question q : used) {
      int best = 0;
      for (int i = 0; i < q.features().size(); i++) {
        if (dot(w, q.features().get(i)) > dot(w, q.features().get(best))) {
          best = i;
        }
        if (!q.gold().get(i)) {
          continue;
        }
        for (int j = 0; j < q.features().size(); j++) {
          if (!q.gold().get(j)) {
            pairs++;
            right += dot(w, q.features().get(i)) > dot(w, q.features().get(j)) ? 1 : 0;
          }
        }
      }
      top += q.gold().get(best) ? 1 : 0;
    }
    return new Trained(
        model,
        used.size(),
        pairs,
        pairs == 0 ? 0 : (double) right / pairs,
        used.isEmpty() ? 0 : (double) top / used.size());
  }

  private static double dot(double[] w, double[] x) {
    double z = 0;
    for (int i = 0; i < w.length; i++) {
      z += w[i] * x[i];
    }
    return z;
  }
}
