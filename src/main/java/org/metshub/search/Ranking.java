package org.metshub.search;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.metshub.kb.ReviewState;

/**
 * Ranking settings: field boosts for BM25, how lexical and vector scores are fused, and the priors
 * for source tier and review state. Every value is a setting {@code ranking.NAME} (for example
 * {@code -Dmetshub.ranking.titleBoost=3}; see {@code org.metshub.ConfigReader}). Immutable.
 *
 * @param titleBoost BM25 weight of the title field relative to the body
 * @param headingBoost BM25 weight of the heading path
 * @param fusion {@code linear} (convex combination of max-normalised BM25 and min-max-normalised
 *     cosine) or {@code rrf} (reciprocal rank fusion)
 * @param lexicalWeight weight of BM25 in the linear fusion
 * @param leadWeight weight of the section-lead vector; the passage vector gets what remains
 * @param rrfK the k of reciprocal rank fusion
 * @param candidates how many results each ranker contributes before fusion
 * @param tierPriors score multiplier per source-tier prefix ("01" … "07")
 * @param reviewPriors score multiplier per review state
 * @param professionalPrior score multiplier for documents written for clinicians or researchers
 *     (the public site is for patients first; filtering by audience is still possible)
 * @param pageContext share of the best score among candidates from the same source page (URL) that
 *     each of them gains; 0 turns page context off
 * @param headingMatch score multiplier, in a search for pages (collapsed), for a passage whose
 *     title and heading together hold every word of a query of two words or more (a word or one of
 *     its vocabulary synonyms): "bone mets pain" finds "Radiation to ease bone pain" on a page
 *     about metastatic cancer; 1 turns it off. Passage searches (the answer path) leave it out: the
 *     section ranker weighs headings itself
 */
public record Ranking(
    double titleBoost,
    double headingBoost,
    String fusion,
    double lexicalWeight,
    double leadWeight,
    int rrfK,
    int candidates,
    Map<String, Double> tierPriors,
    Map<String, Double> reviewPriors,
    double professionalPrior,
    double pageContext,
    double headingMatch) {

  /** The default page-context share (see the README's Performance section). */
  static final double PAGE_CONTEXT = 0.0;

  /** The default heading-match multiplier (see the README's Performance section). */
  static final double HEADING_MATCH = 1.5;

  /**
   * Defaults, measured on MedQuAD (see README, "Performance"): linear fusion beat RRF k=60 on every
   * metric, and the section-lead vector carries most of the signal (0.1 BM25, 0.8 lead, 0.1 passage
   * vector). Priors are gentle: they reorder near-ties (an overdue page after a current one) but
   * never bury a clearly better passage.
   */
  public static final Ranking DEFAULT =
      new Ranking(
          2.0,
          1.5,
          "linear",
          0.1,
          0.8,
          60,
          100,
          Map.of("01", 1.0, "02", 1.0, "03", 0.98, "04", 0.98, "05", 0.95, "06", 0.9, "07", 0.85),
          Map.of("current", 1.0, "due-soon", 1.0, "unscheduled", 0.98, "overdue", 0.95),
          0.9,
          PAGE_CONTEXT,
          HEADING_MATCH);

  public Ranking {
    if (!fusion.equals("linear") && !fusion.equals("rrf")) {
      throw new IllegalArgumentException("fusion must be linear or rrf, got '" + fusion + "'");
    }
    if (lexicalWeight < 0 || leadWeight < 0 || lexicalWeight + leadWeight > 1) {
      throw new IllegalArgumentException(
          "lexicalWeight and leadWeight must be >= 0 and sum to"
              + " at most 1, got "
              + lexicalWeight
              + " and "
              + leadWeight);
    }
    if (pageContext < 0 || pageContext > 2) {
      throw new IllegalArgumentException("pageContext must be between 0 and 2, got " + pageContext);
    }
    if (headingMatch < 1 || headingMatch > 10) {
      throw new IllegalArgumentException(
          "headingMatch must be between 1 and 10, got " + headingMatch);
    }
    tierPriors = Map.copyOf(tierPriors);
    reviewPriors = Map.copyOf(reviewPriors);
  }

  /** The same ranking with another fusion and weights. */
  public Ranking withFusion(String f, double lexical, double lead) {
    return new Ranking(
        titleBoost,
        headingBoost,
        f,
        lexical,
        lead,
        rrfK,
        candidates,
        tierPriors,
        reviewPriors,
        professionalPrior,
        pageContext,
        headingMatch);
  }

  /** The tier prior of a source tier not in {@link #tierPriors}, or of one without a number. */
  static final double UNKNOWN_TIER_PRIOR = 0.95;

  /**
   * The prior for a passage's source tier (by its number: 4 for {@code 04_metshub_editorial}) and
   * review state, each a setting of its own, combined at query time.
   */
  double prior(OptionalInt tierNumber, ReviewState state) {
    double tier =
        tierNumber.isEmpty()
            ? UNKNOWN_TIER_PRIOR
            : tierPriors.getOrDefault(
                String.format(Locale.ROOT, "%02d", tierNumber.getAsInt()), UNKNOWN_TIER_PRIOR);
    return tier * reviewPriors.getOrDefault(state.label(), 1.0);
  }
}
