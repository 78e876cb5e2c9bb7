package org.metshub.answer;

import java.util.List;

/**
 * What the {@link EvidenceGate} decides with: a learned probability that the best section answers,
 * over named features, and the threshold it must reach. The shipped gate is {@link BoostedTrees};
 * tests over small made-up KBs use a {@link LinearModel}.
 */
interface GateModel {
  /** The feature names, in the order of the vectors it reads. */
  List<String> features();

  /** The probability (0–1) for a feature vector. */
  double probability(double[] x);

  /** The probability an answer needs. */
  double threshold();

  /** What made it, for files and explanations. */
  String source();
}
