package org.metshub.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.kb.Vocabularies;
import org.metshub.testing.Fixtures;

/**
 * How much of a passage its vector reads: the whole passage, its first word pieces, or no passage
 * vector at all (the section lead's vector then does both jobs). Each is its own index signature,
 * embeds only what it needs, and still searches and weighs sections by meaning.
 */
class PassageVectorOptionsTest {
  @TempDir Path dir;

  private static SearchIndex open(Path data, Embedder e, IndexOptions options) {
    return SearchIndex.open(
        data, Analyzers.bundled(), e, options, Fixtures.schedule(), Vocabularies.bundled());
  }

  @Test
  void theSettingIsParsedFromWordsOrNumbersAndBadOnesAreNamed() {
    assertThat(IndexOptions.parsePassageTokens("whole")).isEqualTo(IndexOptions.WHOLE);
    assertThat(IndexOptions.parsePassageTokens(" none ")).isEqualTo(IndexOptions.NO_PASSAGE_VECTOR);
    assertThat(IndexOptions.parsePassageTokens("128")).isEqualTo(128);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> IndexOptions.parsePassageTokens("lots"));
    assertThat(e.getMessage()).contains("'whole', 'none' or a number", "'lots'");
    IllegalArgumentException tooFew =
        assertThrows(IllegalArgumentException.class, () -> new IndexOptions(true, true, 2));
    assertThat(tooFew.getMessage()).contains("at least 3");
    assertThrows(IllegalArgumentException.class, () -> new IndexOptions(true, true, -2));
  }

  @Test
  void eachSettingIsItsOwnIndexSignature() {
    HashingEmbedder e = new HashingEmbedder();
    String whole = new IndexOptions(true, true, IndexOptions.WHOLE).signature(e);
    String cut = new IndexOptions(true, true, 128).signature(e);
    String none = new IndexOptions(true, true, IndexOptions.NO_PASSAGE_VECTOR).signature(e);
    assertThat(List.of(whole, cut, none)).doesNotHaveDuplicates();
    assertThat(cut).contains("passageTokens=128");
    assertThat(new IndexOptions(true, false, 128).signature(e)).endsWith("vectors=none");
  }

  @Test
  void theDefaultIsNoPassageVector() {
    assertThat(IndexOptions.DEFAULT.passageVectors()).isFalse();
    assertThat(IndexOptions.DEFAULT.withVectors()).isTrue();
  }

  @Test
  void withoutPassageVectorsOnlyLeadsAreEmbeddedAndSearchStillFindsByMeaning() {
    HashingEmbedder whole = new HashingEmbedder();
    try (SearchIndex index =
        open(dir.resolve("whole"), whole, new IndexOptions(true, true, IndexOptions.WHOLE))) {
      TestIndex.sync(index, TestIndex.BONE, TestIndex.LIVER);
    }
    HashingEmbedder leadsOnly = new HashingEmbedder();
    IndexOptions none = new IndexOptions(true, true, IndexOptions.NO_PASSAGE_VECTOR);
    try (SearchIndex index = open(dir.resolve("none"), leadsOnly, none)) {
      TestIndex.sync(index, TestIndex.BONE, TestIndex.LIVER);
      assertThat(leadsOnly.passagesEmbedded).isPositive().isLessThan(whole.passagesEmbedded);
      LuceneSearch search = new LuceneSearch(index, Ranking.DEFAULT);
      var semantic =
          search.search(
              SearchRequest.builder()
                  .query("jaundice yellowing skin")
                  .limit(3)
                  .mode(SearchMode.SEMANTIC)
                  .build());
      assertThat(semantic.hits()).isNotEmpty();
      assertThat(semantic.hits().get(0).docId()).isEqualTo("liver");
      var hybrid = search.search(SearchRequest.of("bone pain radiation", 3));
      assertThat(hybrid.hits().get(0).docId()).isEqualTo("bone");
      // the answer path still weighs every section of a page by meaning, through the leads
      var sims = search.passageSimilarities("radiation for bone pain", "en", List.of("bone"));
      assertThat(sims).isNotEmpty().allSatisfy(s -> assertThat(s.docId()).isEqualTo("bone"));
    }
  }

  @Test
  void aCutPassageVectorReadsOnlyTheStartOfItsPassage() {
    HashingEmbedder e = new HashingEmbedder();
    var docs =
        KbIndexer.documents(
            new org.metshub.kb.Validator(Vocabularies.bundled(), Fixtures.schedule())
                .validate(List.of(Fixtures.parse("bone.md", TestIndex.BONE))));
    List<String> cut = SearchIndex.embeddingTexts(docs, new IndexOptions(true, true, 8), e);
    List<String> all =
        SearchIndex.embeddingTexts(docs, new IndexOptions(true, true, IndexOptions.WHOLE), e);
    List<String> none =
        SearchIndex.embeddingTexts(
            docs, new IndexOptions(true, true, IndexOptions.NO_PASSAGE_VECTOR), e);
    // leads are read whole; passage texts at most 8 words (the test embedder counts words)
    assertThat(none).isNotEmpty().allSatisfy(lead -> assertThat(cut).contains(lead));
    assertThat(cut)
        .filteredOn(t -> !none.contains(t))
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.split("\\s+")).hasSizeLessThanOrEqualTo(8));
    assertThat(all)
        .filteredOn(t -> !none.contains(t))
        .anySatisfy(t -> assertThat(t.split("\\s+")).hasSizeGreaterThan(8));
    assertThat(none.size()).isLessThan(all.size());
  }
}
