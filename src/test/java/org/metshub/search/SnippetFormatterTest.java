package org.metshub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The highlight offsets of a snippet, from passages and matches as the unified highlighter gives
 * them: each offset points into the snippet's own text, whatever the script.
 */
class SnippetFormatterTest {
  private final SnippetFormatter formatter = new SnippetFormatter();

  /** A passage over {@code [start, end)} of the content with the given match spans. */
  private static Passage passage(int start, int end, int... matches) {
    Passage p = new Passage();
    p.setStartOffset(start);
    p.setEndOffset(end);
    for (int i = 0; i < matches.length; i += 2) {
      p.addMatch(matches[i], matches[i + 1], new BytesRef("t"), 1);
    }
    return p;
  }

  private static List<String> marked(Snippet s) {
    return s.highlights().stream().map(h -> s.text().substring(h.start(), h.end())).toList();
  }

  private static int[] span(String content, String word) {
    int at = content.indexOf(word);
    return new int[] {at, at + word.length()};
  }

  @Test
  void offsetsPointAtTheMatchedWords() {
    String content = "Radiation can ease bone pain for many people.";
    int[] bone = span(content, "bone");
    int[] pain = span(content, "pain");
    Snippet s =
        formatter.format(
            new Passage[] {passage(0, content.length(), bone[0], bone[1], pain[0], pain[1])},
            content);
    assertThat(s.text()).isEqualTo(content);
    assertThat(s.highlights())
        .containsExactly(new Snippet.Highlight(19, 23), new Snippet.Highlight(24, 28));
    assertThat(marked(s)).containsExactly("bone", "pain");
  }

  @Test
  void listItemsShowAsBulletsOnOneLineAndTheHighlightsStayOnTheirWords() {
    String content =
        "Symptoms may include:\n- bone pain\n- a cough that will not go away\n"
            + "Some people have none - at first.";
    int[] bone = span(content, "bone");
    int[] cough = span(content, "cough");
    Snippet s =
        formatter.format(
            new Passage[] {passage(0, content.length(), bone[0], bone[1], cough[0], cough[1])},
            content);
    assertThat(s.text())
        .isEqualTo(
            "Symptoms may include: • bone pain • a cough that will not go"
                + " away Some people have none - at first.");
    assertThat(marked(s)).containsExactly("bone", "cough");
  }

  @Test
  void aSnippetThatStartsAtAListItemStartsWithABullet() {
    String content = "- bone pain\n- tiredness";
    int[] pain = span(content, "pain");
    Snippet s =
        formatter.format(new Passage[] {passage(0, content.length(), pain[0], pain[1])}, content);
    assertThat(s.text()).isEqualTo("• bone pain • tiredness");
    assertThat(marked(s)).containsExactly("pain");
  }

  @Test
  void aPassageThatStartsAtAListItemAfterTheEllipsisStartsWithABullet() {
    String content = "Bone pain is common.\nOther signs:\n- tiredness\n- thirst";
    int[] bone = span(content, "Bone");
    int[] thirst = span(content, "thirst");
    int item = content.indexOf("- tiredness");
    Snippet s =
        formatter.format(
            new Passage[] {
              passage(0, 20, bone[0], bone[1]),
              passage(item, content.length(), thirst[0], thirst[1])
            },
            content);
    assertThat(s.text()).isEqualTo("Bone pain is common. … • tiredness • thirst");
    assertThat(marked(s)).containsExactly("Bone", "thirst");
  }

  @Test
  void flattenPutsAListOnOneLineWithBullets() {
    assertThat(SnippetFormatter.flatten("- ¿Cuál es la meta?\n- ¿Hay un ensayo?"))
        .isEqualTo("• ¿Cuál es la meta? • ¿Hay un ensayo?");
    assertThat(SnippetFormatter.flatten("a - b")).isEqualTo("a - b");
  }

  @Test
  void aLeadShownWhenNothingMatchedHasEveryListItemAsABullet() {
    assertThat(LuceneSearch.abbreviate("Questions:\n- What phase is it?\n- Who pays?"))
        .isEqualTo("Questions: • What phase is it? • Who pays?");
  }

  @Test
  void offsetsCountUtf16UnitsThroughAccentsAndCharactersOutsideTheBasicPlane() {
    // "é" and "ó" are one unit each, the bone emoji two: offsets are String and JS indices.
    String content = "Las metástasis 🦴 óseas causan dolor: «dolor óseo».";
    int[] metastasis = span(content, "metástasis");
    int[] oseas = span(content, "óseas");
    int[] dolor = span(content, "dolor");
    Snippet s =
        formatter.format(
            new Passage[] {
              passage(
                  0,
                  content.length(),
                  metastasis[0],
                  metastasis[1],
                  oseas[0],
                  oseas[1],
                  dolor[0],
                  dolor[1])
            },
            content);
    assertThat(marked(s)).containsExactly("metástasis", "óseas", "dolor");
    assertThat(s.highlights().get(1).start()).isEqualTo(18);
    assertThat(s.text().codePointCount(0, s.highlights().get(1).start())).isEqualTo(17);
    assertThat(s.text()).contains("«", "»", ":").doesNotContain("&");
  }

  @Test
  void overlappingMatchesBecomeOneHighlight() {
    // A stem and a synonym, or a phrase and its word, can cover the same characters.
    String content = "Bone metastases hurt.";
    Snippet s =
        formatter.format(
            new Passage[] {passage(0, content.length(), 0, 15, 5, 15, 5, 10, 16, 20)}, content);
    assertThat(s.highlights())
        .containsExactly(new Snippet.Highlight(0, 15), new Snippet.Highlight(16, 20));
    assertThat(marked(s)).containsExactly("Bone metastases", "hurt");
  }

  @Test
  void adjacentMatchesStayTwoHighlightsThatTouch() {
    String content = "SBRT-guided radiation";
    Snippet s =
        formatter.format(new Passage[] {passage(0, content.length(), 0, 4, 4, 11)}, content);
    assertThat(s.highlights())
        .containsExactly(new Snippet.Highlight(0, 4), new Snippet.Highlight(4, 11));
    assertThat(s.parts())
        .containsExactly(
            new Snippet.Part("SBRT", true),
            new Snippet.Part("-guided", true),
            new Snippet.Part(" radiation", false));
  }

  @Test
  void passagesApartAreJoinedByAnEllipsisAndLaterOffsetsShiftWithIt() {
    String content = "First sentence about bone. Unrelated middle. Last one on pain.";
    int[] bone = span(content, "bone");
    int[] pain = span(content, "pain");
    int firstEnd = content.indexOf(" Unrelated");
    int lastStart = content.indexOf("Last");
    Snippet s =
        formatter.format(
            new Passage[] {
              passage(0, firstEnd, bone[0], bone[1]),
              passage(lastStart, content.length(), pain[0], pain[1])
            },
            content);
    assertThat(s.text()).isEqualTo("First sentence about bone. … Last one on pain.");
    assertThat(marked(s)).containsExactly("bone", "pain");
  }

  @Test
  void passagesThatTouchAreJoinedWithoutAnEllipsis() {
    String content = "One about bone. Two about pain.";
    int cut = content.indexOf("Two");
    Snippet s =
        formatter.format(
            new Passage[] {passage(0, cut, 10, 14), passage(cut, content.length(), 26, 30)},
            content);
    assertThat(s.text()).isEqualTo(content);
    assertThat(marked(s)).containsExactly("bone", "pain");
  }

  @Test
  void aMatchRunningPastItsPassageIsCutAtThePassageEnd() {
    String content = "Ends with bone metastases here.";
    int end = content.indexOf(" metastases");
    Snippet s = formatter.format(new Passage[] {passage(0, end, 10, 25)}, content);
    assertThat(s.text()).isEqualTo("Ends with bone");
    assertThat(marked(s)).containsExactly("bone");
  }

  @Test
  void textThatLooksLikeMarkupStaysText() {
    String content = "Use <b>care</b> & ask: \"why?\"";
    int[] care = span(content, "care");
    Snippet s =
        formatter.format(new Passage[] {passage(0, content.length(), care[0], care[1])}, content);
    assertThat(s.text()).isEqualTo(content);
    assertThat(marked(s)).containsExactly("care");
  }

  @Test
  void aPassageThatStartsOnTheEndOfTheSentenceBeforeStartsAtItsFirstWord() {
    String content = "Use grab bars.\n- Tell your team about any new bone pain.";
    int[] bone = span(content, "bone");
    int from = content.indexOf(".\n- Tell");
    Snippet s =
        formatter.format(
            new Passage[] {passage(0, 5), passage(from, content.length(), bone[0], bone[1])},
            content);
    assertThat(s.text()).isEqualTo("Use g … • Tell your team about any new bone pain.");
    assertThat(marked(s)).containsExactly("bone");
  }
}
