package org.metshub.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.metshub.kb.ReviewState;
import org.metshub.search.Hit;
import org.metshub.search.PassageSimilarity;
import org.metshub.search.Snippet;

/** The section ranker's features, one at a time, and its ordering under given weights. */
class SectionChoiceTest {
  static Hit hit(
      String docId,
      String title,
      String section,
      String docType,
      String audience,
      List<String> cancers,
      List<String> sites,
      double score) {
    return new Hit(
        docId + "#1",
        docId,
        title,
        title + " › " + section,
        Snippet.plain(""),
        section + " text",
        new Hit.Meta(
            "",
            "MetsHub",
            Optional.empty(),
            Optional.empty(),
            ReviewState.CURRENT,
            "owned",
            true,
            "active",
            "en",
            docType,
            audience,
            "04",
            cancers,
            sites),
        score,
        0.7);
  }

  static QuestionAnalysis question(
      Intent intent, List<String> cancers, List<String> sites, String... wanted) {
    return new QuestionAnalysis(
        String.join(" ", wanted),
        "en",
        intent,
        QuestionType.GENERAL,
        cancers,
        sites,
        Set.of(wanted),
        Set.of(),
        List.of());
  }

  static Set<String> terms(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"))
        .filter(t -> t.length() > 1)
        .collect(Collectors.toSet());
  }

  /** Weights that score by one feature only. */
  static LinearModel only(String feature) {
    List<Double> w = new ArrayList<>();
    for (String f : SectionChoice.FEATURES) {
      w.add(f.equals(feature) ? 1.0 : 0.0);
    }
    return SectionChoice.weights(w, "test");
  }

  static double feature(SectionChoice.Candidate c, String name) {
    return c.features()[SectionChoice.FEATURES.indexOf(name)];
  }

  List<SectionChoice.Candidate> rank(
      String feature, QuestionAnalysis qa, List<Hit> hits, List<PassageSimilarity> meaning) {
    return new SectionChoice(IntentLexicon.bundled(), only(feature))
        .rank(
            qa,
            hits,
            Documents.NONE,
            SectionChoiceTest::terms,
            t -> t.equals("jaundice") ? 1.0 : 0.25,
            q -> Set.of("metastases", "cancer"),
            ids -> meaning.stream().filter(p -> ids.contains(p.docId())).toList());
  }

  @Test
  void aPageWhoseTitleIsWhatWasAskedComesFirst() {
    var qa = question(Intent.SYMPTOMS, List.of(), List.of("bone"), "bone", "symptoms");
    var ranked =
        rank(
            "titleFits",
            qa,
            List.of(
                hit(
                    "mbc",
                    "Metastatic breast cancer",
                    "Where it spreads",
                    "article",
                    "patient",
                    List.of("breast"),
                    List.of("bone", "liver", "lung"),
                    1.0),
                hit(
                    "bone",
                    "Bone metastases",
                    "Symptoms",
                    "article",
                    "patient",
                    List.of(),
                    List.of("bone"),
                    0.9)),
            List.of());
    assertThat(ranked.getFirst().hit().docId()).isEqualTo("bone");
    assertThat(feature(ranked.getFirst(), "titleFits")).isEqualTo(1.0);
    assertThat(feature(ranked.get(1), "titleFits")).isEqualTo(0.0);
    // The page about bone only is more focused than the page naming bone among three sites.
    assertThat(feature(ranked.getFirst(), "entityFocus")).isEqualTo(1.0);
    assertThat(feature(ranked.get(1), "entityFocus"))
        .isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void retrievalOrderAndRankAreFeaturesOfEveryCandidate() {
    var qa = question(Intent.TREATMENT, List.of(), List.of(), "treatment");
    var ranked =
        rank(
            "retrieval",
            qa,
            List.of(
                hit("a", "A", "How it is treated", "article", "patient", List.of(), List.of(), 2.0),
                hit(
                    "b",
                    "B",
                    "How it is treated",
                    "article",
                    "patient",
                    List.of(),
                    List.of(),
                    1.0)),
            List.of());
    assertThat(ranked).extracting(c -> c.hit().docId()).containsExactly("a", "b");
    assertThat(feature(ranked.get(0), "retrieval")).isEqualTo(1.0);
    assertThat(feature(ranked.get(1), "retrieval")).isEqualTo(0.125); // (1/2)^3
    assertThat(feature(ranked.get(0), "docRank")).isEqualTo(1.0);
    assertThat(feature(ranked.get(1), "docRank")).isEqualTo(0.5);
    assertThat(feature(ranked.get(0), "intentFits")).isEqualTo(1.0);
  }

  @Test
  void rareTermsWeighMoreThanCommonOnes() {
    var qa = question(Intent.SYMPTOMS, List.of(), List.of(), "jaundice", "liver", "yellow");
    var ranked =
        rank(
            "rareCoverage",
            qa,
            List.of(
                hit("a", "A", "Liver yellow", "article", "patient", List.of(), List.of(), 1.0),
                hit("b", "B", "Jaundice", "article", "patient", List.of(), List.of(), 1.0)),
            List.of());
    assertThat(ranked.getFirst().hit().docId()).isEqualTo("b");
    // jaundice weighs 1, liver and yellow 0.25 each: 1/1.5 against 0.5/1.5.
    assertThat(feature(ranked.getFirst(), "rareCoverage"))
        .isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(feature(ranked.getFirst(), "coverage"))
        .isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void newsAndGlossaryPagesAreMarkedAndAGlossaryEntryFitsOnlyADefinition() {
    var define = question(Intent.DEFINITION, List.of(), List.of(), "biomarker");
    var treat = question(Intent.TREATMENT, List.of(), List.of(), "biomarker");
    List<Hit> hits =
        List.of(
            hit(
                "news-x",
                "A news item",
                "What the study found",
                "news",
                "patient",
                List.of(),
                List.of(),
                1.0),
            hit(
                "glossary",
                "Glossary",
                "Biomarker",
                "glossary",
                "patient",
                List.of(),
                List.of(),
                1.0));
    var d = rank("glossaryDefinition", define, hits, List.of());
    assertThat(d.getFirst().hit().docId()).isEqualTo("glossary");
    assertThat(feature(d.getFirst(), "glossaryOther")).isZero();
    var t = rank("glossaryOther", treat, hits, List.of());
    assertThat(t.getFirst().hit().docId()).isEqualTo("glossary");
    assertThat(feature(t.getFirst(), "glossaryDefinition")).isZero();
    assertThat(feature(t.get(1), "news")).isEqualTo(1.0);
    assertThat(feature(t.getFirst(), "news")).isZero();
  }

  private static final QuestionAnalysis SCAN_ANXIETY =
      question(Intent.GENERAL, List.of(), List.of(), "scan", "anxiety");

  /** Two sections of a scans page and one of another page, equally retrieved. */
  private static List<Hit> scanPages() {
    return List.of(
        hit("a", "Scans", "Coping", "article", "patient", List.of(), List.of(), 1.0),
        hit("b", "Scans", "Costs", "article", "patient", List.of(), List.of(), 1.0),
        hit("c", "Other", "Costs", "article", "patient", List.of(), List.of(), 1.0));
  }

  @Test
  void meaningComesFromThePassagesOfTheSectionAndIsZeroWithoutVectors() {
    var ranked =
        rank(
            "meaning",
            SCAN_ANXIETY,
            scanPages(),
            List.of(
                new PassageSimilarity("a", "Scans › Coping", 0.81),
                new PassageSimilarity("b", "Scans › Costs", 0.52),
                new PassageSimilarity("b", "Scans › Costs", 0.61)));
    assertThat(ranked).extracting(c -> c.hit().docId()).containsExactly("a", "b", "c");
    assertThat(feature(ranked.get(1), "meaning")).isEqualTo(0.61); // the best of its passages
    assertThat(feature(ranked.get(2), "meaning")).isZero();
  }

  @Test
  void aProfessionalPageIsMarkedOnlyWhenAPatientPageWasFound() {
    var qa = question(Intent.TREATMENT, List.of(), List.of(), "treatment");
    Hit pro = hit("pro", "Pro", "Treatment", "article", "clinician", List.of(), List.of(), 1);
    Hit lay = hit("lay", "Lay", "Treatment", "article", "patient", List.of(), List.of(), 1);
    assertThat(
            feature(
                rank("professional", qa, List.of(pro, lay), List.of()).stream()
                    .filter(c -> c.hit().docId().equals("pro"))
                    .findFirst()
                    .orElseThrow(),
                "professional"))
        .isEqualTo(1.0);
    assertThat(
            feature(rank("professional", qa, List.of(pro), List.of()).getFirst(), "professional"))
        .isZero();
  }

  @Test
  void anotherCancersPageClashesAndTheUmbrellaPageIsNeutral() {
    var qa = question(Intent.TREATMENT, List.of("colorectal"), List.of(), "treatment");
    var ranked =
        rank(
            "cancerAgrees",
            qa,
            List.of(
                hit(
                    "lung",
                    "Lung",
                    "Treatment",
                    "article",
                    "patient",
                    List.of("lung"),
                    List.of(),
                    1),
                hit(
                    "all",
                    "All",
                    "Treatment",
                    "article",
                    "patient",
                    List.of("metastatic cancer"),
                    List.of(),
                    1),
                hit(
                    "crc",
                    "Colon",
                    "Treatment",
                    "article",
                    "patient",
                    List.of("metastatic cancer", "colorectal"),
                    List.of(),
                    1)),
            List.of());
    assertThat(ranked).extracting(c -> c.hit().docId()).containsExactly("crc", "all", "lung");
    assertThat(ranked)
        .extracting(c -> feature(c, "cancerAgrees"))
        .containsExactly(SectionChoice.ENTITY_MATCH, 0.0, SectionChoice.ENTITY_CLASH);
  }

  @Test
  void aPageIsAboutTheCancersItsTitleNamesAsWellAsThoseItIsTaggedWith() {
    // A source filed its melanoma page under skin cancer; its title still says melanoma.
    var qa = question(Intent.TREATMENT, List.of("melanoma"), List.of(), "treatment");
    var choice =
        new SectionChoice(
            IntentLexicon.bundled(),
            only("cancerAgrees"),
            title ->
                title.toLowerCase(Locale.ROOT).contains("melanoma")
                    ? List.of("melanoma")
                    : List.of(),
            id -> "");
    var ranked =
        choice.rank(
            qa,
            List.of(
                hit(
                    "skin",
                    "Skin cancer treatment",
                    "Treatment",
                    "article",
                    "patient",
                    List.of("skin"),
                    List.of(),
                    1),
                hit(
                    "mel",
                    "Melanoma treatment",
                    "Treatment",
                    "article",
                    "patient",
                    List.of("skin", "lung"),
                    List.of(),
                    1)),
            Documents.NONE,
            SectionChoiceTest::terms);
    assertThat(ranked).extracting(c -> c.hit().docId()).containsExactly("mel", "skin");
    assertThat(ranked)
        .extracting(c -> feature(c, "cancerAgrees"))
        .containsExactly(SectionChoice.ENTITY_MATCH, SectionChoice.ENTITY_CLASH);
    assertThat(choice.pageCancers(ranked.getFirst().hit()))
        .containsExactly("skin", "lung", "melanoma");
    // A title naming nothing, or only what the page is tagged with, leaves its tags alone.
    assertThat(choice.pageCancers(ranked.get(1).hit())).containsExactly("skin");
  }

  @Test
  void aCancerNamedInLayWordsIsSpokenAboutByAPageAboutThatCancer() {
    // "colon" names colorectal cancer; the colorectal page never says "colon".
    var qa = question(Intent.TREATMENT, List.of("colorectal"), List.of(), "colon", "treatment");
    var choice =
        new SectionChoice(
            IntentLexicon.bundled(),
            only("coverage"),
            title -> List.of(),
            id -> id.equals("colorectal") ? "Colorectal cancer colon rectal bowel" : "");
    var ranked =
        choice.rank(
            qa,
            List.of(
                hit(
                    "crc",
                    "Colorectal cancer",
                    "Main treatment",
                    "article",
                    "patient",
                    List.of("colorectal"),
                    List.of(),
                    1),
                hit(
                    "lung",
                    "Lung cancer",
                    "Main treatment",
                    "article",
                    "patient",
                    List.of("lung"),
                    List.of(),
                    1),
                hit(
                    "all",
                    "Cancer",
                    "Main treatment",
                    "article",
                    "patient",
                    List.of("metastatic cancer"),
                    List.of(),
                    1)),
            Documents.NONE,
            SectionChoiceTest::terms);
    java.util.Map<String, SectionChoice.Candidate> byDoc =
        ranked.stream().collect(Collectors.toMap(c -> c.hit().docId(), c -> c));
    assertThat(feature(byDoc.get("crc"), "coverage")).isEqualTo(1.0);
    assertThat(feature(byDoc.get("crc"), "titleFits")).isEqualTo(1.0);
    // Pages about another cancer, or about every cancer, do not speak of colon by being so.
    assertThat(feature(byDoc.get("lung"), "coverage")).isEqualTo(0.5);
    assertThat(feature(byDoc.get("all"), "coverage")).isEqualTo(0.5);
    assertThat(feature(byDoc.get("lung"), "titleFits")).isEqualTo(0.0);
  }

  @Test
  void aHeadingThatSaysNothingOfWhatItAnswersTakesTheIntentOfTheHeadingAboveIt() {
    var doc =
        TranslationsTest.doc(
            "colon",
            "en",
            "",
            """
        ## Stages of colon cancer

        ### Stage 4 colon cancer

        The cancer has spread to the liver or the lungs.

        ## Treatment of stage 4 colon cancer

        ### Stage 4 colon cancer that can be removed

        Surgery may remove the spots in the liver.

        ### Symptoms of colon cancer

        Blood in the stool.
        """);
    var qa = question(Intent.TREATMENT, List.of("colorectal"), List.of(), "colon", "treatment");
    var ranked =
        new SectionChoice(IntentLexicon.bundled(), only("intentFits"))
            .rank(
                qa,
                List.of(
                    hit(
                        "colon",
                        "Colon cancer",
                        "Stages of colon cancer",
                        "article",
                        "patient",
                        List.of("colorectal"),
                        List.of(),
                        1)),
                id -> id.equals("colon") ? Optional.of(doc) : Optional.empty(),
                SectionChoiceTest::terms);
    java.util.Map<String, SectionChoice.Candidate> byHeading =
        ranked.stream()
            .collect(Collectors.toMap(SectionChoice.Candidate::heading, c -> c, (a, b) -> a));
    // Under "Treatment of ...", the stage heading answers a treatment question.
    assertThat(feature(byHeading.get("Stage 4 colon cancer that can be removed"), "intentFits"))
        .isEqualTo(1.0);
    // Under "Stages of ...", the same kind of heading does not.
    assertThat(feature(byHeading.get("Stage 4 colon cancer"), "intentFits")).isEqualTo(0.0);
    // A heading that says what it answers keeps its own intent, whatever is above it.
    assertThat(feature(byHeading.get("Symptoms of colon cancer"), "intentFits")).isEqualTo(0.0);
    assertThat(feature(byHeading.get("Symptoms of colon cancer"), "otherIntent")).isEqualTo(1.0);
  }

  @Test
  void aStemMentionsTheLongerFormsOfItsWordThatTheStemmerLeftApart() {
    // KStem leaves "treated" as "treat" and "treatments" as "treatment".
    assertThat(SectionChoice.mentions(Set.of("main", "treatment"), "treat")).isTrue();
    assertThat(SectionChoice.mentions(Set.of("treat"), "treatment")).isTrue();
    assertThat(SectionChoice.mentions(Set.of("peritoneum"), "peritoneal")).isTrue();
    assertThat(SectionChoice.mentions(Set.of("radiation"), "radiate")).isTrue();
    assertThat(SectionChoice.mentions(Set.of("bone"), "bone")).isTrue();
  }

  @Test
  void aSpanishVerbMentionsTheNounMadeOfItsStem() {
    // The Spanish light stemmer leaves "trata" and "tratan" whole and "tratamientos" as
    // "tratamient": "como se trata el cancer de mama" is about "Tratamientos principales".
    assertThat(SectionChoice.mentions(Set.of("principal", "tratamient"), "trata")).isTrue();
    assertThat(SectionChoice.mentions(Set.of("tratamient"), "tratan")).isTrue();
    assertThat(SectionChoice.mentions(Set.of("trata"), "tratamient")).isTrue();
    assertThat(SectionChoice.mentions(Set.of("curacion"), "cura")).isTrue();
    assertThat(SectionChoice.mentions(Set.of("operacion"), "operado")).isTrue();
    // Only those endings, after a stem of three letters or more.
    assertThat(SectionChoice.mentions(Set.of("nadador"), "nada")).isFalse();
    assertThat(SectionChoice.mentions(Set.of("tratamient"), "tr")).isFalse();
    assertThat(SectionChoice.mentions(Set.of("tratamient"), "tratos")).isFalse();
    assertThat(SectionChoice.mentions(Set.of("pelota"), "pelo")).isFalse();
  }

  @Test
  void aSentenceIsAsRelevantAsTheQuestionTermsItSpeaksAboutInAnyFormOfTheirWords() {
    // "how is lung cancer treated" (KStem: "lung", "treat") and a sentence that says "treatment".
    assertThat(
            SectionChoice.mentioned(Set.of("first", "treatment", "lung"), Set.of("lung", "treat")))
        .isEqualTo(2);
    // "como se trata" and a sentence that says "tratamiento"; "mama" is not in it.
    assertThat(SectionChoice.mentioned(Set.of("si", "tratamient", "deja"), Set.of("mama", "trata")))
        .isEqualTo(1);
    assertThat(SectionChoice.mentioned(Set.of("career"), Set.of("care"))).isZero();
    assertThat(SectionChoice.mentioned(Set.of("lung"), Set.of())).isZero();
  }

  @Test
  void shortStemsAndLongEndingsDoNotMatch() {
    // "care" is too short to stand for "career"; "immun" is not "immunotherapi".
    assertThat(SectionChoice.mentions(Set.of("career"), "care")).isFalse();
    assertThat(SectionChoice.mentions(Set.of("care"), "career")).isFalse();
    assertThat(SectionChoice.mentions(Set.of("immunotherapi"), "immun")).isFalse();
    assertThat(SectionChoice.mentions(Set.of("liver"), "live")).isFalse();
    assertThat(SectionChoice.mentions(Set.of(), "treat")).isFalse();
    // Different words that start alike.
    assertThat(SectionChoice.mentions(Set.of("breath"), "breast")).isFalse();
    assertThat(SectionChoice.mentions(Set.of("generic"), "general")).isFalse();
    assertThat(SectionChoice.mentions(Set.of("radiotherapy"), "radiate")).isFalse();
  }

  @Test
  void coverageCountsAQuestionTermThatTheSectionSaysInAnotherForm() {
    var qa = question(Intent.TREATMENT, List.of(), List.of(), "treat", "colon");
    var ranked =
        rank(
            "coverage",
            qa,
            List.of(
                hit(
                    "crc",
                    "Colon cancer",
                    "Treatment options",
                    "article",
                    "patient",
                    List.of(),
                    List.of(),
                    1.0)),
            List.of());
    assertThat(feature(ranked.getFirst(), "coverage")).isEqualTo(1.0);
  }

  /** The sections of one document that a hit brought, ranked with every term equally rare. */
  private static List<SectionChoice.Candidate> rankSections(
      SectionChoice choice, QuestionAnalysis qa, Hit h, org.metshub.kb.KbDocument doc) {
    return choice.rank(
        qa,
        List.of(h),
        id -> Optional.of(doc),
        SectionChoiceTest::terms,
        t -> 1.0,
        q -> Set.of(),
        ids -> List.of());
  }

  private static SectionChoice.Asked asked(String... wanted) {
    java.util.Map<String, Double> weights = new java.util.LinkedHashMap<>();
    for (String w : wanted) {
      weights.put(w, w.equals("jaundice") ? 1.0 : 0.25);
    }
    return new SectionChoice.Asked(
        Set.of(wanted),
        weights,
        weights.values().stream().mapToDouble(Double::doubleValue).sum(),
        SectionChoiceTest::terms,
        t -> t.equals("jaundice") ? 1.0 : 0.25,
        q -> Set.of("what", "is", "cancer", "my", "the", "of", "why"));
  }

  @Test
  void aQuestionTheCuratorsWroteMatchesByItsSharedRareTerms() {
    var a = asked("jaundice", "liver");
    // Same terms: a perfect match, whatever the generic words around them.
    assertThat(a.match("what is jaundice of the liver")).isEqualTo(1.0);
    // Shares the rare term only: recall 1/1.25, precision 1/1 (skin is common): F1 of the two.
    double recall = 1 / 1.25;
    double precision = 1.0 / 1.25;
    assertThat(a.match("why is my skin jaundice"))
        .isCloseTo(
            2 * recall * precision / (recall + precision),
            org.assertj.core.data.Offset.offset(1e-9));
    assertThat(a.match("skin turns yellow")).isZero();
    // Word forms match as mentions() has them.
    assertThat(asked("treatments").match("treatment")).isEqualTo(1.0);
    // The best of a section's questions counts; a section with none scores 0.
    assertThat(a.best(List.of("skin turns yellow", "jaundice liver"))).isEqualTo(1.0);
    assertThat(a.best(List.of())).isZero();
    // Only generic words: nothing to match.
    assertThat(a.match("what is cancer")).isZero();
    assertThat(asked().match("jaundice")).isZero();
  }

  @Test
  void aCuratedQuestionsGenericWordsAreReadFromItsOwnWords() {
    // "que es el cancer metastasico" names no cancer: every word is generic, so they are what it
    // asks, and "mama" is generic for it (the reader's mother, "mamá"). The breast page's curated
    // question says "cancer de mama", the breast: read with the reader's generic words it lost
    // "mama" and matched perfectly, and the breast page answered a question about cancer in
    // general.
    Set<String> readers = Set.of("que", "es", "el", "de", "cancer", "metastasico", "mama");
    java.util.Map<String, Double> weights =
        new java.util.LinkedHashMap<>(java.util.Map.of("cancer", 0.5, "metastasico", 0.5));
    String curated = "que es el cancer de mama metastasico";
    java.util.function.Function<
            java.util.function.Function<String, Set<String>>, SectionChoice.Asked>
        reading =
            genericOf ->
                new SectionChoice.Asked(
                    Set.of("cancer", "metastasico"),
                    weights,
                    1.0,
                    SectionChoiceTest::terms,
                    t -> 0.5,
                    genericOf);
    assertThat(reading.apply(q -> readers).match(curated)).isEqualTo(1.0);
    var ownWords =
        reading.apply(
            q ->
                q.contains("de mama")
                    ? Set.of("que", "es", "el", "de", "cancer", "metastasico")
                    : readers);
    // Recall 1, precision 2/3 ("mama" is the curated question's and not the reader's).
    assertThat(ownWords.match(curated)).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(ownWords.match("que es el cancer metastasico")).isEqualTo(1.0);
  }

  @Test
  void aHeadingThatIsAQuestionCountsAsOneTheSectionAnswers() {
    var plain =
        new org.metshub.kb.Section(List.of("Symptoms"), "Pain.", List.of(), 1)
            .withQuestions(List.of("bone pain"));
    var asking =
        new org.metshub.kb.Section(
                List.of("What are the symptoms of bone metastases?"), "Pain.", List.of(), 1)
            .withQuestions(List.of("bone pain"));
    assertThat(SectionChoice.questionsOf(plain)).containsExactly("bone pain");
    assertThat(SectionChoice.questionsOf(asking))
        .containsExactly("bone pain", "What are the symptoms of bone metastases?");
  }

  @Test
  void theSectionWhoseQuestionsMatchGetsTheAskedFeature() {
    var qa = question(Intent.GENERAL, List.of(), List.of(), "jaundice", "liver");
    org.metshub.kb.KbDocument doc =
        kbDoc(
            "liver.md",
            "questions:\n  'Symptoms':\n  - 'liver jaundice'\n",
            "# Liver\n\n## What it is\n\nThe liver.\n\n## Symptoms\n\nYellow skin.\n");
    Hit h = hit("test-doc", "Liver", "What it is", "article", "patient", List.of(), List.of(), 1);
    var ranked =
        rankSections(new SectionChoice(IntentLexicon.bundled(), only("asked")), qa, h, doc);
    assertThat(ranked.getFirst().heading()).isEqualTo("Symptoms");
    assertThat(feature(ranked.getFirst(), "asked")).isEqualTo(1.0);
    assertThat(feature(ranked.get(1), "asked")).isZero();
  }

  private static QuestionAnalysis asked(String text, Intent intent) {
    return new QuestionAnalysis(
        text,
        "en",
        intent,
        QuestionType.GENERAL,
        List.of(),
        List.of(),
        terms(text),
        Set.of(),
        List.of());
  }

  @Test
  void aSubjectTypedAloneIsAnsweredByTheSectionThatSaysWhatItIs() {
    assertThat(SectionChoice.bareTopic(asked("chemo brain", Intent.GENERAL))).isTrue();
    assertThat(SectionChoice.bareTopic(asked("metástasis en el hígado", Intent.GENERAL))).isTrue();
    assertThat(SectionChoice.bareTopic(asked("will my chemo brain ever go away", Intent.GENERAL)))
        .isFalse();
    assertThat(SectionChoice.bareTopic(asked("chemo brain treatment", Intent.TREATMENT))).isFalse();
    org.metshub.kb.KbDocument doc =
        kbDoc(
            "chemo-brain.md",
            "",
            "# Chemo brain\n\n## How long it may last\n\nMonths.\n\n"
                + "## What chemo brain is\n\nTrouble with memory.\n");
    Hit h =
        hit(
            "test-doc",
            "Chemo brain",
            "How long it may last",
            "article",
            "patient",
            List.of(),
            List.of(),
            1);
    var choice = new SectionChoice(IntentLexicon.bundled(), only("topicDefinition"));
    var bare = rankSections(choice, asked("chemo brain", Intent.GENERAL), h, doc);
    assertThat(bare.getFirst().heading()).isEqualTo("What chemo brain is");
    assertThat(feature(bare.getFirst(), "topicDefinition")).isEqualTo(1.0);
    assertThat(feature(bare.get(1), "topicDefinition")).isZero();
    var longer =
        rankSections(choice, asked("will my chemo brain ever go away", Intent.GENERAL), h, doc);
    assertThat(longer).allSatisfy(c -> assertThat(feature(c, "topicDefinition")).isZero());
  }

  @Test
  void aPageThatNamesManyCancersAsExamplesIsAGeneralPageNotAnotherCancersPage() {
    List<String> cure =
        List.of(
            "metastatic cancer",
            "testicular",
            "colorectal",
            "lymphoma",
            "gestational trophoblastic");
    assertThat(SectionChoice.cancers(List.of("breast"), cure)).isZero();
    assertThat(SectionChoice.cancers(List.of("colorectal"), cure))
        .isEqualTo(SectionChoice.ENTITY_MATCH);
    // Two other cancers are still other cancers' pages.
    assertThat(SectionChoice.cancers(List.of("breast"), List.of("lung", "melanoma")))
        .isEqualTo(SectionChoice.ENTITY_CLASH);
    // Sites keep the plain rule: a page about many sites still clashes with another one.
    assertThat(SectionChoice.entity(List.of("pleura"), List.of("bone", "liver", "lung", "brain")))
        .isEqualTo(SectionChoice.ENTITY_CLASH);
  }

  @Test
  void askedAndLeadMeaningAreTheClosestOfTheSectionsOwnOrItsTextWhenTheIndexHoldsNone() {
    var ranked =
        rank(
            "askedMeaning",
            SCAN_ANXIETY,
            scanPages(),
            List.of(
                new PassageSimilarity("a", "Scans › Coping", 0.55, 0.93, 0.87),
                new PassageSimilarity("a", "Scans › Coping", 0.50, 0.71, 0.91),
                new PassageSimilarity("b", "Scans › Costs", 0.62)));
    assertThat(ranked).extracting(c -> c.hit().docId()).containsExactly("a", "b", "c");
    // The best of its passages' curated questions, not of their text.
    // Spread over 0–1 from the cosine of unrelated texts up: 0.93 → 0.825.
    assertThat(feature(ranked.get(0), "askedMeaning")).isCloseTo(0.825, within(1e-9));
    assertThat(feature(ranked.get(0), "meaning")).isEqualTo(0.55);
    // A section nobody wrote questions for is weighed by its text instead of counted out.
    assertThat(feature(ranked.get(1), "askedMeaning")).isCloseTo(0.05, within(1e-9));
    // No vectors at all: zero.
    assertThat(feature(ranked.get(2), "askedMeaning")).isZero();
    // The section's own lead, spread alike (0.91 → 0.775); no lead in the index: the text's.
    assertThat(ranked.get(0).leadMeaning()).isCloseTo(0.775, within(1e-9));
    assertThat(ranked.get(1).leadMeaning()).isCloseTo(0.05, within(1e-9));
    assertThat(ranked.get(2).leadMeaning()).isZero();
  }

  @Test
  void aLongQuestionHoldsAllOfACuratedQuestionThoughItsF1IsLow() {
    // "my skin has gone yellow and itchy, the liver is bad, is it jaundice": the curated
    // question "what is jaundice" is all in it, though most of its words are not in that one.
    var reader = asked("skin", "yellow", "itchy", "liver", "bad", "jaundice");
    assertThat(reader.match("what is jaundice")).isGreaterThan(0).isLessThan(0.8);
    assertThat(reader.bestContained(List.of("what is jaundice", "liver pain"))).isEqualTo(1.0);
    // Four fifths of "jaundice itching" by weight: jaundice is the rarer word, and "itching" is
    // not "itchy" here.
    assertThat(reader.bestContained(List.of("jaundice itching"))).isCloseTo(0.8, within(1e-9));
    assertThat(reader.bestContained(List.of("bone pain"))).isZero();
    assertThat(reader.bestContained(List.of())).isZero();
  }

  @Test
  void aQuestionMadeOnlyOfGenericWordsMatchesOnThemAndOthersIgnoreThem() {
    // "what is cancer": every word generic, so the analysis keeps them as what is asked.
    var onlyGeneric = asked("what", "is", "cancer");
    assertThat(onlyGeneric.match("what is cancer")).isEqualTo(1.0);
    assertThat(onlyGeneric.match("what is jaundice")).isGreaterThan(0).isLessThan(1.0);
    // A question with its own subject: the generic words of a curated question count for nothing.
    var specific = asked("jaundice");
    assertThat(specific.match("what is jaundice")).isEqualTo(1.0);
    assertThat(specific.match("what is cancer")).isZero();
  }

  @Test
  void aSectionWhoseCuratedQuestionAsksForTheSameThingGetsTheAskedIntentFeature() {
    var lexicon = IntentLexicon.bundled();
    assertThat(lexicon.ofCurated("what causes memory problems during treatment"))
        .isEqualTo(Intent.CAUSES);
    assertThat(lexicon.ofCurated("what is chemo brain")).isNotEqualTo(Intent.CAUSES);
    // Remembered, the same as asking the lexicon.
    assertThat(lexicon.ofCurated("what is chemo brain"))
        .isEqualTo(lexicon.of("what is chemo brain"));
    org.metshub.kb.KbDocument doc =
        kbDoc(
            "chemo-brain.md",
            "questions:\n  'What chemo brain is':\n  - 'what is chemo brain'\n"
                + "  'Memory and thinking changes':\n"
                + "  - 'what causes memory problems during treatment'\n",
            "# Chemo brain\n\n## What chemo brain is\n\nTrouble with memory.\n\n"
                + "## Memory and thinking changes\n\nMany things play a part.\n");
    Hit h =
        hit(
            "test-doc",
            "Chemo brain",
            "What chemo brain is",
            "article",
            "patient",
            List.of(),
            List.of(),
            1);
    var choice = new SectionChoice(lexicon, only("askedIntent"));
    var causes = rankSections(choice, asked("what causes chemo brain", Intent.CAUSES), h, doc);
    assertThat(causes.getFirst().heading()).isEqualTo("Memory and thinking changes");
    assertThat(feature(causes.getFirst(), "askedIntent")).isEqualTo(1.0);
    assertThat(feature(causes.get(1), "askedIntent")).isZero();
    // A question that asks for nothing in particular matches no section's intent.
    assertThat(rankSections(choice, asked("chemo brain", Intent.GENERAL), h, doc))
        .allSatisfy(c -> assertThat(feature(c, "askedIntent")).isZero());
  }

  @Test
  void aSectionIndexedInsideThePassageBeforeItTakesThatPassagesCloseness() {
    // "Who gets it" is short, so the index keeps it and "When it is given" in one passage under
    // the first heading (Passages.MIN_WORDS): "When it is given" has no passage of its own.
    org.metshub.kb.KbDocument doc =
        kbDoc(
            "immuno.md",
            "",
            "# Immunotherapy\n\n## Who gets it\n\nSome people with triple negative cancer.\n\n"
                + "## When it is given\n\nBefore or after surgery.\n\n"
                + "## Side effects\n\nTiredness and rash.\n");
    Hit h =
        hit(
            "test-doc",
            "Immunotherapy",
            "Who gets it",
            "article",
            "patient",
            List.of(),
            List.of(),
            1);
    var choice = new SectionChoice(IntentLexicon.bundled(), only("meaning"));
    var byHeading =
        choice
            .rank(
                asked("when is immunotherapy given", Intent.GENERAL),
                List.of(h),
                id -> Optional.of(doc),
                SectionChoiceTest::terms,
                t -> 1.0,
                q -> Set.of(),
                ids ->
                    List.of(
                        new PassageSimilarity("test-doc", "Immunotherapy › Who gets it", 0.8),
                        new PassageSimilarity("test-doc", "Immunotherapy › Side effects", 0.3)))
            .stream()
            .collect(java.util.stream.Collectors.toMap(SectionChoice.Candidate::heading, c -> c));
    assertThat(feature(byHeading.get("Who gets it"), "meaning")).isEqualTo(0.8);
    assertThat(feature(byHeading.get("When it is given"), "meaning")).isEqualTo(0.8);
    assertThat(feature(byHeading.get("Side effects"), "meaning")).isEqualTo(0.3);
  }

  /** A KB document of the test fixtures: its file name, extra front matter and Markdown body. */
  private static org.metshub.kb.KbDocument kbDoc(String file, String frontMatter, String body) {
    return org.metshub.testing.Fixtures.document(
        file, org.metshub.testing.Fixtures.validDoc(frontMatter, body));
  }

  private static SectionChoice.Candidate section(
      String docId, String docType, String heading, double score, boolean says, double title) {
    Hit h = hit(docId, "Brain metastases", heading, docType, "patient", List.of(), List.of(), 1.0);
    double[] f = new double[SectionChoice.FEATURES.size()];
    f[SectionChoice.FEATURES.indexOf("topicDefinition")] = says ? 1 : 0;
    f[SectionChoice.FEATURES.indexOf("titleFits")] = title;
    return new SectionChoice.Candidate(h, heading, heading, "text", score, 1, true, f, 0, 0);
  }

  /** {@link SectionChoice#definitionFirst} of a question typed with no intent's words or one. */
  private static List<SectionChoice.Candidate> alone(
      String text, Intent intent, boolean followUp, List<SectionChoice.Candidate> ranked) {
    return SectionChoice.definitionFirst(typed(text, intent), followUp, ranked);
  }

  private static QuestionAnalysis typed(String text, Intent intent) {
    return new QuestionAnalysis(
        text,
        "en",
        intent,
        QuestionType.GENERAL,
        List.of(),
        List.of("brain"),
        Set.of("brain", "met"),
        Set.of("brain"),
        List.of());
  }

  private static SectionChoice.Candidate onPage(
      String docId, String heading, double score, double cancerAgrees, double intentFits) {
    Hit h = hit(docId, docId, heading, "article", "patient", List.of(), List.of(), 1.0);
    double[] f = new double[SectionChoice.FEATURES.size()];
    f[SectionChoice.FEATURES.indexOf("cancerAgrees")] = cancerAgrees;
    f[SectionChoice.FEATURES.indexOf("intentFits")] = intentFits;
    return new SectionChoice.Candidate(h, heading, heading, "text", score, 1, true, f, 0, 0);
  }

  private static QuestionAnalysis naming(List<String> cancers) {
    return new QuestionAnalysis(
        "how is metastatic lung cancer treated",
        "en",
        Intent.TREATMENT,
        QuestionType.GENERAL,
        cancers,
        List.of(),
        Set.of("lung", "treat"),
        Set.of("lung"),
        List.of());
  }

  @Test
  void aQuestionThatNamesItsCancerTakesThatCancersPageBeforeAGeneralOneThatScoresAboutTheSame() {
    List<SectionChoice.Candidate> ranked =
        List.of(
            onPage("lung-metastases", "How it is treated", 21.12, 0, 1),
            onPage("metastatic-lung-cancer", "Where it spreads", 20.8, 1, 0),
            onPage("metastatic-lung-cancer", "Main treatments", 20.26, 1, 1),
            onPage("lung-metastases", "Symptoms", 19.0, 0, 0));
    List<SectionChoice.Candidate> out =
        SectionChoice.namedCancerFirst(naming(List.of("lung")), ranked);
    // The best section that fits the intent on the lung cancer page, in the first place and with
    // its score; the others keep their order.
    assertThat(out)
        .extracting(SectionChoice.Candidate::heading)
        .containsExactly("Main treatments", "How it is treated", "Where it spreads", "Symptoms");
    assertThat(out.getFirst().score()).isEqualTo(21.12);
    assertThat(out.getFirst().hit().docId()).isEqualTo("metastatic-lung-cancer");
  }

  @Test
  void aGeneralPageWellAheadOrAlreadyAboutTheCancerKeepsItsPlace() {
    List<SectionChoice.Candidate> farBehind =
        List.of(
            onPage("how-cancer-spreads", "Why it keeps its first name", 24.0, 0, 1),
            onPage("metastatic-breast-cancer", "What it is", 22.9, 1, 1));
    assertThat(SectionChoice.namedCancerFirst(naming(List.of("breast")), farBehind))
        .isEqualTo(farBehind);
    List<SectionChoice.Candidate> agrees =
        List.of(
            onPage("metastatic-lung-cancer", "Living with it", 21.0, 1, 0),
            onPage("metastatic-lung-cancer", "Main treatments", 20.5, 1, 1));
    assertThat(SectionChoice.namedCancerFirst(naming(List.of("lung")), agrees)).isEqualTo(agrees);
    // No cancer named: nothing to prefer.
    List<SectionChoice.Candidate> close =
        List.of(
            onPage("lung-metastases", "How it is treated", 21.12, 0, 1),
            onPage("metastatic-lung-cancer", "Main treatments", 20.26, 1, 1));
    assertThat(SectionChoice.namedCancerFirst(naming(List.of()), close)).isEqualTo(close);
    // A section of the cancer's page that does not fit the intent is not promoted.
    List<SectionChoice.Candidate> offIntent =
        List.of(
            onPage("lung-metastases", "How it is treated", 21.12, 0, 1),
            onPage("metastatic-lung-cancer", "Where it spreads", 20.9, 1, 0));
    assertThat(SectionChoice.namedCancerFirst(naming(List.of("lung")), offIntent))
        .isEqualTo(offIntent);
    assertThat(SectionChoice.namedCancerFirst(naming(List.of("lung")), List.of())).isEmpty();
  }

  @Test
  void aSubjectTypedAloneTakesItsPagesDefinitionFirst() {
    List<SectionChoice.Candidate> ranked =
        List.of(
            section("brain", "article", "Symptoms", 14.5, false, 1),
            section("lung", "article", "What lung metastases are", 14.0, true, 0.5),
            section("brain", "article", "What brain metastases are", 13.8, true, 1),
            section("brain", "article", "How it is treated", 11.6, false, 1));
    List<SectionChoice.Candidate> out = alone("brain mets", Intent.GENERAL, false, ranked);
    // The best page's own definition comes first, with the page's best score; the rest keep
    // their order.
    assertThat(out)
        .extracting(SectionChoice.Candidate::heading)
        .containsExactly(
            "What brain metastases are",
            "Symptoms",
            "What lung metastases are",
            "How it is treated");
    assertThat(out.getFirst().score()).isEqualTo(14.5);
    // Not a subject typed alone: a question, a follow-up, an intent, a news item, or words
    // that are not the page's subject.
    assertThat(alone("is it brain mets", Intent.GENERAL, false, ranked)).isEqualTo(ranked);
    assertThat(alone("brain mets?", Intent.GENERAL, false, ranked)).isEqualTo(ranked);
    assertThat(alone("brain mets", Intent.GENERAL, true, ranked)).isEqualTo(ranked);
    assertThat(alone("brain mets signs", Intent.SYMPTOMS, false, ranked)).isEqualTo(ranked);
    List<SectionChoice.Candidate> news =
        List.of(
            section("n", "news", "What was approved", 16.5, false, 1),
            section("n", "news", "What it means for patients today", 16.4, true, 1));
    assertThat(alone("datroway approval", Intent.GENERAL, false, news)).isEqualTo(news);
    List<SectionChoice.Candidate> tips =
        List.of(
            section("brain", "article", "Everyday tips", 11.8, false, 0),
            section("brain", "article", "What brain metastases are", 11.7, true, 0));
    assertThat(alone("any tips", Intent.GENERAL, false, tips)).isEqualTo(tips);
    // Already first, or no such section on the best page: unchanged.
    assertThat(alone("brain mets", Intent.GENERAL, false, out)).isEqualTo(out);
    assertThat(alone("brain mets", Intent.GENERAL, false, List.of(ranked.get(0), ranked.get(1))))
        .extracting(SectionChoice.Candidate::heading)
        .containsExactly("Symptoms", "What lung metastases are");
    assertThat(alone("brain mets", Intent.GENERAL, false, List.of())).isEmpty();
  }
}
