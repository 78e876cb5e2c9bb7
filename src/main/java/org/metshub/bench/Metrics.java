package org.metshub.bench;

import java.util.List;
import java.util.Set;

/**
 * Rank metrics for one relevant answer (possibly listed under several equivalent ids), as in the
 * MedQuAD protocol: r is the rank of the first retrieved id in the relevant set, or none in the top
 * 10; MRR@10 = 1/r, Recall@10 = [r ≤ 10], nDCG@10 = 1/log2(r+1). Accumulates means.
 */
final class Metrics {
  private double mrr;
  private double ndcg;
  private double recall;
  private int n;

  void add(List<String> rankedDocIds, Set<String> relevant) {
    n++;
    for (int i = 0; i < Math.min(10, rankedDocIds.size()); i++) {
      if (relevant.contains(rankedDocIds.get(i))) {
        int r = i + 1;
        mrr += 1.0 / r;
        ndcg += 1.0 / (Math.log(r + 1) / Math.log(2));
        recall += 1;
        return;
      }
    }
  }

  double mrr() {
    return n == 0 ? 0 : mrr / n;
  }

  double ndcg() {
    return n == 0 ? 0 : ndcg / n;
  }

  double recall() {
    return n == 0 ? 0 : recall / n;
  }

  int count() {
    return n;
  }
}
