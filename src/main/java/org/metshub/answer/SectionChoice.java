package org.metshub.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.metshub.kb.KbDocument;
import org.metshub.kb.Section;
import org.metshub.search.Hit;

/**
 * Chooses the section that answers a question, among the sections of the documents that
 * retrieval found. Retrieval ranks passages, and a passage may be the wrong part of the right
 * page ("What it is" for "how is it treated"), so every section of each retrieved document is a
 * candidate, scored by:
 *
 * <ul>
 *   <li>retrieval: the score of its document's best passage, relative to the best hit, and
 *       whether the section is that passage;
 *   <li>coverage: how many of the question's own terms the section (heading and text) uses, and
 *       whether its heading uses one;
 *   <li>intent: whether its heading fits what the question asks for ({@link IntentLexicon});
 *   <li>entities: a question naming a cancer or a site is answered from pages about it, never
 *       from another cancer's page;
 *   <li>audience and population: patient pages before professional ones; adult pages before
 *       childhood, pregnancy or inherited-syndrome pages unless the question asks about them.
 * </ul>
 *
 * <p>The score is a weighted sum of these features. The weights are learned from the
 * development split of the labelled eval ({@code eval/answer-sections-dev.yaml}) by
 * {@code metshub train-sections}, which writes {@code answer/section-weights.yaml}
 * ({@link SectionTraining}). Thread-safe.
 */
final class SectionChoice {
  /** Only the sections of the best few documents compete. */
  static final int DOCUMENTS = 5;

  /** The features of a candidate, in the order of {@link SectionWeights}. */
  static final List<String> FEATURES = List.of("retrieval", "inHit", "coverage",
      "headingTerms", "intentFits", "otherIntent", "cancerAgrees", "siteAgrees",
      "professional", "population", "opening");

  /** What the entity features count as: a match, a clash with another cancer's page. */
  static final double ENTITY_MATCH = 1.0;
  static final double ENTITY_CLASH = -1.0;

  private static final Pattern POPULATION = Pattern.compile(
      "(?iu)\\b(child|children|childhood|kids|pediatric|paediatric|adolescent|teen|pregnan\\w*|"
          + "inherited|hereditary|syndrome|ni[nñ]os|infantil|pedi[aá]tric\\w*|embaraz\\w*|"
          + "hereditari\\w*|s[ií]ndrome)\\b");
  private static final Set<String> UMBRELLA = Set.of("metastatic cancer", "general");

  /**
   * A section that could answer, with the hit that brought it, its features (see
   * {@link #FEATURES}) and its score under the weights.
   */
  record Candidate(Hit hit, String heading, String anchor, String text, double score,
      double coverage, boolean keyTermUsed, double[] features) {
    Candidate(Hit hit, String heading, String anchor, String text, double score,
        double coverage, boolean keyTermUsed) {
      this(hit, heading, anchor, text, score, coverage, keyTermUsed, new double[0]);
    }
  }

  private final IntentLexicon lexicon;
  private final SectionWeights weights;

  SectionChoice(IntentLexicon lexicon, SectionWeights weights) {
    this.lexicon = lexicon;
    this.weights = weights;
  }

  /** The candidates, best first. */
  List<Candidate> rank(QuestionAnalysis qa, List<Hit> hits, Documents docs,
      java.util.function.Function<String, Set<String>> terms) {
    double top = hits.stream().mapToDouble(Hit::score).max().orElse(1);
    Map<String, Hit> bestHitOfDoc = new LinkedHashMap<>();
    for (Hit h : hits) {
      if (bestHitOfDoc.size() < DOCUMENTS || bestHitOfDoc.containsKey(h.docId())) {
        bestHitOfDoc.merge(h.docId(), h, (a, b) -> a.score() >= b.score() ? a : b);
      }
    }
    boolean layAvailable = hits.stream().anyMatch(h -> !professional(h));
    List<Candidate> out = new ArrayList<>();
    for (Hit h : bestHitOfDoc.values()) {
      // Relative score, sharpened: the search's own order should mostly stand.
      double retrieval = top > 0 ? Math.pow(h.score() / top, 3) : 0;
      Optional<KbDocument> doc = docs.get(h.docId());
      List<Section> sections = doc.map(KbDocument::sections).orElse(List.of());
      if (sections.isEmpty()) {
        String heading = h.heading().contains("›")
            ? h.heading().substring(h.heading().lastIndexOf('›') + 1).strip() : h.heading();
        out.add(score(qa, h, heading, Section.slug(heading), h.text(), retrieval, true,
            layAvailable, true, terms));
        continue;
      }
      boolean first = true;
      for (Section s : sections) {
        if (s.text().isBlank() || isSources(s)) {
          continue;
        }
        boolean opening = first;
        first = false;
        String heading = s.title().isEmpty() ? h.title() : s.title();
        boolean inHit = h.text().contains(firstWords(s.text()))
            || h.heading().endsWith(s.title()) && !s.title().isEmpty();
        out.add(score(qa, h, heading, s.title().isEmpty() ? "" : s.anchor(), s.text(),
            retrieval, inHit, layAvailable, opening, terms));
      }
    }
    out.sort(Comparator.comparingDouble(Candidate::score).reversed());
    return out;
  }

  private Candidate score(QuestionAnalysis qa, Hit h, String heading, String anchor,
      String text, double retrieval, boolean inHit, boolean layAvailable, boolean opening,
      java.util.function.Function<String, Set<String>> terms) {
    // The page's title and what it is about count: "Main treatments" of the pancreatic page
    // speaks about the pancreas.
    Set<String> said = terms.apply(h.title() + "\n" + heading + "\n" + text + "\n"
        + String.join(" ", h.cancerTypes()) + " " + String.join(" ", h.sites()));
    Set<String> head = terms.apply(heading);
    long covered = qa.wanted().stream().filter(said::contains).count();
    double coverage = qa.wanted().isEmpty() ? 0 : (double) covered / qa.wanted().size();
    boolean keyUsed = qa.keyTerms().isEmpty() || qa.keyTerms().stream().anyMatch(said::contains);
    boolean fits = qa.intent() != Intent.GENERAL && lexicon.headingFits(qa.intent(), heading);
    boolean other = qa.intent() != Intent.GENERAL && !fits
        && !lexicon.fittingIntents(heading).isEmpty();
    double[] f = {
      retrieval,
      inHit ? 1 : 0,
      coverage,
      qa.wanted().stream().anyMatch(head::contains) ? 1 : 0,
      fits ? 1 : 0,
      other ? 1 : 0,
      entity(qa.cancerTypes(), h.cancerTypes()),
      entity(qa.sites(), h.sites()),
      professional(h) && layAvailable ? 1 : 0,
      POPULATION.matcher(h.title() + " " + heading).find()
          && !POPULATION.matcher(qa.asked()).find() ? 1 : 0,
      opening ? 1 : 0
    };
    return new Candidate(h, heading, anchor, text, weights.score(f), coverage, keyUsed, f);
  }

  /** Agreement between what the question names and what the page is about. */
  static double entity(List<String> asked, List<String> page) {
    if (asked.isEmpty()) {
      return 0;
    }
    List<String> specific = page.stream().filter(p -> !UMBRELLA.contains(p)).toList();
    if (specific.stream().anyMatch(asked::contains)) {
      return ENTITY_MATCH;
    }
    return specific.isEmpty() ? 0 : ENTITY_CLASH;
  }

  static boolean professional(Hit h) {
    return "clinician".equals(h.audience()) || "researcher".equals(h.audience());
  }

  private static boolean isSources(Section s) {
    String t = s.title().toLowerCase(Locale.ROOT).strip();
    return t.equals("sources") || t.equals("fuentes") || t.equals("references")
        || t.equals("referencias") || t.equals("sources and further reading");
  }

  private static String firstWords(String text) {
    String t = text.strip();
    int cut = Math.min(t.length(), 60);
    int nl = t.indexOf('\n');
    return t.substring(0, nl > 0 && nl < cut ? nl : cut);
  }
}
