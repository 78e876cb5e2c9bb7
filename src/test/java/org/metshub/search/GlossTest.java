package org.metshub.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spanish glossed into English for the embedding model: the glossary's format and its errors, how a
 * text is glossed, and that indexing and search gloss Spanish and only Spanish.
 */
class GlossTest {
  @TempDir Path dir;

  private static final Gloss SMALL =
      Gloss.parse(
          "test",
          """
          # a comment, then a blank line

          pulmon\tlung
          me\t-
          duele\thurts
          el\tthe
          mama\tbreast
          """);

  @Test
  void knownWordsAreGlossedUnknownOnesStayAndParticlesGo() {
    assertThat(SMALL.english("¿Me duele el PULMÓN?")).isEqualTo("hurts the lung");
    assertThat(SMALL.english("letrozol y pulmón")).isEqualTo("letrozol y lung");
    assertThat(SMALL.english("")).isEmpty();
    assertThat(SMALL.english("¿?!")).isEmpty();
    assertThat(SMALL.size()).isEqualTo(5);
  }

  @Test
  void afterAPossessiveMamaAndPapaAreTheReadersParents() {
    assertThat(SMALL.english("a mi mamá le duele el pulmón"))
        .isEqualTo("a mi mom le hurts the lung");
    assertThat(SMALL.english("su papa")).isEqualTo("su dad");
    assertThat(SMALL.english("cáncer de mama")).isEqualTo("cancer de breast");
  }

  @Test
  void badLinesAreNamedWithTheirLineNumber() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Gloss.parse(
                    "g.tsv",
                    "pulmon\tlung\nPulmón\tlung\nuno dos\tone two\nsolo\nvacio\t \npulmon\tlungs\n"));
    assertThat(e.getMessage())
        .contains(
            "g.tsv:2: the Spanish side must be one lower-case word without accents, got 'Pulmón'",
            "g.tsv:3: the Spanish side",
            "g.tsv:4: expected 'spanish<TAB>english', got 'solo'",
            "g.tsv:5: 'vacio' has no English",
            "g.tsv:6: 'pulmon' is given twice");
    assertThrows(IllegalArgumentException.class, () -> Gloss.parse("g", "a\tb\tc\n"));
  }

  @Test
  void theVersionFollowsTheText() {
    assertThat(Gloss.parse("a", "pulmon\tlung\n").version())
        .isEqualTo(Gloss.parse("b", "pulmon\tlung\n").version())
        .isNotEqualTo(Gloss.parse("c", "pulmon\tlungs\n").version())
        .hasSize(12);
  }

  @Test
  void theBundledGlossaryParsesAndKnowsPatientWords() {
    Gloss g = Gloss.bundled();
    assertThat(g.size()).isGreaterThan(3000);
    assertThat(g.english("me duele la panza")).contains("belly");
    assertThat(g.english("el cáncer se pasó al pulmón")).contains("cancer", "lung");
    assertThat(Gloss.forModel("en", "el pulmón")).isEqualTo("el pulmón");
    assertThat(Gloss.forModel("es", "el pulmón")).isEqualTo(g.english("el pulmón"));
  }

  /** Remembers every text it is given. */
  private static final class Recording implements Embedder {
    final HashingEmbedder inner = new HashingEmbedder();
    final List<String> passages = new ArrayList<>();
    final List<String> queries = new ArrayList<>();

    @Override
    public String modelId() {
      return inner.modelId();
    }

    @Override
    public int dimension() {
      return inner.dimension();
    }

    @Override
    public synchronized float[] embedQuery(String query) {
      queries.add(query);
      return inner.embedQuery(query);
    }

    @Override
    public synchronized List<float[]> embedPassages(List<String> texts) {
      passages.addAll(texts);
      return inner.embedPassages(texts);
    }
  }

  @Test
  void spanishPagesAndQuestionsAreGlossedForTheModelButSearchedInTheirOwnWords() {
    Recording model = new Recording();
    String es =
        TestIndex.doc(
                "pulmon-es",
                "Metástasis en el pulmón",
                "",
                """
                ## Síntomas

                La tos y la falta de aire son síntomas comunes cuando el cáncer llega al pulmón.
                """)
            .replace("language: en", "language: es");
    try (SearchIndex index = TestIndex.open(dir, model)) {
      TestIndex.sync(index, es, TestIndex.BONE);
      assertThat(model.passages).anyMatch(t -> t.contains("lung") && t.contains("cough"));
      assertThat(model.passages).noneMatch(t -> t.contains("pulmón") || t.contains("tos"));
      assertThat(model.passages).anyMatch(t -> t.contains("Bone metastases happen"));

      SearchResponse found =
          new LuceneSearch(index, Ranking.DEFAULT)
              .search(
                  SearchRequest.builder()
                      .query("tengo tos")
                      .mode(SearchMode.HYBRID)
                      .queryLanguage("es")
                      .build());
      assertThat(model.queries).contains(Gloss.bundled().english("tengo tos"));
      assertThat(found.hits()).isNotEmpty();
      assertThat(found.hits().getFirst().docId()).isEqualTo("pulmon-es");
      assertThat(found.hits().getFirst().snippet().text()).contains("tos");

      new LuceneSearch(index, Ranking.DEFAULT)
          .search(
              SearchRequest.builder()
                  .query("bone pain")
                  .mode(SearchMode.HYBRID)
                  .queryLanguage("en")
                  .build());
      assertThat(model.queries).contains("bone pain");
      // What the answer path asks for when it judges a Spanish word: the same gloss.
      assertThat(new LuceneSearch(index, Ranking.DEFAULT).forModel("tengo tos", "es"))
          .isEqualTo(Gloss.bundled().english("tengo tos"));
      assertThat(new LuceneSearch(index, Ranking.DEFAULT).forModel("tengo tos", "en"))
          .isEqualTo("tengo tos");
    }
  }

  @Test
  void anIndexBuiltWithAnotherGlossaryIsRebuilt() {
    assertThat(IndexOptions.DEFAULT.signature(new HashingEmbedder()))
        .contains(";gloss=" + Gloss.bundled().version());
    assertThat(new IndexOptions(true, false).signature(new HashingEmbedder()))
        .doesNotContain("gloss");
  }
}
