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
import org.metshub.search.PassageSimilarity;

/**
 * Chooses the section that answers a question, among the sections of the documents that retrieval
 * found. Retrieval ranks passages, and a passage may be the wrong part of the right page ("What it
 * is" for "how is it treated"), so every section of each retrieved document is a candidate, scored
 * by:
 *
 * <ul>
 *   <li>retrieval: the score of its document's best passage, relative to the best hit, and whether
 *       the section is that passage;
 *   <li>coverage: how many of the question's own terms the section (heading and text) uses, and
 *       whether its heading uses one;
 *   <li>intent: whether its heading fits what the question asks for ({@link IntentLexicon});
 *   <li>entities: a question naming a cancer or a site is answered from pages about it, never from
 *       another cancer's page;
 *   <li>audience and population: patient pages before professional ones; adult pages before
 *       childhood, pregnancy or inherited-syndrome pages unless the question asks about them;
 *   <li>asked: how close the question comes to one of the questions the section's curators say it
 *       answers ({@link org.metshub.kb.SectionQuestions}), or to its heading when the heading is a
 *       question ({@link Asked});
 *   <li>a subject typed alone ({@link #bareTopic}) is best answered by a section that says what it
 *       is ("topicDefinition");
 *   <li>asked, in meaning: the best cosine of the question's vector with those of the section's
 *       questions, or with its text when it has none ("askedMeaning"): "is there a cure" comes
 *       close to "can it be cured" without a word in common;
 *   <li>whether one of the section's questions asks for what the question asks for (its intent,
 *       "askedIntent").
 * </ul>
 *
 * <p>The score is a weighted sum of these features. The weights are learned from the development
 * split of the labelled eval ({@code eval/answer-sections-dev.yaml}) by {@code metshub
 * train-sections}, which writes {@code answer/section-weights.yaml} ({@link SectionTraining}).
 * Thread-safe.
 */
final class SectionChoice {
  /**
   * Below this cosine, a question and a text of this model's have nothing in common that matters:
   * the cosines of bge-small-en-v1.5 between unrelated health texts sit around 0.5–0.6, and those
   * of a paraphrase 0.85 or more.
   */
  static final double UNRELATED_COSINE = 0.6;

  /**
   * A cosine spread over 0–1 from {@link #UNRELATED_COSINE} up, so that a linear model can weigh
   * the narrow band where this model's cosines fall (0.6 → 0, 0.8 → 0.5, 1 → 1).
   */
  static double spread(double cosine) {
    return Math.max(0, (cosine - UNRELATED_COSINE) / (1 - UNRELATED_COSINE));
  }

  /** Only the sections of the best few documents compete. */
  static final int DOCUMENTS = 8;

  /** The features of a candidate, in the order of {@link LinearModel}. */
  static final List<String> FEATURES =
      List.of(
          "retrieval",
          "docRank",
          "inHit",
          "coverage",
          "rareCoverage",
          "headingTerms",
          "titleFits",
          "intentFits",
          "otherIntent",
          "cancerAgrees",
          "siteAgrees",
          "entityFocus",
          "professional",
          "population",
          "opening",
          "news",
          "glossaryDefinition",
          "glossaryOther",
          "meaning",
          "asked",
          "topicDefinition",
          "askedMeaning",
          "askedIntent");

  /** What the entity features count as: a match, a clash with another cancer's page. */
  static final double ENTITY_MATCH = 1.0;

  static final double ENTITY_CLASH = -1.0;

  private static final Pattern POPULATION = WordLists.bundled().population();
  private static final Set<String> UMBRELLA = Set.of("metastatic cancer", "general");

  /**
   * A section that could answer, with the hit that brought it, its features (see {@link #FEATURES})
   * and its score under the weights; and two things the gate weighs and the ranker does not: how
   * close its own lead is in meaning ({@link #leadMeaning}) and how much of its closest curated
   * question the reader's question holds ({@link Asked#bestContained}).
   */
  record Candidate(
      Hit hit,
      String heading,
      String anchor,
      String text,
      double score,
      double coverage,
      boolean keyTermUsed,
      double[] features,
      double leadMeaning,
      double askedContained) {
    Candidate(
        Hit hit,
        String heading,
        String anchor,
        String text,
        double score,
        double coverage,
        boolean keyTermUsed) {
      this(hit, heading, anchor, text, score, coverage, keyTermUsed, new double[0], 0, 0);
    }

    /**
     * The same section with another score, everything else kept: what the gate weighs beside the
     * ranker's features too, which a copy made field by field once lost.
     */
    Candidate withScore(double newScore) {
      return new Candidate(
          hit,
          heading,
          anchor,
          text,
          newScore,
          coverage,
          keyTermUsed,
          features,
          leadMeaning,
          askedContained);
    }
  }

  /** The ranker's weights over {@link #FEATURES}. */
  static LinearModel weights(List<Double> weights, String source) {
    return new LinearModel(FEATURES, weights, Double.NaN, source);
  }

  private static final class Bundled {
    static final LinearModel WEIGHTS = LinearModel.bundled("answer/section-weights.yaml", FEATURES);
  }

  /** The weights shipped in the jar, learned by {@code metshub train-sections}. */
  static LinearModel bundledWeights() {
    return Bundled.WEIGHTS;
  }

  private final IntentLexicon lexicon;
  private final LinearModel weights;
  private final java.util.function.Function<String, List<String>> cancersNamed;
  private final java.util.function.Function<String, String> entityWords;

  SectionChoice(IntentLexicon lexicon, LinearModel weights) {
    this(lexicon, weights, title -> List.of(), id -> "");
  }

  /**
   * @param cancersNamed the cancer types a page title names: a page is about the cancers it is
   *     tagged with and those its title names, so "Melanoma Treatment" is about melanoma even where
   *     its source filed it under skin cancer
   * @param entityWords the words that name a cancer type or site, by id: a question that names it
   *     in some of them ("colon") is answered by a page about it that uses others ("colorectal")
   */
  SectionChoice(
      IntentLexicon lexicon,
      LinearModel weights,
      java.util.function.Function<String, List<String>> cancersNamed,
      java.util.function.Function<String, String> entityWords) {
    this.lexicon = lexicon;
    this.weights = weights;
    this.cancersNamed = cancersNamed;
    this.entityWords = entityWords;
  }

  /** The analysed words that name any of the given cancer types or sites. */
  private Set<String> namingTerms(
      List<String> ids, java.util.function.Function<String, Set<String>> terms) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    StringBuilder words = new StringBuilder();
    for (String id : ids) {
      words.append(entityWords.apply(id)).append('\n');
    }
    return terms.apply(words.toString());
  }

  /** The cancer types a page is about: those it is tagged with, and those its title names. */
  List<String> pageCancers(Hit h) {
    List<String> named = cancersNamed.apply(h.title());
    if (named.isEmpty() || h.meta().cancerTypes().containsAll(named)) {
      return h.meta().cancerTypes();
    }
    List<String> out = new ArrayList<>(h.meta().cancerTypes());
    named.stream().filter(c -> !out.contains(c)).forEach(out::add);
    return List.copyOf(out);
  }

  /** The candidates, best first. */
  List<Candidate> rank(
      QuestionAnalysis qa,
      List<Hit> hits,
      Documents docs,
      java.util.function.Function<String, Set<String>> terms) {
    return rank(qa, hits, docs, terms, t -> 1.0, q -> Set.of(), ids -> List.of());
  }

  /**
   * The candidates, best first.
   *
   * @param rarity how telling a question term is (1 for the rarest, less for common ones)
   * @param genericOf the terms of a text that say nothing about what is asked ("cancer", "what"),
   *     for the reader's question and for each curated question, each read on its own: "cáncer de
   *     mama" keeps the breast even when the reader's question says nothing of it
   * @param meaning how close the question is in meaning to each passage of some documents
   */
  List<Candidate> rank(
      QuestionAnalysis qa,
      List<Hit> hits,
      Documents docs,
      java.util.function.Function<String, Set<String>> terms,
      java.util.function.ToDoubleFunction<String> rarity,
      java.util.function.Function<String, Set<String>> genericOf,
      java.util.function.Function<java.util.Collection<String>, List<PassageSimilarity>> meaning) {
    Set<String> generic = genericOf.apply(qa.asked());
    Map<String, Double> weightOf = new LinkedHashMap<>();
    qa.wanted().forEach(t -> weightOf.put(t, rarity.applyAsDouble(t)));
    double weightSum = weightOf.values().stream().mapToDouble(Double::doubleValue).sum();
    double top = hits.stream().mapToDouble(Hit::score).max().orElse(1);
    Map<String, Hit> bestHitOfDoc = new LinkedHashMap<>();
    for (Hit h : hits) {
      if (bestHitOfDoc.size() < DOCUMENTS || bestHitOfDoc.containsKey(h.docId())) {
        bestHitOfDoc.merge(h.docId(), h, (a, b) -> a.score() >= b.score() ? a : b);
      }
    }
    boolean layAvailable = hits.stream().anyMatch(h -> !professional(h));
    // The question's words that name its cancer or site, and all the words that name them: on
    // a page about that cancer or site, they count as spoken about and as the title's.
    Set<String> cancerWords = namingTerms(qa.cancerTypes(), terms);
    Set<String> siteWords = namingTerms(qa.sites(), terms);
    Asked asked = new Asked(qa.wanted(), weightOf, weightSum, terms, rarity, genericOf);
    boolean bare = bareTopic(qa);
    Map<String, List<PassageSimilarity>> closeness = new LinkedHashMap<>();
    for (PassageSimilarity p : meaning.apply(bestHitOfDoc.keySet())) {
      closeness.computeIfAbsent(p.docId(), k -> new ArrayList<>()).add(p);
    }
    List<Candidate> out = new ArrayList<>();
    int docRank = 0;
    for (Hit h : bestHitOfDoc.values()) {
      docRank++;
      // Relative score, sharpened: the search's own order should mostly stand.
      double retrieval = top > 0 ? Math.pow(h.score() / top, 3) : 0;
      Set<String> titleTerms = new java.util.HashSet<>(terms.apply(h.title()));
      titleTerms.removeAll(generic);
      Set<String> naming = new java.util.HashSet<>();
      if (cancers(qa.cancerTypes(), pageCancers(h)) > 0) {
        naming.addAll(cancerWords);
      }
      if (entity(qa.sites(), h.meta().sites()) > 0) {
        naming.addAll(siteWords);
      }
      boolean namesIt = qa.wanted().stream().anyMatch(naming::contains);
      double titleFits =
          titleTerms.isEmpty()
              ? 0
              : (double)
                      titleTerms.stream()
                          .filter(t -> mentions(qa.wanted(), t) || namesIt && naming.contains(t))
                          .count()
                  / titleTerms.size();
      Context page =
          new Context(
              retrieval,
              1.0 / docRank,
              titleFits,
              layAvailable,
              weightOf,
              weightSum,
              closeness.getOrDefault(h.docId(), List.of()),
              naming,
              asked,
              bare);
      Optional<KbDocument> doc = docs.get(h.docId());
      List<Section> sections = doc.map(KbDocument::sections).orElse(List.of());
      if (sections.isEmpty()) {
        String heading =
            h.heading().contains("›")
                ? h.heading().substring(h.heading().lastIndexOf('›') + 1).strip()
                : h.heading();
        out.add(
            score(
                qa,
                h,
                heading,
                List.of(),
                Section.slug(heading),
                h.text(),
                page,
                true,
                true,
                heading.endsWith("?") ? List.of(heading) : List.of(),
                terms,
                page.closeness().stream().filter(p -> p.heading().equals(h.heading())).toList()));
        continue;
      }
      boolean first = true;
      // A section shorter than Passages.MIN_WORDS is indexed inside the passage of the section
      // before it (merged forward, under that section's heading), so it has no passage of its own:
      // its closeness in meaning is that passage's, not none.
      List<PassageSimilarity> before = List.of();
      for (Section s : sections) {
        if (s.text().isBlank() || isSources(s)) {
          continue;
        }
        List<PassageSimilarity> own = page.passagesOf(s.title());
        if (own.isEmpty()) {
          own = before;
        } else {
          before = own;
        }
        boolean opening = first;
        first = false;
        String heading = s.title().isEmpty() ? h.title() : s.title();
        boolean inHit =
            h.text().contains(firstWords(s.text()))
                || h.heading().endsWith(s.title()) && !s.title().isEmpty();
        List<String> path = s.headingPath();
        List<String> above = path.size() > 1 ? path.subList(0, path.size() - 1) : List.of();
        out.add(
            score(
                qa,
                h,
                heading,
                above,
                s.title().isEmpty() ? "" : s.anchor(),
                s.text(),
                page,
                inHit,
                opening,
                questionsOf(s),
                terms,
                own));
      }
    }
    out.sort(Comparator.comparingDouble(Candidate::score).reversed());
    return out;
  }

  /**
   * The order the answer path weighs candidates in: the ranker's, then {@link #definitionFirst},
   * then {@link #namedCancerFirst}. The one place both the answer path and training put them in
   * that order, so that the gate is trained on the section it will be asked about.
   */
  static List<Candidate> inAnswerOrder(
      QuestionAnalysis qa, boolean followUp, List<Candidate> ranked) {
    return namedCancerFirst(qa, definitionFirst(qa, followUp, ranked));
  }

  /**
   * A subject typed alone asks what it is: when the best page has a section that says so, it comes
   * first, in the place (and with the score) of the page's best section ("brain mets" is answered
   * by "What brain metastases are", not by "Symptoms"). Other pages keep their places. Only when
   * the words typed are the page's subject (some fit its title), and not for a follow-up, whose few
   * words ask about the conversation's subject ("what about the liver?"), nor for a news item,
   * whose sections say what was found rather than what something is.
   */
  static List<Candidate> definitionFirst(
      QuestionAnalysis qa, boolean followUp, List<Candidate> ranked) {
    if (followUp
        || !bareTopic(qa)
        || ASKS.matcher(qa.asked()).find()
        || ranked.isEmpty()
        || "news".equals(ranked.getFirst().hit().meta().docType())) {
      return ranked;
    }
    int definition = FEATURES.indexOf("topicDefinition");
    Candidate best = ranked.getFirst();
    int titleFits = FEATURES.indexOf("titleFits");
    if (best.features().length <= titleFits || best.features()[titleFits] <= 0) {
      return ranked; // the words typed are not the page's subject ("any tips")
    }
    java.util.function.Predicate<Candidate> says =
        k -> k.features().length > definition && k.features()[definition] > 0;
    if (says.test(best)) {
      return ranked;
    }
    for (int i = 1; i < ranked.size(); i++) {
      Candidate k = ranked.get(i);
      if (k.hit().docId().equals(best.hit().docId()) && says.test(k)) {
        return promoted(ranked, i);
      }
    }
    return ranked;
  }

  /**
   * How close, in ranker score, a section on a page about the cancer a question names must come to
   * a general page's to take its place (the ranker's scores of a question's best sections lie about
   * 15 to 22 apart from each other by a few points).
   */
  static final double NAMED_CANCER_MARGIN = 1.0;

  /**
   * A question that names its cancer is answered from that cancer's page before a general one: "how
   * is metastatic lung cancer treated" by the lung cancer page's "Main treatments", not by "How it
   * is treated" of the page on cancer that spreads to the lungs. When the first section is on a
   * page about none of the cancers the question names, the best section that fits the question's
   * intent on a page about one of them comes first, in the first's place and with its score, if it
   * scored within {@link #NAMED_CANCER_MARGIN}. A general page further ahead keeps its place: "why
   * is it still called breast cancer if it's in her lungs" is answered from the page on how cancer
   * spreads. (On the dev split it moves one question, to its gold section.)
   */
  static List<Candidate> namedCancerFirst(QuestionAnalysis qa, List<Candidate> ranked) {
    int agrees = FEATURES.indexOf("cancerAgrees");
    int fits = FEATURES.indexOf("intentFits");
    if (qa.cancerTypes().isEmpty()
        || ranked.isEmpty()
        || ranked.getFirst().features().length <= Math.max(agrees, fits)
        || ranked.getFirst().features()[agrees] != 0) {
      return ranked;
    }
    Candidate best = ranked.getFirst();
    for (int i = 1; i < ranked.size(); i++) {
      Candidate k = ranked.get(i);
      if (best.score() - k.score() > NAMED_CANCER_MARGIN) {
        break;
      }
      if (k.features()[agrees] > 0 && k.features()[fits] > 0) {
        return promoted(ranked, i);
      }
    }
    return ranked;
  }

  /** The candidates with the {@code i}th moved first, in the first's place and with its score. */
  private static List<Candidate> promoted(List<Candidate> ranked, int i) {
    Candidate k = ranked.get(i);
    List<Candidate> out = new ArrayList<>(ranked);
    out.remove(i);
    out.addFirst(k.withScore(ranked.getFirst().score()));
    return out;
  }

  /** Words that make a few words a question rather than a subject ("is ca 19-9 one"). */
  private static final Pattern ASKS =
      Pattern.compile(
          "(?iu)^\\W*(is|are|does|do|can|could|should|will|what|how|why|when|where|who|which"
              + "|es|son|qu[eé]|c[oó]mo|cu[aá]l|cu[aá]ndo|d[oó]nde|por\\s+qu[eé]|puede|hay)\\b"
              + "|\\?");

  /** What the candidates of one page share. */
  private record Context(
      double retrieval,
      double docRank,
      double titleFits,
      boolean layAvailable,
      Map<String, Double> weightOf,
      double weightSum,
      List<PassageSimilarity> closeness,
      Set<String> naming,
      Asked asked,
      boolean bareTopic) {
    /** The similarities of the passages of one section (the page's opening for no title). */
    List<PassageSimilarity> passagesOf(String sectionTitle) {
      return closeness.stream()
          .filter(
              p ->
                  sectionTitle.isEmpty()
                      ? !p.heading().contains("›")
                      : p.heading().endsWith(sectionTitle))
          .toList();
    }
  }

  /** The best cosine of a section's passages, 0 when none has a vector. */
  static double meaning(List<PassageSimilarity> passages) {
    return passages.stream().mapToDouble(PassageSimilarity::similarity).max().orElse(0);
  }

  /**
   * The best cosine of the question with the questions a section answers, {@link #spread}; for a
   * section with none, its best passage cosine ({@link #meaning}), so that pages nobody wrote
   * questions for are weighed by what they say rather than counted out.
   */
  static double askedMeaning(List<PassageSimilarity> passages) {
    return spread(bestOrMeaning(passages, PassageSimilarity::asked));
  }

  /** The best of one cosine over the passages where it is known, else their {@link #meaning}. */
  private static double bestOrMeaning(
      List<PassageSimilarity> passages,
      java.util.function.ToDoubleFunction<PassageSimilarity> cosine) {
    double best =
        passages.stream()
            .mapToDouble(cosine)
            .filter(a -> !Double.isNaN(a))
            .max()
            .orElse(Double.NaN);
    return Double.isNaN(best) ? meaning(passages) : best;
  }

  /**
   * The best cosine of the question with the section's own lead (its title, heading, curated
   * questions and first sentences: {@code Passage#leadText}), {@link #spread}; for a section whose
   * lead the index does not hold, its best passage cosine ({@link #meaning}). Unlike the passage
   * cosine, two short sections indexed in one passage each have their own. The gate weighs it; the
   * ranker does not (trained with it, it ranked "what is metastatic cancer" onto the breast cancer
   * page).
   */
  static double leadMeaning(List<PassageSimilarity> passages) {
    return spread(bestOrMeaning(passages, PassageSimilarity::lead));
  }

  private Candidate score(
      QuestionAnalysis qa,
      Hit h,
      String heading,
      List<String> above,
      String anchor,
      String text,
      Context page,
      boolean inHit,
      boolean opening,
      List<String> questions,
      java.util.function.Function<String, Set<String>> terms,
      List<PassageSimilarity> closeness) {
    // The page's title and what it is about count: "Main treatments" of the pancreatic page
    // speaks about the pancreas.
    Set<String> said =
        terms.apply(
            h.title()
                + "\n"
                + heading
                + "\n"
                + text
                + "\n"
                + String.join(" ", h.meta().cancerTypes())
                + " "
                + String.join(" ", h.meta().sites()));
    Set<String> head = terms.apply(heading);
    // The question's terms the section speaks about, found once for both coverages (the
    // weights are over the same terms).
    Set<String> spoken = new java.util.HashSet<>();
    for (String t : qa.wanted()) {
      if (page.naming().contains(t) || mentions(said, t)) {
        spoken.add(t);
      }
    }
    double coverage = qa.wanted().isEmpty() ? 0 : (double) spoken.size() / qa.wanted().size();
    double rareCoverage =
        page.weightSum() <= 0
            ? 0
            : page.weightOf().entrySet().stream()
                    .filter(e -> spoken.contains(e.getKey()))
                    .mapToDouble(Map.Entry::getValue)
                    .sum()
                / page.weightSum();
    boolean keyUsed =
        qa.keyTerms().isEmpty()
            || qa.keyTerms().stream().anyMatch(t -> page.naming().contains(t) || mentions(said, t));
    List<String> cancers = pageCancers(h);
    double cancer = cancers(qa.cancerTypes(), cancers);
    double site = entity(qa.sites(), h.meta().sites());
    long specific =
        java.util.stream.Stream.concat(cancers.stream(), h.meta().sites().stream())
            .filter(p -> !UMBRELLA.contains(p))
            .count();
    boolean glossary = "glossary".equals(h.meta().docType());
    boolean definition = qa.intent() == Intent.DEFINITION;
    // A heading that says nothing of what it answers ("Stage IV and recurrent colon cancer")
    // takes what the nearest heading above it says ("Treatment of ...").
    List<Intent> says = lexicon.fittingIntents(heading);
    for (int i = above.size() - 1; i >= 0 && says.isEmpty(); i--) {
      says = lexicon.fittingIntents(above.get(i));
    }
    boolean fits = qa.intent() != Intent.GENERAL && says.contains(qa.intent());
    boolean other = qa.intent() != Intent.GENERAL && !fits && !says.isEmpty();
    double[] f = {
      page.retrieval(),
      page.docRank(),
      inHit ? 1 : 0,
      coverage,
      rareCoverage,
      qa.wanted().stream().anyMatch(t -> mentions(head, t)) ? 1 : 0,
      page.titleFits(),
      fits ? 1 : 0,
      other ? 1 : 0,
      cancer,
      site,
      // A page about just what was asked beats a page that names it among many.
      cancer > 0 || site > 0 ? 1.0 / Math.max(1, specific) : 0,
      professional(h) && page.layAvailable() ? 1 : 0,
      POPULATION.matcher(h.title() + " " + heading).find() && !POPULATION.matcher(qa.asked()).find()
          ? 1
          : 0,
      opening ? 1 : 0,
      "news".equals(h.meta().docType()) ? 1 : 0,
      glossary && definition ? 1 : 0,
      glossary && !definition ? 1 : 0,
      meaning(closeness),
      page.asked().best(questions),
      // A subject typed alone ("quimioterapia", "bone mets") asks what it is.
      page.bareTopic() && (says.contains(Intent.DEFINITION) || SAYS_WHAT.matcher(heading).find())
          ? 1
          : 0,
      askedMeaning(closeness),
      // Curators' questions say what a section answers more plainly than its heading does:
      // "what causes memory problems…" under "What can cause memory and thinking changes".
      qa.intent() != Intent.GENERAL
              && questions.stream().anyMatch(q -> lexicon.ofCurated(q) == qa.intent())
          ? 1
          : 0
    };
    return new Candidate(
        h,
        heading,
        anchor,
        text,
        weights.score(f),
        coverage,
        keyUsed,
        f,
        leadMeaning(closeness),
        page.asked().bestContained(questions));
  }

  /**
   * An English heading that says what its subject is in the words of the subject between "what" and
   * "is" ("What bone metastases are", "What “chemo brain” is"), which the intent lexicon's phrases
   * ("what it is") do not catch; Spanish puts them together ("Qué es…"), which it does.
   */
  private static final Pattern SAYS_WHAT =
      Pattern.compile("(?i)^\\s*what\\b.*\\b(is|are|means)\\W*$");

  /** The most words a question can have and still be a subject typed alone. */
  static final int BARE_TOPIC_WORDS = 4;

  /**
   * A subject typed alone: a question of at most {@link #BARE_TOPIC_WORDS} words that asks for
   * nothing in particular ("chemo brain", "metástasis en el hígado").
   */
  static boolean bareTopic(QuestionAnalysis qa) {
    return qa.intent() == Intent.GENERAL
        && !qa.asked().isBlank()
        && qa.asked().strip().split("\\s+").length <= BARE_TOPIC_WORDS;
  }

  /**
   * The questions a section answers: those its curators wrote, and its heading when the heading is
   * itself a question ("What are the symptoms of bone metastases?", as many NCI pages have it).
   */
  static List<String> questionsOf(Section s) {
    if (!s.title().endsWith("?")) {
      return s.questions();
    }
    List<String> out = new ArrayList<>(s.questions());
    out.add(s.title());
    return out;
  }

  /**
   * How close a reader's question comes to the questions a section answers: for each of them, the
   * F1 of the terms the two share, each term weighed by its rarity in the KB (so "liver" counts for
   * more than "treat"), and the best over them; 0 when the section has none. Word forms match as in
   * {@link #mentions}, and generic words ("cancer", "what") count on neither side unless the
   * reader's question is made only of them ("what does metastatic mean"). Holds the rarity of the
   * terms it has weighed, for one question.
   */
  static final class Asked {
    private final Set<String> wanted;
    private final Map<String, Double> weightOf;
    private final double weightSum;
    private final java.util.function.Function<String, Set<String>> terms;
    private final java.util.function.ToDoubleFunction<String> rarity;
    private final java.util.function.Function<String, Set<String>> genericOf;
    private final Map<String, Double> seen = new java.util.HashMap<>();

    /**
     * Each curated question's shares, found once: {@link #best} and {@link #bestContained} read
     * both.
     */
    private final Map<String, double[]> sharesOf = new java.util.HashMap<>();

    /**
     * Weighs the reader's question ({@code wanted}, its terms' rarity in {@code weightOf}) against
     * curated questions.
     *
     * @param genericOf the generic terms of a curated question, read from its own words, not the
     *     reader's
     */
    Asked(
        Set<String> wanted,
        Map<String, Double> weightOf,
        double weightSum,
        java.util.function.Function<String, Set<String>> terms,
        java.util.function.ToDoubleFunction<String> rarity,
        java.util.function.Function<String, Set<String>> genericOf) {
      this.wanted = wanted;
      this.weightOf = weightOf;
      this.weightSum = weightSum;
      this.terms = terms;
      this.rarity = rarity;
      this.genericOf = genericOf;
    }

    /** The best match among the questions (0–1). */
    double best(List<String> questions) {
      double best = 0;
      for (String q : questions) {
        best = Math.max(best, match(q));
      }
      return best;
    }

    /** The best share of a curated question's own terms that the reader's question holds. */
    double bestContained(List<String> questions) {
      double best = 0;
      for (String q : questions) {
        best = Math.max(best, shares(q)[1]);
      }
      return best;
    }

    /** The weighted F1 of the terms the reader's question and one curated question share. */
    double match(String question) {
      double[] rp = shares(question);
      return rp[0] + rp[1] == 0 ? 0 : 2 * rp[0] * rp[1] / (rp[0] + rp[1]);
    }

    /**
     * The weighted recall (of the reader's terms) and precision (of the curated question's terms)
     * of the terms the two share.
     */
    private double[] shares(String question) {
      return sharesOf.computeIfAbsent(question, this::weighShares);
    }

    private double[] weighShares(String question) {
      if (weightSum <= 0) {
        return new double[2];
      }
      Set<String> its = new java.util.HashSet<>(terms.apply(question));
      // Generic words count only where the reader's question is made of nothing else. Which
      // words are generic is read from the curated question itself: its "cáncer de mama" is the
      // breast even when the reader's "qué es el cáncer metastásico" names no cancer.
      Set<String> generic = genericOf.apply(question);
      its.removeIf(t -> generic.contains(t) && !wanted.contains(t));
      if (its.isEmpty()) {
        return new double[2];
      }
      double shared = 0;
      for (Map.Entry<String, Double> e : weightOf.entrySet()) {
        if (mentions(its, e.getKey())) {
          shared += e.getValue();
        }
      }
      double itsSum = 0;
      double itsShared = 0;
      for (String t : its) {
        double w = seen.computeIfAbsent(t, rarity::applyAsDouble);
        itsSum += w;
        if (mentions(wanted, t)) {
          itsShared += w;
        }
      }
      return new double[] {shared / weightSum, itsShared / itsSum};
    }
  }

  /**
   * How many of the question's terms a sentence's terms speak about, each in any form of its word
   * ({@link #mentions}): the relevance that marks an excerpt's sentences, by the same rule as a
   * section's coverage, so that "how is it treated" marks the sentence that says "treatment" and
   * "cómo se trata" the one that says "tratamiento".
   */
  static int mentioned(Set<String> sentence, Set<String> wanted) {
    int n = 0;
    for (String t : wanted) {
      if (mentions(sentence, t)) {
        n++;
      }
    }
    return n;
  }

  /**
   * Whether a text's terms speak about a term: the term itself, or another form of the same word
   * that the light stemmer (KStem, Spanish light) left apart. Two forms match when one is the start
   * of the other ("treat" of "treated" and "treatment" of "treatments"), the shorter having at
   * least {@link #STEM_MIN} letters and the longer adding at most {@link #SUFFIX_MAX}; or when they
   * share a start of at least {@link #SHARED_MIN} letters that leaves at most two letters of the
   * shorter ("radiate" and "radiation", "peritoneal" and "peritoneum"). So "care" never matches
   * "career", "breast" never matches "breath", and "general" never matches "generic".
   */
  static boolean mentions(Set<String> terms, String term) {
    if (terms.contains(term)) {
      return true;
    }
    if (term.length() < VERB_STEM_MIN) {
      return false;
    }
    for (String t : terms) {
      if (sameWord(t, term)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameWord(String a, String b) {
    String shorter = a.length() <= b.length() ? a : b;
    String longer = shorter == a ? b : a;
    if (spanishVerbAndNoun(shorter, longer)) {
      return true;
    }
    if (shorter.length() < STEM_MIN || longer.length() - shorter.length() > SUFFIX_MAX) {
      return false;
    }
    int shared = 0;
    while (shared < shorter.length() && shorter.charAt(shared) == longer.charAt(shared)) {
      shared++;
    }
    return shared == shorter.length()
        || shared >= SHARED_MIN
            && shorter.length() - shared <= 2
            && longer.length() - shared <= SUFFIX_MAX;
  }

  /**
   * A Spanish verb form and the noun made of its stem ("trata" or "tratan" and "tratamient" of
   * "tratamientos", "cura" and "curacion"), which the Spanish light stemmer leaves apart: they
   * share a stem of at least {@link #VERB_STEM_MIN} letters, after which the verb has one of {@link
   * #VERB_ENDINGS} and the noun one of {@link #NOUN_SUFFIXES}.
   */
  private static boolean spanishVerbAndNoun(String verb, String noun) {
    for (String suffix : NOUN_SUFFIXES) {
      int stem = noun.length() - suffix.length();
      if (stem >= VERB_STEM_MIN
          && noun.endsWith(suffix)
          && verb.length() >= stem
          && verb.regionMatches(0, noun, 0, stem)) {
        return VERB_ENDINGS.contains(verb.substring(stem));
      }
    }
    return false;
  }

  /** The fewest letters a stem needs to match a longer form of its word. */
  static final int STEM_MIN = 5;

  /**
   * Endings that make a Spanish noun of a verb's stem, as the Spanish light stemmer leaves them
   * ("tratamient" of "tratamientos", "operacion").
   */
  static final Set<String> NOUN_SUFFIXES = Set.of("amient", "imient", "acion", "icion");

  /** Endings of a Spanish verb's present, infinitive and participle, after its stem. */
  static final Set<String> VERB_ENDINGS =
      Set.of(
          "", "a", "an", "as", "ar", "o", "e", "en", "es", "er", "ir", "ado", "ada", "ados", "adas",
          "ido", "ida", "ando", "iendo");

  /** The fewest letters a verb's stem needs to match its noun. */
  static final int VERB_STEM_MIN = 3;

  /** The most letters a longer form may add to what it shares with the shorter. */
  static final int SUFFIX_MAX = 4;

  /** The fewest letters two forms that differ in their endings must share. */
  static final int SHARED_MIN = 6;

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

  /**
   * The fewest cancer types a page names for it to be a general page that names them as examples
   * ("which metastatic cancers can sometimes be cured": testicular, colorectal, lymphoma…), not
   * another cancer's page.
   */
  static final int GENERAL_PAGE_CANCERS = 3;

  /**
   * Agreement between the cancer types a question names and those of a page, as {@link #entity},
   * except that a page naming {@link #GENERAL_PAGE_CANCERS} or more is a general page: it never
   * clashes.
   */
  static double cancers(List<String> asked, List<String> page) {
    double e = entity(asked, page);
    long specific = page.stream().filter(p -> !UMBRELLA.contains(p)).count();
    return e < 0 && specific >= GENERAL_PAGE_CANCERS ? 0 : e;
  }

  static boolean professional(Hit h) {
    return "clinician".equals(h.meta().audience()) || "researcher".equals(h.meta().audience());
  }

  private static boolean isSources(Section s) {
    String t = s.title().toLowerCase(Locale.ROOT).strip();
    return WordLists.bundled().sourcesHeadings().contains(t);
  }

  private static String firstWords(String text) {
    String t = text.strip();
    int cut = Math.min(t.length(), 60);
    int nl = t.indexOf('\n');
    return t.substring(0, nl > 0 && nl < cut ? nl : cut);
  }
}
