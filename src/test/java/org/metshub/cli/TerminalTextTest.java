package org.metshub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metshub.search.Snippet;

/** What the terminal shows of a search snippet. */
class TerminalTextTest {
  @Test
  void aSnippetShowsEachHighlightBetweenStarsAndItsTextAsWritten() {
    Snippet s = new Snippet("Bone & <b>pain</b>: SBRT-guided", List.of(
        new Snippet.Highlight(0, 4), new Snippet.Highlight(10, 14),
        new Snippet.Highlight(20, 24), new Snippet.Highlight(24, 31)));
    assertThat(SearchCommand.starred(s)).isEqualTo("*Bone* & <b>*pain*</b>: *SBRT**-guided*");
  }
}
