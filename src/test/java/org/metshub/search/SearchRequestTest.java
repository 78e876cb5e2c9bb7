package org.metshub.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.metshub.error.MetsHubException.BadInput;

class SearchRequestTest {
  @Test
  void theBuilderStartsFromAPublicPageByPageHybridSearch() {
    SearchRequest r = SearchRequest.builder().query("  bone pain ").build();
    assertThat(r)
        .isEqualTo(
            new SearchRequest(
                "bone pain",
                Map.of(),
                10,
                0,
                SearchMode.HYBRID,
                /* publicOnly= */ true,
                /* collapse= */ true,
                /* facets= */ true,
                Optional.empty(),
                /* snippets= */ true));
    assertThat(SearchRequest.of("bone pain", 10)).isEqualTo(r);
  }

  @Test
  void toBuilderKeepsWhatItIsNotTold() {
    SearchRequest curator =
        SearchRequest.builder()
            .query("marrow")
            .mode(SearchMode.LEXICAL)
            .publicOnly(false)
            .collapse(false)
            .facets(false)
            .snippets(false)
            .queryLanguage("es")
            .filters(Map.of(Fields.SITE, List.of("bone")))
            .limit(20)
            .offset(40)
            .build();
    assertThat(curator.toBuilder().build()).isEqualTo(curator);
    SearchRequest next = curator.toBuilder().offset(60).build();
    assertThat(next.offset()).isEqualTo(60);
    assertThat(next.toBuilder().offset(40).build()).isEqualTo(curator);
  }

  @Test
  void buildChecksTheRequest() {
    var tooMany = SearchRequest.builder().limit(SearchRequest.MAX_LIMIT + 1);
    assertThat(assertThrows(BadInput.class, tooMany::build).getMessage())
        .isEqualTo("limit must be between 1 and 100, got 101");
    var unknown = SearchRequest.builder().filters(Map.of("colour", List.of("blue")));
    assertThat(assertThrows(BadInput.class, unknown::build).getMessage())
        .startsWith("unknown filter 'colour'");
  }
}
