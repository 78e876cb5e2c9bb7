package org.metshub.ingest.infer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metshub.kb.Term;
import org.metshub.kb.Vocabulary;

/**
 * Infers the metastatic sites a document discusses, from the metastatic-sites vocabulary. A site
 * word counts only near a word of spread in the same sentence ("spread to the liver", "bone
 * metastases", "metástasis en el hígado"), not when it names a primary cancer ("lung cancer that
 * has spread", "cancer that starts in the lung") or bone marrow, and not when negated ("no sign of
 * brain metastases"). A site is chosen when the title or a heading discusses it, or when the body
 * does at least {@link #MIN_MENTIONS} times (once in a short text) and at least {@link #DOMINANCE}
 * as often as the most discussed site. Thread-safe.
 */
public final class SiteInference {
  static final int MIN_MENTIONS = 3;
  static final double DOMINANCE = 0.3;

  private final Vocabulary sites;
  private final TermMatcher matcher;

  public SiteInference(Vocabulary metastaticSites) {
    this.sites = metastaticSites;
    this.matcher = new TermMatcher(metastaticSites);
  }

  /** The sites chosen, in vocabulary order. */
  public List<String> infer(DocumentText text) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    count(text.titleTokens(), 0, counts);
    count(text.headingTokens(), 0, counts);
    count(text.bodyTokens(), 1, counts);
    int max = counts.values().stream().mapToInt(c -> c[1]).max().orElse(0);
    int min = text.words() < CancerTypeInference.SHORT_TEXT_WORDS ? 1 : MIN_MENTIONS;
    List<String> out = new ArrayList<>();
    for (Term t : sites.terms()) {
      int[] c = counts.get(t.id());
      if (c != null && (c[0] > 0 || (c[1] >= min && c[1] >= DOMINANCE * max))) {
        out.add(t.id());
      }
    }
    return out;
  }

  private void count(Tokens tokens, int slot, Map<String, int[]> counts) {
    List<String> t = tokens.list();
    for (TermMatcher.Mention m : matcher.find(tokens)) {
      WorkBudget.checkpoint();
      if (m.end() < t.size() && t.get(m.end()).equals("marrow")) {
        continue;
      }
      if (MentionContext.namedAsCancer(tokens, m.start(), m.end())
          || MentionContext.namedAsOrigin(tokens, m.start())
          || !MentionContext.nearSpread(tokens, m.start(), m.end())
          || Negation.negated(tokens, m.start())) {
        continue;
      }
      counts.computeIfAbsent(m.termId(), k -> new int[2])[slot]++;
    }
  }
}
