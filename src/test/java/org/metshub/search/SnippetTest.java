package org.metshub.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A snippet's invariants and its runs, which both edges render. */
class SnippetTest {
  private static Snippet.Highlight h(int start, int end) {
    return new Snippet.Highlight(start, end);
  }

  @Test
  void partsAlternatePlainAndHighlightedRunsAndCoverTheWholeText() {
    Snippet s = new Snippet("bone pain and more bone", List.of(h(0, 4), h(5, 9), h(19, 23)));
    assertThat(s.parts())
        .containsExactly(
            new Snippet.Part("bone", true),
            new Snippet.Part(" ", false),
            new Snippet.Part("pain", true),
            new Snippet.Part(" and more ", false),
            new Snippet.Part("bone", true));
    assertThat(String.join("", s.parts().stream().map(Snippet.Part::text).toList()))
        .isEqualTo(s.text());
  }

  @Test
  void aPlainSnippetIsOnePart() {
    assertThat(Snippet.plain("just text").parts())
        .containsExactly(new Snippet.Part("just text", false));
    assertThat(Snippet.plain("").parts()).isEmpty();
  }

  @Test
  void touchingHighlightsAreAllowed() {
    assertThat(new Snippet("abcd", List.of(h(0, 2), h(2, 4))).parts())
        .hasSize(2)
        .allMatch(Snippet.Part::highlighted);
  }

  @Test
  void overlappingUnorderedOrOutOfBoundsHighlightsAreRefused() {
    assertThat(
            assertThrows(
                    IllegalArgumentException.class,
                    () -> new Snippet("abcdef", List.of(h(0, 3), h(2, 4))))
                .getMessage())
        .contains("in order, apart and inside the 6 characters");
    assertThrows(
        IllegalArgumentException.class, () -> new Snippet("abcdef", List.of(h(3, 4), h(0, 1))));
    assertThrows(IllegalArgumentException.class, () -> new Snippet("abc", List.of(h(1, 4))));
    assertThat(assertThrows(IllegalArgumentException.class, () -> h(2, 2)).getMessage())
        .contains("0 <= start < end, got [2, 2)");
    assertThrows(IllegalArgumentException.class, () -> h(-1, 2));
  }
}
