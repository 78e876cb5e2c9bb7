package org.metshub.answer;

import java.util.ArrayList;
import java.util.List;

/**
 * Learns {@link SectionWeights} from labelled questions: pairwise logistic regression, the
 * usual way to learn a ranking. For each question, every pair (a gold section, a section that
 * is not gold) among its candidates is one example whose input is the difference of their
 * features; the weights are fitted so that gold sections score higher. Full-batch gradient
 * descent from zero weights, a fixed number of steps, L2 regularisation: no randomness, so the
 * same labels and the same KB give the same weights. Stateless.
 */
public final class SectionTraining {
  static final int STEPS = 3000;
  static final double RATE = 0.5;
  static final double L2 = 0.001;

  /** The candidates of one question, each with whether it is a gold section. */
  record Question(String id, List<double[]> features, List<Boolean> gold) {}

  /** The trained weights, and how many questions and pairs they were trained on. */
  record Trained(SectionWeights weights, int questions, int pairs, double pairAccuracy) {}

  private SectionTraining() {}

  /**
   * The training questions of labelled cases: for each answerable case, its earlier turns are
   * asked first (follow-ups need their conversation), then the candidates of its last turn are
   * labelled gold when they are one of its sections or a translation of one.
   */
  static List<Question> collect(AnswerEngine engine, List<SectionEval.Case> cases,
      Documents docs) {
    List<Question> out = new ArrayList<>();
    for (SectionEval.Case c : cases) {
      if (!c.outcome().equals("answered")) {
        continue;
      }
      java.util.Optional<String> conversation = java.util.Optional.empty();
      for (String turn : c.turns().subList(0, c.turns().size() - 1)) {
        conversation = java.util.Optional.of(engine.answer(new AnswerEngine.Question(turn,
            java.util.Optional.of(c.language()), conversation, java.util.Optional.empty()))
            .conversationId());
      }
      List<SectionChoice.Candidate> candidates = engine.candidates(new AnswerEngine.Question(
          c.turns().getLast(), java.util.Optional.of(c.language()), conversation,
          java.util.Optional.empty()));
      List<double[]> features = new ArrayList<>();
      List<Boolean> gold = new ArrayList<>();
      for (SectionChoice.Candidate k : candidates) {
        features.add(k.features());
        gold.add(SectionEval.gold(c, k.hit().docId() + "#" + k.heading(), docs));
      }
      out.add(new Question(c.id(), features, gold));
    }
    return out;
  }

  /** Trains on labelled cases and returns the weights file's text. */
  public static String trainToYaml(AnswerEngine engine, List<SectionEval.Case> cases,
      Documents docs, String casesFile) {
    Trained t = train(collect(engine, cases, docs), "metshub train-sections " + casesFile);
    String header = String.format(java.util.Locale.ROOT, """
        # Weights of the section-choice features (SectionChoice.FEATURES): a candidate section's
        # score is their weighted sum. Written by `metshub train-sections %s`
        # (pairwise logistic regression, %d steps, rate %s, L2 %s, from zero weights): %d labelled
        # questions had a gold section among their candidates, giving %d pairs, %.1f%% of them
        # ranked the right way. Re-running the command on the same labels and KB gives this file.
        """, casesFile, STEPS, RATE, L2, t.questions(), t.pairs(), 100 * t.pairAccuracy());
    return t.weights().toYaml(header);
  }

  static Trained train(List<Question> questions, String source) {
    List<double[]> pairs = new ArrayList<>();
    int used = 0;
    for (Question q : questions) {
      boolean any = false;
      for (int g = 0; g < q.features().size(); g++) {
        if (!q.gold().get(g)) {
          continue;
        }
        for (int n = 0; n < q.features().size(); n++) {
          if (q.gold().get(n)) {
            continue;
          }
          double[] a = q.features().get(g);
          double[] b = q.features().get(n);
          double[] d = new double[a.length];
          for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
          }
          pairs.add(d);
          any = true;
        }
      }
      used += any ? 1 : 0;
    }
    int dims = SectionChoice.FEATURES.size();
    double[] w = new double[dims];
    if (!pairs.isEmpty()) {
      for (int step = 0; step < STEPS; step++) {
        double[] grad = new double[dims];
        for (double[] d : pairs) {
          double z = 0;
          for (int i = 0; i < dims; i++) {
            z += w[i] * d[i];
          }
          double p = 1 / (1 + Math.exp(-z)); // probability that gold ranks above
          for (int i = 0; i < dims; i++) {
            grad[i] += (p - 1) * d[i];
          }
        }
        for (int i = 0; i < dims; i++) {
          w[i] -= RATE * (grad[i] / pairs.size() + L2 * w[i]);
        }
      }
    }
    int right = 0;
    for (double[] d : pairs) {
      double z = 0;
      for (int i = 0; i < dims; i++) {
        z += w[i] * d[i];
      }
      right += z > 0 ? 1 : 0;
    }
    List<Double> weights = new ArrayList<>();
    for (double x : w) {
      weights.add(Math.round(x * 10000) / 10000.0);
    }
    return new Trained(new SectionWeights(weights, source), used, pairs.size(),
        pairs.isEmpty() ? 0 : (double) right / pairs.size());
  }
}
