package org.metshub.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.ConfigException;
import org.metshub.ConfigReader;
import org.metshub.kb.ReviewState;

class LuceneSearchTest {
  @TempDir Path data;
  HashingEmbedder embedder = new HashingEmbedder();
  SearchIndex index;
  LuceneSearch search;

  @BeforeEach
  void build() {
    index = TestIndex.open(data, embedder);
    TestIndex.sync(index, TestIndex.BONE, TestIndex.LIVER, TestIndex.DRAFT, TestIndex.NEWS);
    search = new LuceneSearch(index, Ranking.DEFAULT);
  }

  @AfterEach
  void close() {
    index.close();
  }

  private SearchResponse lexical(String q) {
    return search.search(SearchRequest.builder().query(q).mode(SearchMode.LEXICAL).build());
  }

  private SearchResponse lexicalIn(String q, String language) {
    return search.search(
        SearchRequest.builder().query(q).mode(SearchMode.LEXICAL).queryLanguage(language).build());
  }

  @Test
  void findsThePassageThatAnswersWithHighlightsAndCitationFields() {
    SearchResponse r = lexical("bone pain denosumab");
    Hit top = r.hits().get(0);
    assertThat(top.docId()).isEqualTo("bone");
    assertThat(top.title()).isEqualTo("When cancer spreads to the bone");
    assertThat(top.heading()).isIn("What it means", "Treatment");
    assertThat(top.snippet().highlights()).isNotEmpty();
    assertThat(marked(top))
        .allSatisfy(
            w ->
                assertThat(w.toLowerCase(java.util.Locale.ROOT))
                    .isIn("bone", "bones", "pain", "denosumab"));
    assertThat(top.meta().lastReviewed()).map(Object::toString).contains("2026-11-01");
    assertThat(top.meta().nextReviewDue()).map(Object::toString).contains("2027-11-01");
    assertThat(top.meta().reviewState()).isEqualTo(ReviewState.CURRENT);
    assertThat(top.meta().quotable()).isTrue();
  }

  @Test
  void rankingWithoutSnippetsIsTheSameRankingWithoutMarks() {
    SearchRequest req =
        SearchRequest.builder().query("bone pain denosumab").mode(SearchMode.HYBRID).build();
    SearchResponse with = search.search(req);
    SearchResponse without = search.search(req.toBuilder().snippets(false).build());
    assertThat(without.hits())
        .extracting(Hit::passageId)
        .containsExactlyElementsOf(with.hits().stream().map(Hit::passageId).toList());
    assertThat(with.hits().get(0).snippet().highlights()).isNotEmpty();
    assertThat(without.hits())
        .allSatisfy(
            h -> {
              assertThat(h.snippet().highlights()).isEmpty();
              assertThat(h.snippet().text()).isNotBlank();
            });
  }

  /** The words a hit's snippet highlights, as written in the text. */
  private static List<String> marked(Hit h) {
    return h.snippet().highlights().stream()
        .map(x -> h.snippet().text().substring(x.start(), x.end()))
        .toList();
  }

  @Test
  void snippetsArePlainTextWithOffsetsOnTheWordsAsWrittenInAnyScript() {
    TestIndex.sync(
        index,
        TestIndex.doc(
                "oseas",
                "Metástasis óseas",
                "metastaticSites: [bone]",
                """
        Las metástasis óseas 🦴 pueden causar dolor. El dolor de huesos tiene tratamiento:
        radioterapia & fármacos como el denosumab; un "dolor < 3" es leve.
        """)
            .replace("language: en", "language: es"));
    // Typed without accents, as people do: the analyzer folds them, the offsets do not.
    SearchResponse r = lexicalIn("metastasis oseas dolor denosumab", "es");
    Hit h = r.hits().stream().filter(x -> x.docId().equals("oseas")).findFirst().orElseThrow();
    assertThat(marked(h)).contains("metástasis", "óseas", "dolor", "denosumab");
    // Nothing is escaped or marked up in the core: the edges do that.
    assertThat(h.snippet().text())
        .contains("radioterapia & fármacos", "\"dolor < 3\"")
        .doesNotContain("<mark>", "&amp;", "&lt;");
  }

  @Test
  void pageContextLiftsASectionWhosePageMatchesTheSubject() {
    TestIndex.sync(
        index,
        TestIndex.doc(
            "alpha-info",
            "Page one",
            "url: https://example.org/alpha",
            "Zorblax disease is a rare cancer of the zorblax gland."),
        TestIndex.doc(
            "alpha-signs",
            "Page two",
            "url: https://example.org/alpha",
            "Signs include tiredness and fever."),
        TestIndex.doc(
            "beta-signs",
            "Page three",
            "url: https://example.org/beta",
            "Signs include tiredness, fever and more tiredness."));
    SearchRequest req =
        SearchRequest.builder().query("zorblax tiredness").mode(SearchMode.LEXICAL).build();
    List<String> off = search.search(req).hits().stream().map(Hit::docId).toList();
    assertThat(off.indexOf("beta-signs")).isLessThan(off.indexOf("alpha-signs"));
    List<String> on =
        new LuceneSearch(index, ranking("metshub.ranking.pageContext", "1.0"))
            .search(req).hits().stream().map(Hit::docId).toList();
    assertThat(on.get(0)).isEqualTo("alpha-info");
    assertThat(on.indexOf("alpha-signs")).isLessThan(on.indexOf("beta-signs"));
    org.junit.jupiter.api.Assertions.assertThrows(
        ConfigException.class, () -> ranking("metshub.ranking.pageContext", "-1"));
  }

  @Test
  void draftsAreNotPublic() {
    assertThat(lexical("marrow").hits()).isEmpty();
    SearchRequest curator =
        SearchRequest.builder().query("marrow").mode(SearchMode.LEXICAL).publicOnly(false).build();
    assertThat(search.search(curator).hits()).extracting(Hit::docId).containsExactly("draft-note");
  }

  @Test
  void patientVocabularyMatchesLayWords() {
    // "mets" is not in any document; the synonym map turns it into metastases.
    assertThat(lexical("liver mets").hits()).extracting(Hit::docId).first().isEqualTo("liver");
  }

  @Test
  void correctsTyposFromTheIndexDictionary() {
    SearchResponse r = lexical("jaundise");
    assertThat(r.corrections()).containsEntry("jaundise", "jaundice");
    assertThat(r.hits()).extracting(Hit::docId).containsExactly("liver");
  }

  @Test
  void aTypoIsCorrectedToAWordOfTheQuestionsLanguageFirst() {
    TestIndex.sync(
        index,
        TestIndex.doc(
            "appetite",
            "Appetite",
            "url: https://example.org/a",
            "When your appetite is low, eat small meals."),
        TestIndex.doc(
                "apetito",
                "Apetito",
                "url: https://example.org/b",
                "Cuando tiene poco apetito, coma poco y a menudo.")
            .replace("language: en", "language: es"),
        TestIndex.doc(
                "sindrome",
                "Mano y pie",
                "url: https://example.org/c",
                "El síndrome mano-pie enrojece las palmas.")
            .replace("language: en", "language: es"));
    // "apetite" is one edit from both words; each language gets its own.
    SearchResponse en = lexicalIn("no apetite", "en");
    assertThat(en.corrections()).containsEntry("apetite", "appetite");
    assertThat(en.hits()).extracting(Hit::docId).first().isEqualTo("appetite");
    SearchResponse es = lexicalIn("sin apetite", "es");
    assertThat(es.corrections()).containsEntry("apetite", "apetito");
    // A word only the other language's pages use is still found: English has no near word.
    SearchResponse other = lexicalIn("sindrom", "en");
    assertThat(other.corrections()).containsEntry("sindrom", "sindrome");
  }

  @Test
  void aFirstLetterThatSlippedIsCorrectedWhenTheKbUsesTheVariant() {
    TestIndex.sync(
        index,
        TestIndex.doc(
            "hospice",
            "Hospice",
            "url: https://example.org/h",
            "Hospice care helps people live well. Vomiting can be treated."),
        TestIndex.doc(
            "other", "Other", "url: https://example.org/o", "A bomb of a week, a buena noticia."));
    // b and v sound alike in Spanish; "bomiting" is nearer "bombing" to the checker's eye.
    SearchResponse v = lexical("bomiting");
    assertThat(v.corrections()).containsEntry("bomiting", "vomiting");
    assertThat(v.hits()).extracting(Hit::docId).containsExactly("hospice");
    // A silent h, dropped.
    assertThat(lexical("ospice").corrections()).containsEntry("ospice", "hospice");
    // No variant in the KB: no first-letter guess, the usual checker or nothing.
    assertThat(lexical("zzqxw").corrections()).isEmpty();
  }

  @Test
  void aSearchRanksPagesInItsOwnLanguageFirstUnlessALanguageIsChosen() {
    // Two pages equally close in meaning (the same words), one in each language: whichever
    // language the search is in, its own page comes first.
    String body = "Chemo brain memoria memory olvidos forgetting.";
    TestIndex.sync(
        index,
        TestIndex.doc("chemo-brain", "Chemo brain", "url: https://example.org/en", body),
        TestIndex.doc("quimio-cerebro", "Chemo brain", "url: https://example.org/es", body)
            .replace("language: en", "language: es"),
        TestIndex.doc(
            "gardening",
            "Gardening",
            "url: https://example.org/g",
            "Roses need sun and water in the spring."));
    SearchRequest english =
        SearchRequest.builder()
            .query("what is chemo brain and how does it affect memory")
            .mode(SearchMode.SEMANTIC)
            .build();
    // Its twin in the other language is not the best match, so it follows every English page.
    List<String> en = search.search(english).hits().stream().map(Hit::docId).toList();
    assertThat(en).startsWith("chemo-brain").endsWith("quimio-cerebro").contains("gardening");
    SearchRequest spanish =
        SearchRequest.builder()
            .query("qué es el chemo brain y cómo afecta la memoria")
            .mode(SearchMode.SEMANTIC)
            .build();
    assertThat(search.search(spanish).hits())
        .extracting(Hit::docId)
        .startsWith("quimio-cerebro", "chemo-brain");
    // Passages (not pages) keep the gentler prior: the twin stays second.
    assertThat(search.search(english.toBuilder().collapse(false).build()).hits())
        .extracting(Hit::docId)
        .startsWith("chemo-brain", "quimio-cerebro");
    // A language the reader chose is a filter, not a preference.
    assertThat(
            search
                .search(english.toBuilder().filters(Map.of(Fields.LANGUAGE, List.of("es"))).build())
                .hits())
        .extracting(Hit::docId)
        .containsExactly("quimio-cerebro");
  }

  @Test
  void aPageInTheOtherLanguageKeepsTheTopOnlyWhileItIsTheBestMatch() {
    TestIndex.sync(
        index,
        TestIndex.doc(
                "quimio",
                "Enhertu",
                "url: https://example.org/q",
                "Enhertu (trastuzumab deruxtecán) es un medicamento contra el cáncer.")
            .replace("language: en", "language: es"),
        TestIndex.doc(
            "travel",
            "Travelling during treatment",
            "url: https://example.org/t",
            "Plan trips around treatment days; if you take Enhertu, "
                + "nurses can help with forms, insurance and the medicines you carry."));
    // An English search (by its guess) whose only good match is Spanish still shows it first.
    // (A drug's name: the Spanish page's vector reads its words glossed into English, Gloss.)
    SearchResponse r =
        search.search(SearchRequest.builder().query("enhertu").queryLanguage("en").build());
    assertThat(r.hits()).extracting(Hit::docId).startsWith("quimio", "travel");
  }

  @Test
  void theTotalCountsTheDocumentsTheFacetsCountAndEveryPageIsFilled() {
    String[] docs = new String[25];
    for (int i = 0; i < docs.length; i++) {
      docs[i] =
          TestIndex.doc(
              "page-" + i,
              "Page " + i,
              "url: https://example.org/" + i,
              "## First\n\nTiredness and cancer, part one "
                  + i
                  + ".\n\n## Second\n\n"
                  + "Tiredness again, with "
                  + "words ".repeat(i)
                  + ".\n");
    }
    TestIndex.sync(index, docs);
    for (SearchMode mode : SearchMode.values()) {
      SearchResponse first =
          search.search(SearchRequest.builder().query("tiredness").mode(mode).build());
      long languages =
          first.facets().get(Fields.LANGUAGE).stream().mapToLong(FacetCount::count).sum();
      assertThat(first.total()).as(mode.name()).isEqualTo(languages);
      int pages = (int) ((first.total() + 9) / 10);
      SearchResponse last =
          search.search(
              SearchRequest.builder()
                  .query("tiredness")
                  .mode(mode)
                  .limit(10)
                  .offset((pages - 1) * 10)
                  .build());
      assertThat(last.hits())
          .as(mode.name() + " last page")
          .hasSize((int) (first.total() - (pages - 1) * 10L));
    }
    SearchResponse lexical = lexical("tiredness");
    assertThat(lexical.total()).isEqualTo(25);
    // Browsing by a filter counts documents too, though each has two passages.
    SearchResponse browse =
        search.search(
            SearchRequest.builder().filters(Map.of(Fields.AUDIENCE, List.of("patient"))).build());
    assertThat(browse.total())
        .isEqualTo(
            browse.facets().get(Fields.LANGUAGE).stream().mapToLong(FacetCount::count).sum());
    assertThat(
            search
                .search(
                    SearchRequest.builder()
                        .limit(10)
                        .offset(20)
                        .filters(Map.of(Fields.AUDIENCE, List.of("patient")))
                        .build())
                .hits())
        .isNotEmpty();
  }

  @Test
  void aHeadingThatHoldsEveryWordOfTheQueryLiftsItsSection() {
    String jaw =
        TestIndex.doc(
            "jaw",
            "Jaw problems",
            "url: https://example.org/jaw",
            "## Osteonecrosis\n\nBone pain in the jaw, bone pain when chewing: bone pain and more "
                + "bone pain.\n");
    String radiation =
        TestIndex.doc(
            "radiation",
            "Radiation therapy",
            "url: https://example.org/rt",
            "## Radiation to ease bone pain\n\nA short course "
                + "of treatment often helps within weeks.\n");
    TestIndex.sync(index, jaw, radiation);
    Ranking off = ranking("metshub.ranking.headingMatch", "1");
    SearchRequest q = SearchRequest.builder().query("bone pain").mode(SearchMode.LEXICAL).build();
    assertThat(new LuceneSearch(index, off).search(q).hits())
        .extracting(Hit::docId)
        .first()
        .isEqualTo("jaw");
    assertThat(search.search(q).hits()).extracting(Hit::docId).first().isEqualTo("radiation");
    // A vocabulary synonym counts as the word ("mets" is "metastasis").
    String mets =
        TestIndex.doc(
            "mets-pain", "Metastasis", "url: https://example.org/m", "## Pain\n\nSome text.\n");
    TestIndex.sync(index, jaw, radiation, mets);
    assertThat(
            search
                .search(SearchRequest.builder().query("mets pain").mode(SearchMode.LEXICAL).build())
                .hits())
        .extracting(Hit::docId)
        .first()
        .isEqualTo("mets-pain");
  }

  @Test
  void aBestResultThatLacksWordsOfTheQueryIsAWeakMatch() {
    SearchResponse good = lexical("bone denosumab");
    assertThat(good.hits()).extracting(Hit::docId).first().isEqualTo("bone");
    assertThat(good.bestCoverage()).isEqualTo(1.0);
    assertThat(good.weakMatch()).isFalse();
    // "insurance" is nowhere on the best page: one word of two.
    SearchResponse weak = lexical("bone insurance");
    assertThat(weak.hits()).isNotEmpty();
    assertThat(weak.bestCoverage()).isEqualTo(0.5);
    assertThat(weak.weakMatch()).isTrue();
    // Synonyms count, and stop words do not: "the mets" is fully covered by the bone page.
    assertThat(lexical("the mets").weakMatch()).isFalse();
    // No query, no judgement.
    assertThat(search.search(SearchRequest.of("", 10)).weakMatch()).isFalse();
  }

  /** The default ranking but for one setting, given as a -D property. */
  private static Ranking ranking(String property, String value) {
    return ConfigReader.read(Map.of(), new ConfigReader.Sources(Map.of(property, value), Map.of()))
        .config()
        .ranking();
  }

  @Test
  void filtersWorkWithoutQueryTextForBrowsing() {
    SearchResponse r =
        search.search(
            SearchRequest.builder().filters(Map.of(Fields.SITE, List.of("bone"))).build());
    assertThat(r.hits()).extracting(Hit::docId).containsExactly("bone");
    SearchResponse news =
        search.search(
            SearchRequest.builder().filters(Map.of(Fields.DOC_TYPE, List.of("news"))).build());
    assertThat(news.hits()).extracting(Hit::docId).containsExactly("news-sbrt");
  }

  @Test
  void facetCountsCoverEveryDimensionAndStayOpenForTheChosenOne() {
    SearchResponse r =
        search.search(
            SearchRequest.builder().filters(Map.of(Fields.SITE, List.of("bone"))).build());
    assertThat(r.facets()).containsKeys(Fields.FACETS.toArray(String[]::new));
    // drill-sideways: the site facet still shows liver, so the user can widen the filter
    assertThat(r.facets().get(Fields.SITE)).extracting(FacetCount::value).contains("bone", "liver");
    assertThat(r.facets().get(Fields.CANCER_TYPE))
        .extracting(FacetCount::value)
        .contains("breast")
        .doesNotContain("unknown");
    assertThat(r.facets().get(Fields.REVIEW_STATE))
        .extracting(FacetCount::value)
        .containsExactly("current");
  }

  @Test
  void facetCountsCountDocumentsNotPassages() {
    // The bone page has two passages; the draft about bone is not public.
    SearchResponse r = search.search(SearchRequest.of("", 10));
    assertThat(r.facets().get(Fields.SITE)).contains(new FacetCount("bone", 1));
    SearchResponse q = lexical("bone");
    assertThat(q.facets().get(Fields.CANCER_TYPE)).contains(new FacetCount("breast", 1));
  }

  @Test
  void collapseKeepsOneResultPerDocument() {
    SearchResponse all =
        search.search(
            SearchRequest.builder().query("bone").mode(SearchMode.LEXICAL).collapse(false).build());
    SearchResponse collapsed = lexical("bone");
    assertThat(collapsed.hits()).extracting(Hit::docId).doesNotHaveDuplicates();
    assertThat(all.hits().size()).isGreaterThanOrEqualTo(collapsed.hits().size());
  }

  @Test
  void semanticAndHybridModesReturnResults() {
    assertThat(
            search
                .search(
                    SearchRequest.builder()
                        .query("jaundice liver yellow")
                        .limit(5)
                        .mode(SearchMode.SEMANTIC)
                        .build())
                .hits())
        .extracting(Hit::docId)
        .first()
        .isEqualTo("liver");
    assertThat(search.search(SearchRequest.of("jaundice liver yellow", 5)).hits())
        .extracting(Hit::docId)
        .first()
        .isEqualTo("liver");
  }

  @Test
  void pagingSkipsEarlierResults() {
    SearchResponse first =
        search.search(
            SearchRequest.builder().query("cancer").limit(1).mode(SearchMode.LEXICAL).build());
    SearchResponse second =
        search.search(
            SearchRequest.builder()
                .query("cancer")
                .mode(SearchMode.LEXICAL)
                .limit(1)
                .offset(1)
                .build());
    assertThat(first.hits().get(0).docId()).isNotEqualTo(second.hits().get(0).docId());
  }

  @Test
  void stopWordsOnlyQueryFindsNothingLexically() {
    assertThat(lexical("the of and").hits()).isEmpty();
  }

  @Test
  void incrementalUpdateTouchesOnlyWhatChangedAndNeverReEmbedsUnchangedText() {
    int embeddedBefore = embedder.passagesEmbedded;
    IndexUpdate same =
        TestIndex.sync(index, TestIndex.BONE, TestIndex.LIVER, TestIndex.DRAFT, TestIndex.NEWS);
    assertThat(same.unchanged()).isEqualTo(4);
    assertThat(same.changed() + same.added() + same.removed()).isZero();
    assertThat(embedder.passagesEmbedded).isEqualTo(embeddedBefore);

    // The change is in the section's second sentence, so its lead (what is embedded) changes.
    String liverChanged =
        TestIndex.LIVER.replace("can be a sign.", "can be a sign, and so can itching.");
    IndexUpdate one = TestIndex.sync(index, TestIndex.BONE, liverChanged, TestIndex.NEWS);
    assertThat(one.changed()).isEqualTo(1);
    assertThat(one.removed()).isEqualTo(1);
    assertThat(one.unchanged()).isEqualTo(2);
    assertThat(embedder.passagesEmbedded).isEqualTo(embeddedBefore + 1);
    assertThat(lexical("itching").hits()).extracting(Hit::docId).containsExactly("liver");
    SearchRequest curator =
        SearchRequest.builder().query("marrow").mode(SearchMode.LEXICAL).publicOnly(false).build();
    assertThat(search.search(curator).hits()).isEmpty();
  }

  @Test
  void theSameDocumentsReadFromAnotherFolderChangeNothing() {
    // The KB given as another path ('./kb', an absolute path, a copy elsewhere) is the same KB.
    List<org.metshub.kb.KbFile> moved = new java.util.ArrayList<>();
    for (String text : List.of(TestIndex.BONE, TestIndex.LIVER, TestIndex.DRAFT, TestIndex.NEWS)) {
      String id = text.replaceAll("(?s).*?\\nid: (\\S+)\\n.*", "$1");
      moved.add(org.metshub.testing.Fixtures.parse("/elsewhere/kb/learn/" + id + ".md", text));
    }
    moved =
        new org.metshub.kb.Validator(
                org.metshub.kb.Vocabularies.bundled(), org.metshub.testing.Fixtures.schedule())
            .validate(moved);
    IndexUpdate u = KbIndexer.index(index, moved);
    assertThat(u.unchanged()).isEqualTo(4);
    assertThat(u.changed() + u.added() + u.removed()).isZero();
  }

  @Test
  void embeddingsSurviveAReopenThroughTheCache() {
    index.close();
    HashingEmbedder fresh = new HashingEmbedder();
    try (var stale = java.nio.file.Files.walk(data.resolve("index"))) {
      stale.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    index = TestIndex.open(data, fresh);
    IndexUpdate u = TestIndex.sync(index, TestIndex.BONE, TestIndex.LIVER);
    assertThat(u.added()).isEqualTo(2);
    assertThat(u.passagesEmbedded()).isZero();
    assertThat(fresh.passagesEmbedded).isZero();
  }

  @Test
  void corruptIndexIsRebuiltWithAReason() throws IOException {
    index.close();
    try (var files = Files.list(data.resolve("index"))) {
      for (Path p :
          files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        Files.write(p, new byte[] {1, 2, 3, 4});
      }
    }
    index = TestIndex.open(data, embedder);
    assertThat(index.rebuildReason()).get().asString().contains("unreadable");
    IndexUpdate u = TestIndex.sync(index, TestIndex.BONE);
    assertThat(u.added()).isEqualTo(1);
    search = new LuceneSearch(index, Ranking.DEFAULT);
    assertThat(lexical("bone").hits()).extracting(Hit::docId).containsExactly("bone");
  }

  @Test
  void filesWithErrorsAreSkippedAndListed() {
    IndexUpdate u = TestIndex.sync(index, TestIndex.BONE, "---\ntitle: [broken\n---\n");
    assertThat(u.skipped()).extracting(IndexUpdate.Skipped::path).containsExactly("doc1.md");
    assertThat(u.skipped().get(0).describe()).startsWith("doc1.md:");
  }

  @Test
  void aSectionIsFoundByTheQuestionsItsCuratorsWroteForItWhateverWordsItsTextUses() {
    TestIndex.sync(
        index,
        TestIndex.BONE,
        TestIndex.LIVER,
        TestIndex.DRAFT,
        TestIndex.NEWS,
        TestIndex.doc(
            "skin",
            "Skin changes",
            "questions:\n  'Rashes': ['why is my skin itchy and red after chemo']",
            "## Rashes\n\nSome medicines can irritate the skin.\n"));
    SearchResponse r = lexical("itchy red");
    assertThat(r.hits()).isNotEmpty();
    assertThat(r.hits().getFirst().docId()).isEqualTo("skin");
    // Never shown: the passage text and its snippet are the section's own words.
    assertThat(r.hits().getFirst().text()).doesNotContain("itchy");
  }

  @Test
  void aHitsSimilarityIsTheCosineOfItsStoredVectorAddedUpInOneFixedOrder() {
    // Lucene's SIMD cosine adds its lanes in an order the JIT may change during a run, so a hit's
    // similarity could differ in its last bits from one run to the next (and train-sections wrote
    // two different files). Hits carry the cosine computed the way passageSimilarities computes
    // it, to the bit.
    TestIndex.sync(
        index,
        TestIndex.BONE,
        TestIndex.doc(
            "skin",
            "Skin changes",
            "",
            "## Rashes\n\nSome medicines can irritate the skin and make it itchy.\n\n"
                + "## Nails\n\nNails can become brittle during treatment.\n"));
    String q = "itchy skin and brittle nails after treatment";
    List<Hit> hits =
        search
            .search(
                SearchRequest.builder().query(q).mode(SearchMode.SEMANTIC).collapse(false).build())
            .hits();
    Map<String, Double> exact = new java.util.HashMap<>();
    for (PassageSimilarity p : search.passageSimilarities(q, "en", List.of("skin", "bone"))) {
      exact.put(p.docId() + "#" + p.heading(), p.similarity());
    }
    assertThat(hits).isNotEmpty();
    for (Hit h : hits) {
      assertThat(h.similarity())
          .as(h.docId() + "#" + h.heading())
          .isEqualTo(exact.get(h.docId() + "#" + h.heading()));
    }
  }

  @Test
  void aQuestionIsComparedInMeaningWithTheQuestionsEachSectionAnswers() {
    TestIndex.sync(
        index,
        TestIndex.BONE,
        TestIndex.doc(
            "skin",
            "Skin changes",
            "questions:\n  'Rashes': ['why is my skin itchy and red after chemo']",
            "## Rashes\n\nSome medicines can irritate the skin.\n\n"
                + "## Can I use creams?\n\nAsk your team first.\n\n"
                + "## Nails\n\nNails can become brittle.\n"));
    Map<String, PassageSimilarity> byHeading = new java.util.HashMap<>();
    for (PassageSimilarity p :
        search.passageSimilarities(
            "why is my skin itchy and red after chemo", "en", List.of("skin"))) {
      byHeading.put(p.heading().substring(p.heading().lastIndexOf('›') + 1).strip(), p);
    }
    // The curated question itself: the same vector.
    assertThat(byHeading.get("Rashes").asked()).isCloseTo(1.0, within(1e-5));
    // A heading that is a question is one the section answers.
    assertThat(byHeading.get("Can I use creams?").asked()).isBetween(-1.0, 0.99);
    // No questions: nothing to compare with, which is not the same as far.
    assertThat(byHeading.get("Nails").asked()).isNaN();
    assertThat(byHeading.get("Nails").similarity()).isBetween(-1.0, 1.0);
    // A passage of one section: its own lead is the passage's lead vector, stored once.
    assertThat(byHeading.get("Nails").lead()).isEqualTo(byHeading.get("Nails").similarity());
    assertThat(byHeading.get("Rashes").lead()).isEqualTo(byHeading.get("Rashes").similarity());
  }

  @Test
  void shortSectionsIndexedInOnePassageAreEachWeighedByTheirOwnLeadAndQuestions() {
    TestIndex.sync(
        index,
        TestIndex.BONE,
        TestIndex.doc(
            "skin",
            "Skin changes",
            "questions:\n  'Rashes': ['why is my skin itchy and red after chemo']",
            "## Changes\n\n### Rashes\n\nSome medicines can irritate the skin.\n\n"
                + "### Nails\n\nNails can become brittle and split during treatment.\n"));
    List<PassageSimilarity> found =
        search.passageSimilarities(
            "why is my skin itchy and red after chemo", "en", List.of("skin"));
    // Two sections, one passage: an entry each, under its own heading.
    assertThat(found)
        .extracting(PassageSimilarity::heading)
        .containsExactly("Changes › Rashes", "Changes › Nails");
    PassageSimilarity rashes = found.get(0);
    PassageSimilarity nails = found.get(1);
    // The passage's own cosine is shared; the lead and the questions are each section's.
    assertThat(nails.similarity()).isEqualTo(rashes.similarity());
    assertThat(rashes.asked()).isCloseTo(1.0, within(1e-5));
    assertThat(nails.asked()).isNaN();
    assertThat(rashes.lead()).isBetween(-1.0, 1.0);
    assertThat(nails.lead()).isBetween(-1.0, 1.0).isNotEqualTo(rashes.lead());
  }
}
