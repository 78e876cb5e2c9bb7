package org.metshub.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.directory.Directory;
import org.metshub.directory.Organization;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.kb.ReviewState;
import org.metshub.kb.Vocabularies;
import org.metshub.safety.EmergencyNumber;
import org.metshub.safety.SafetyPolicy;
import org.metshub.search.HashingEmbedder;
import org.metshub.search.LuceneSearch;
import org.metshub.search.Ranking;
import org.metshub.search.SearchIndex;
import org.metshub.search.TestIndex;
import org.metshub.testing.Fixtures;

/**
 * The engine on a small index with a deterministic embedder; thresholds are set for that embedder
 * (the bge-calibrated ones are exercised by the eval cases on the bundled KB).
 */
class AnswerEngineTest {
  @TempDir Path data;
  SearchIndex index;
  MemoryGapLog gaps = new MemoryGapLog();
  AnswerEngine engine;

  static final String LINK_ONLY =
      TestIndex.doc(
              "org-liver",
              "Liver Support Charity",
              "docType: article\nurl: https://example.org",
              "Liver metastases support from a charity whose text is theirs. Jaundice help line.")
          .replace("license: owned", "license: link_only");

  static final String OVERDUE =
      TestIndex.doc(
              "old-lung",
              "When cancer spreads to the lung",
              "metastaticSites: [lung]",
              """
      ## Signs

      Lung metastases can cause a cough that does not go away. Some people feel short of
      breath when walking.
      """)
          .replace("lastReviewed: '2026-11-01'", "lastReviewed: '2024-01-01'");

  static final String SPANISH =
      TestIndex.doc(
              "higado-es",
              "Metástasis en el hígado",
              "",
              "La metástasis en el hígado puede causar ictericia, que pone la piel amarilla. "
                  + "El equipo de atención explica las opciones de tratamiento.")
          .replace("language: en", "language: es");

  @BeforeEach
  void build() {
    index = TestIndex.open(data, new HashingEmbedder());
    TestIndex.sync(
        index, TestIndex.BONE, TestIndex.LIVER, TestIndex.DRAFT, LINK_ONLY, OVERDUE, SPANISH);
    engine = engine(SafetyScreen.NONE);
  }

  AnswerEngine engine(SafetyScreen safety) {
    Directory directory =
        new Directory(
            List.of(
                new Organization(
                    "cis",
                    "Cancer Information " + "Service",
                    "https://www.cancer.gov/contact",
                    "",
                    List.of("US"),
                    List.of("general"),
                    List.of("helpline"),
                    List.of("en", "es"),
                    "1-800-422-6237",
                    "en"),
                new Organization(
                    "mx-breast",
                    "Fundación Mama MX",
                    "https://mama.example.mx/",
                    "",
                    List.of("MX"),
                    List.of("breast"),
                    List.of("education"),
                    List.of("es"),
                    "",
                    "es",
                    "",
                    "patient"),
                new Organization(
                    "mx-research",
                    "Sociedad de Investigación MX",
                    "https://investigacion.example.mx/",
                    "",
                    List.of("MX"),
                    List.of("general"),
                    List.of("research_community"),
                    List.of("es"),
                    "",
                    "es",
                    "",
                    "researcher")));
    Map<QuestionType, Double> all = new java.util.EnumMap<>(QuestionType.class);
    for (QuestionType t : QuestionType.values()) {
      all.put(t, 0.2);
    }
    Thresholds low = new Thresholds(all, 1);
    return new AnswerEngine(
        new LuceneSearch(index, Ranking.DEFAULT),
        safety,
        () -> directory,
        new MemoryConversations(Fixtures.clock()),
        gaps,
        Vocabularies.bundled(),
        low);
  }

  @AfterEach
  void close() {
    index.close();
  }

  private Answer ask(String q) {
    return engine.answer(AnswerEngine.Question.of(q));
  }

  /** {@code q} asked next in the conversation of {@code before}. */
  private Answer askAfter(Answer before, String q) {
    return engine.answer(
        new AnswerEngine.Question(
            q, Optional.empty(), Optional.of(before.conversationId()), Optional.empty()));
  }

  @Test
  void anAbstentionOffersTheSectionsRankedHighestOnEachClosestPage() {
    double[] none = new double[SectionChoice.FEATURES.size()];
    java.util.function.BiFunction<org.metshub.search.Hit, String, SectionChoice.Candidate> section =
        (h, heading) ->
            new SectionChoice.Candidate(
                h,
                heading,
                heading.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'),
                "text",
                1,
                1,
                true,
                none,
                0,
                0);
    var biopsy =
        SectionChoiceTest.hit(
            "biopsy", "Biopsy", "What it is", "article", "patient", List.of(), List.of(), 9);
    var kidney =
        SectionChoiceTest.hit(
            "kidney",
            "Kidney",
            "Main treatments",
            "article",
            "patient",
            List.of("kidney"),
            List.of(),
            8);
    var liver =
        SectionChoiceTest.hit(
            "liver", "Liver", "How it is found", "article", "patient", List.of(), List.of(), 7);
    List<SectionChoice.Candidate> ranked =
        List.of(
            section.apply(biopsy, "Recovery"),
            section.apply(kidney, "Main treatments"),
            section.apply(biopsy, "What it is"),
            section.apply(liver, "How it is found"));
    var search =
        List.of(
            liver,
            SectionChoiceTest.hit(
                "scans", "Scans", "A", "article", "patient", List.of(), List.of(), 6),
            SectionChoiceTest.hit(
                "pain", "Pain", "A", "article", "patient", List.of(), List.of(), 5));
    List<RelatedDocument> closest = AnswerEngine.closest(ranked, search, List.of("breast"));
    // Ranked order first, a page's sections under it, never another cancer's page; then
    // retrieval's other pages as wholes, up to three in all.
    assertThat(closest)
        .extracting(RelatedDocument::docId, RelatedDocument::sections)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "biopsy",
                List.of(
                    new RelatedDocument.Section("Recovery", "recovery"),
                    new RelatedDocument.Section("What it is", "what-it-is"))),
            org.assertj.core.groups.Tuple.tuple(
                "liver",
                List.of(new RelatedDocument.Section("How it is found", "how-it-is-found"))),
            org.assertj.core.groups.Tuple.tuple("scans", List.of()));
    assertThat(closest.getFirst().heading()).isEqualTo("Recovery");
    assertThat(closest.get(2).heading()).isEmpty();
    // With nothing ranked (no candidate section), the pages retrieval found, as before.
    assertThat(AnswerEngine.closest(List.of(), search, List.of()))
        .extracting(RelatedDocument::docId)
        .containsExactly("liver", "scans", "pain");
  }

  @Test
  void anAnswersRelatedPagesFollowTheRankedSectionsThenRetrieval() {
    double[] none = new double[SectionChoice.FEATURES.size()];
    java.util.function.BiFunction<String, List<String>, SectionChoice.Candidate> section =
        (page, cancers) ->
            new SectionChoice.Candidate(
                SectionChoiceTest.hit(page, page, "A", "article", "patient", cancers, List.of(), 5),
                "A",
                "a",
                "text",
                1,
                1,
                true,
                none,
                0,
                0);
    List<SectionChoice.Candidate> ranked =
        List.of(
            section.apply("glossary", List.of()),
            section.apply("spread", List.of()),
            section.apply("kidney", List.of("kidney")),
            section.apply("spread", List.of()),
            section.apply("bone", List.of()));
    var hits =
        List.of(
            SectionChoiceTest.hit(
                "news", "News", "A", "article", "patient", List.of(), List.of(), 9),
            SectionChoiceTest.hit(
                "scans", "Scans", "A", "article", "patient", List.of(), List.of(), 8));
    Map<String, Citation> cited =
        Map.of(
            "glossary#1",
            new Citation(
                1,
                "glossary",
                "glossary#1",
                "Glossary",
                "MetsHub",
                "https://example.org",
                "A",
                Optional.empty(),
                org.metshub.kb.ReviewState.CURRENT,
                "owned",
                true,
                List.of()));
    // The cited page and another cancer's page are left out; each page once; ranked order first.
    assertThat(AnswerEngine.related(ranked, hits, cited, List.of("breast")))
        .extracting(RelatedDocument::docId)
        .containsExactly("spread", "bone", "news");
    // Fewer ranked pages than three: retrieval fills up.
    assertThat(AnswerEngine.related(ranked.subList(0, 2), hits, cited, List.of()))
        .extracting(RelatedDocument::docId)
        .containsExactly("spread", "news", "scans");
    // Nothing ranked: retrieval's order, as before.
    assertThat(AnswerEngine.related(List.of(), hits, Map.of(), List.of()))
        .extracting(RelatedDocument::docId)
        .containsExactly("news", "scans");
  }

  @Test
  void anAbstentionOffersAtMostTwoSectionsAPageFourSectionsAndThreePages() {
    double[] none = new double[SectionChoice.FEATURES.size()];
    java.util.function.BiFunction<String, String, SectionChoice.Candidate> section =
        (page, heading) ->
            new SectionChoice.Candidate(
                SectionChoiceTest.hit(
                    page, page, heading, "article", "patient", List.of(), List.of(), 5),
                heading,
                heading,
                "text",
                1,
                1,
                true,
                none,
                0,
                0);
    // Each candidate is written "page/heading".
    java.util.function.Function<String, List<List<String>>> offered =
        order ->
            AnswerEngine.closest(
                    java.util.Arrays.stream(order.split(" "))
                        .map(k -> section.apply(k.split("/")[0], k.split("/")[1]))
                        .toList(),
                    List.of(),
                    List.of())
                .stream()
                .map(d -> d.sections().stream().map(RelatedDocument.Section::heading).toList())
                .toList();
    // A fourth page is skipped; the fourth section offered is the last.
    assertThat(offered.apply("a/a1 b/b1 c/c1 d/d1 c/c2 b/b2"))
        .containsExactly(List.of("a1"), List.of("b1"), List.of("c1", "c2"));
    // A page's third section is skipped, and the pages keep the order of their first section.
    assertThat(offered.apply("a/a1 b/b1 a/a2 a/a3 c/c1"))
        .containsExactly(List.of("a1", "a2"), List.of("b1"), List.of("c1"));
    assertThat(AnswerEngine.closest(List.of(section.apply("b", "b1")), List.of(), List.of()))
        .extracting(RelatedDocument::docId)
        .containsExactly("b");
    // The same section twice (two passages of one section) is offered once.
    assertThat(
            AnswerEngine.closest(
                List.of(section.apply("a", "a1"), section.apply("a", "a1")), List.of(), List.of()))
        .singleElement()
        .extracting(RelatedDocument::sections)
        .isEqualTo(List.of(new RelatedDocument.Section("a1", "a1")));
  }

  @Test
  void relatedPagesAreNeverAboutAnotherCancerThanTheOneNamed() {
    List<org.metshub.search.Hit> hits =
        List.of(
            SectionChoiceTest.hit(
                "cited", "Cited", "A", "article", "patient", List.of("breast"), List.of(), 9),
            SectionChoiceTest.hit(
                "kidney", "Kidney", "A", "article", "patient", List.of("kidney"), List.of(), 8),
            SectionChoiceTest.hit(
                "breast", "Breast", "A", "article", "patient", List.of("breast"), List.of(), 7),
            SectionChoiceTest.hit(
                "general",
                "All",
                "A",
                "article",
                "patient",
                List.of("metastatic cancer"),
                List.of(),
                6),
            SectionChoiceTest.hit(
                "breast", "Breast", "B", "article", "patient", List.of("breast"), List.of(), 5),
            SectionChoiceTest.hit(
                "lung", "Lung", "A", "article", "patient", List.of("lung"), List.of(), 4));
    Map<String, Citation> cited =
        Map.of(
            "cited#1",
            new Citation(
                1,
                "cited",
                "cited#1",
                "Cited",
                "MetsHub",
                "https://example.org",
                "A",
                java.util.Optional.empty(),
                org.metshub.kb.ReviewState.CURRENT,
                "owned",
                true,
                List.of("breast")));
    assertThat(AnswerEngine.related(hits, cited, List.of("breast")))
        .extracting(RelatedDocument::docId)
        .containsExactly("breast", "general");
    // No cancer named: the first three other pages, each once.
    assertThat(AnswerEngine.related(hits, cited, List.of()))
        .extracting(RelatedDocument::docId)
        .containsExactly("kidney", "breast", "general");
  }

  @Test
  void aCancerNamedThroughACorrectedTypoCountsAsNamed() {
    TestIndex.sync(
        index,
        TestIndex.BONE,
        TestIndex.LIVER,
        TestIndex.doc(
            "kidney-mets",
            "Metastatic kidney cancer",
            "url: https://example.org/k",
            "Kidney cancer that has spread is often treated with targeted drugs."));
    engine = engine(SafetyScreen.NONE);
    EvidenceGate.Evidence typo =
        engine.evidence(AnswerEngine.Question.of("kidny cancer treatment")).orElseThrow();
    assertThat(typo.qa().asked()).contains("kidney");
    assertThat(typo.qa().cancerTypes()).containsExactly("kidney");
    // Spelled right, the same; and a word that needs no correction adds nothing.
    assertThat(
            engine
                .evidence(AnswerEngine.Question.of("kidney cancer treatment"))
                .orElseThrow()
                .qa()
                .cancerTypes())
        .containsExactly("kidney");
    assertThat(
            engine
                .evidence(AnswerEngine.Question.of("cancer treatment drugs"))
                .orElseThrow()
                .qa()
                .cancerTypes())
        .isEmpty();
  }

  @Test
  void answersWithVerbatimCitedSentencesAndADisclaimer() {
    Answer a = ask("what are the signs of liver metastases jaundice");
    assertThat(a).isInstanceOf(Answer.Answered.class);
    Answer.Answered ok = (Answer.Answered) a;
    assertThat(ok.sentences()).isNotEmpty().hasSizeLessThanOrEqualTo(4);
    for (AnswerSentence s : ok.sentences()) {
      assertThat(s.citations()).isNotEmpty();
      Citation c = ok.citations().get(s.citations().get(0) - 1);
      assertThat(c.quotable()).isTrue();
      // verbatim: the sentence occurs in the cited document's text (line breaks in the
      // Markdown source are spaces in the rendered text)
      assertThat((TestIndex.LIVER + OVERDUE + TestIndex.BONE).replaceAll("\\s+", " "))
          .contains(s.text());
    }
    assertThat(ok.citations()).extracting(Citation::docId).doesNotContain("org-liver");
    assertThat(ok.disclaimer()).contains("not medical advice");
  }

  @Test
  void overdueSourcesAreFlagged() {
    Answer a = ask("lung metastases cough short of breath");
    assertThat(a).isInstanceOf(Answer.Answered.class);
    assertThat(((Answer.Answered) a).citations())
        .extracting(Citation::reviewState)
        .contains(ReviewState.OVERDUE);
    assertThat(a.nextSteps()).anyMatch(s -> s.contains("past its review date"));
  }

  @Test
  void anAbstentionForAReaderInACountryWithoutAHelplineNamesItsPatientOrganisations() {
    Answer mx =
        engine.answer(
            new AnswerEngine.Question(
                "best pizza recipes", Optional.empty(), Optional.empty(), Optional.of("MX")));
    assertThat(mx).isInstanceOf(Answer.Abstained.class);
    assertThat(mx.nextSteps())
        .contains(
            "A patient organisation in your country: Fundación Mama MX, https://mama.example.mx/")
        .noneMatch(s -> s.contains("1-800-422-6237") || s.contains("Investigación"));
    // Where a helpline serves the country, it is offered and no organisation is listed instead.
    Answer us =
        engine.answer(
            new AnswerEngine.Question(
                "best pizza recipes", Optional.empty(), Optional.empty(), Optional.of("US")));
    assertThat(us.nextSteps())
        .anyMatch(s -> s.contains("1-800-422-6237"))
        .noneMatch(s -> s.contains("in your country"));
  }

  @Test
  void abstainsOnWordsTheKbNeverUsesAndRecordsAScrubbedGap() {
    Answer a = ask("best pizza recipes, email me at jo@example.com");
    assertThat(a).isInstanceOf(Answer.Abstained.class);
    assertThat(a.message()).contains("could not find a good answer");
    assertThat(a.nextSteps()).anyMatch(s -> s.contains("1-800-422-6237"));
    assertThat(gaps.gaps(10))
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.question()).contains("[email]").doesNotContain("jo@example.com");
              assertThat(g.count()).isEqualTo(1);
            });
  }

  @Test
  void aGapRemembersTheSectionsOfferedAndWhetherItWasAFollowUp() {
    Answer a = ask("best pizza recipes for the family");
    assertThat(a).isInstanceOf(Answer.Abstained.class);
    List<String> offered = new java.util.ArrayList<>();
    for (RelatedDocument d : ((Answer.Abstained) a).closest()) {
      d.sections().forEach(x -> offered.add(d.docId() + "#" + x.heading()));
    }
    assertThat(offered).isNotEmpty();
    assertThat(gaps.offered("best pizza recipes for the family", "en"))
        .hasValue(new MemoryGapLog.Offered(false, offered));

    Answer followUp = askAfter(a, "and pizza recipes?");
    assertThat(followUp).isInstanceOf(Answer.Abstained.class);
    assertThat(gaps.offered("and pizza recipes?", "en"))
        .hasValueSatisfying(o -> assertThat(o.followUp()).isTrue());
  }

  @Test
  void draftsAreNeverQuoted() {
    Answer a = ask("bone marrow draft text");
    if (a instanceof Answer.Answered ok) {
      assertThat(ok.citations()).extracting(Citation::docId).doesNotContain("draft-note");
    }
  }

  @Test
  void spanishQuestionsAreAnsweredFromSpanishDocuments() {
    Answer a = ask("¿la metástasis en el hígado causa ictericia?");
    assertThat(a.language()).isEqualTo("es");
    assertThat(a).isInstanceOf(Answer.Answered.class);
    assertThat(((Answer.Answered) a).citations())
        .extracting(Citation::docId)
        .containsOnly("higado-es");
    assertThat(a.disclaimer()).contains("no un consejo médico");
  }

  @Test
  void followUpCarriesTheTopicToANewSite() {
    Answer first = ask("what are the signs of bone metastases");
    Answer second = askAfter(first, "what about the liver?");
    assertThat(second.conversationId()).isEqualTo(first.conversationId());
    assertThat(second).isInstanceOf(Answer.Answered.class);
    assertThat(((Answer.Answered) second).citations())
        .extracting(Citation::docId)
        .contains("liver");
  }

  @Test
  void aTurnAskingForSpanishAnswersThePreviousSubjectFromTheSpanishPage() {
    Answer first = ask("liver metastases jaundice");
    assertThat(first.language()).isEqualTo("en");
    // The page is English; the reader asks for the same in Spanish.
    Answer second =
        engine.answer(
            new AnswerEngine.Question(
                "and in spanish?",
                Optional.of("en"),
                Optional.of(first.conversationId()),
                Optional.empty()));
    assertThat(second.language()).isEqualTo("es");
    assertThat(second.disclaimer()).contains("no un consejo médico");
    assertThat(second).isInstanceOf(Answer.Answered.class);
    assertThat(((Answer.Answered) second).citations())
        .extracting(Citation::docId)
        .containsOnly("higado-es");
    // Outside a conversation it is just a question.
    assertThat(ask("and in spanish?")).isInstanceOf(Answer.Abstained.class);
  }

  static final String LUNG_EN =
      TestIndex.doc(
          "lung-en",
          "When cancer spreads to the lungs",
          "metastaticSites: [lung]\ntranslations:\n  es: pulmon-es",
          """
      ## Symptoms

      Lung metastases can cause a cough that does not go away and shortness of breath.

      ## Treatment

      Treatment of lung metastases often uses the drugs that treat the first cancer.
      """);

  static final String PULMON_ES =
      TestIndex.doc(
              "pulmon-es",
              "Cuando el cáncer se disemina a los pulmones",
              "metastaticSites: [lung]\ntranslations:\n  en: lung-en",
              """
      ## Síntomas

      Las metástasis en los pulmones pueden causar una tos que no se quita y falta de aire.

      ## Tratamiento

      El tratamiento de las metástasis en los pulmones suele usar los medicamentos del primer
      cáncer.
      """)
          .replace("language: en", "language: es");

  @Test
  void aLanguageRequestQuotesThePreviousSectionsTranslationWithoutWeighingItAgain() {
    Map<String, org.metshub.kb.KbDocument> pages = new java.util.HashMap<>();
    for (String text : List.of(LUNG_EN, PULMON_ES)) {
      String id = text.contains("id: lung-en") ? "lung-en" : "pulmon-es";
      pages.put(
          id,
          (org.metshub.kb.KbDocument)
              new org.metshub.kb.KbReader(Vocabularies.bundled()).parse(id + ".md", id, text));
    }
    TestIndex.sync(index, LUNG_EN, PULMON_ES);
    MemoryConversations talks = new MemoryConversations(Fixtures.clock());
    Map<QuestionType, Double> all = new java.util.EnumMap<>(QuestionType.class);
    for (QuestionType t : QuestionType.values()) {
      all.put(t, 0.2);
    }
    Documents docs = id -> Optional.ofNullable(pages.get(id));
    AnswerEngine lenient = engineWith(talks, all, docs, EvidenceGate.rulesOnly());
    // A gate no section can pass: whatever this engine answers, the gate did not decide.
    EvidenceGate never =
        new EvidenceGate(
            new LinearModel(
                EvidenceGate.FEATURES,
                java.util.Collections.nCopies(EvidenceGate.FEATURES.size(), 0.0),
                2.0,
                "never"));
    AnswerEngine strict = engineWith(talks, all, docs, never);

    Answer first = lenient.answer(AnswerEngine.Question.of("lung metastases treatment drugs"));
    assertThat(first).isInstanceOf(Answer.Answered.class);
    assertThat(((Answer.Answered) first).citations().getFirst().passageId())
        .isEqualTo("lung-en#treatment");
    // Training leaves such a turn out, since the gate does not weigh it.
    assertThat(strict.evidence(inConversation("y en español?", first))).isEmpty();
    Answer spanish = strict.answer(inConversation("y en español?", first));
    assertThat(spanish.language()).isEqualTo("es");
    assertThat(spanish).isInstanceOf(Answer.Answered.class);
    Citation c = ((Answer.Answered) spanish).citations().getFirst();
    assertThat(c.docId()).isEqualTo("pulmon-es");
    assertThat(c.heading()).isEqualTo("Tratamiento");
    // And back: the Spanish section's English page, the same section.
    Answer english = strict.answer(inConversation("and in english?", first));
    assertThat(((Answer.Answered) english).citations().getFirst().passageId())
        .isEqualTo("lung-en#treatment");
    // The strict gate does decide everything else: a new question, and a language request after a
    // turn that quoted no section.
    Answer other = strict.answer(inConversation("lung metastases symptoms cough", first));
    assertThat(other).isInstanceOf(Answer.Abstained.class);
    Answer again = strict.answer(inConversation("y en español?", first));
    assertThat(again).isInstanceOf(Answer.Abstained.class);
  }

  /** A question asked in the conversation of an earlier answer. */
  private static AnswerEngine.Question inConversation(String text, Answer earlier) {
    return new AnswerEngine.Question(
        text, Optional.empty(), Optional.of(earlier.conversationId()), Optional.empty());
  }

  private AnswerEngine engineWith(
      MemoryConversations talks, Map<QuestionType, Double> min, Documents docs, EvidenceGate gate) {
    return new AnswerEngine(
        new LuceneSearch(index, Ranking.DEFAULT),
        SafetyScreen.NONE,
        () -> new Directory(List.of()),
        talks,
        gaps,
        Vocabularies.bundled(),
        new Thresholds(min, 1),
        docs,
        gate);
  }

  @Test
  void theSafetyScreenRunsFirstAndNothingIsRetrieved() {
    AnswerEngine guarded =
        engine(
            (m, r, id) ->
                new SafetyScreen.Result(
                    Optional.of(
                        new Answer.Urgent(
                            "en",
                            "Call emergency services now.",
                            "symptom",
                            "self",
                            List.of("Call 911"),
                            List.of(),
                            List.of(new EmergencyNumber("911", "US")),
                            Optional.empty(),
                            "footer",
                            id,
                            "test")),
                    List.of()));
    Answer a = guarded.answer(AnswerEngine.Question.of("liver jaundice"));
    assertThat(a.outcome()).isEqualTo("urgent");
    assertThat(gaps.gaps(10)).isEmpty();
  }

  @Test
  void theBundledPolicyRefusesDosesAndSendsUrgentSymptomsToCare() {
    AnswerEngine guarded = engine(SafetyScreen.policy(SafetyPolicy.bundled()));
    Answer dose = guarded.answer(AnswerEngine.Question.of("how many mg of oxycodone can I take"));
    assertThat(dose)
        .isInstanceOfSatisfying(
            Answer.Refused.class,
            r -> {
              assertThat(r.kind()).isEqualTo("dose");
              assertThat(r.questionsToAsk()).hasSizeBetween(3, 5);
              assertThat(r.disclaimer()).isNotBlank();
            });
    Answer urgent =
        guarded.answer(
            new AnswerEngine.Question(
                "I want to end my life", Optional.empty(), Optional.empty(), Optional.of("GB")));
    assertThat(urgent)
        .isInstanceOfSatisfying(
            Answer.Urgent.class,
            u -> {
              assertThat(u.crisisLines()).extracting(l -> l.phone().orElse("")).contains("116 123");
              assertThat(u.emergencyNumbers()).extracting(EmergencyNumber::number).contains("999");
              assertThat(u.disclaimer()).doesNotContain("sources cited");
            });
  }

  @Test
  void aReportWeWillNotReadGetsTheGeneralPagesOnItsWordsAndOtherRefusalsGetNone() {
    AnswerEngine guarded = engine(SafetyScreen.policy(SafetyPolicy.bundled()));
    Answer report =
        guarded.answer(
            AnswerEngine.Question.of("my scan report says liver metastases, what does that mean"));
    assertThat(report)
        .isInstanceOfSatisfying(
            Answer.Refused.class,
            r -> {
              assertThat(r.kind()).isEqualTo("interpret_report");
              assertThat(r.explaining()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
              assertThat(r.explaining().getFirst().docId()).isEqualTo("liver");
              assertThat(r.explaining().getFirst().heading()).isEqualTo("What it means");
              // Offered to read, never quoted.
              assertThat(r.questionsToAsk()).hasSizeBetween(3, 5);
            });
    Answer dose = guarded.answer(AnswerEngine.Question.of("how many mg of oxycodone can I take"));
    assertThat(dose)
        .isInstanceOfSatisfying(Answer.Refused.class, r -> assertThat(r.explaining()).isEmpty());
    // A refusal is not a gap in the KB, and nothing of the turn is remembered.
    assertThat(gaps.gaps(10)).isEmpty();
  }

  @Test
  void badQuestionsAreRejectedClearly() {
    assertThrows(BadInput.class, () -> AnswerEngine.Question.of("  "));
    assertThrows(BadInput.class, () -> AnswerEngine.Question.of("x".repeat(501)));
    var e =
        assertThrows(
            BadInput.class,
            () ->
                new AnswerEngine.Question(
                    "hi", Optional.of("fr"), Optional.empty(), Optional.empty()));
    assertThat(e.getMessage()).contains("en or es");
  }

  @Test
  void unknownConversationIdsStartAFreshConversation() {
    Answer a =
        engine.answer(
            new AnswerEngine.Question(
                "liver jaundice", Optional.empty(), Optional.of("no-such-id"), Optional.empty()));
    assertThat(a.conversationId()).isNotEqualTo("no-such-id").hasSize(22);
  }
}
