package org.metshub.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExcerptBuilderTest {
  /** Relevance by plain lower-case word match, as a stand-in for the analysed terms. */
  static int relevance(String sentence, Set<String> wanted) {
    int n = 0;
    for (String w : sentence.toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) {
      n += wanted.contains(w) ? 1 : 0;
    }
    return n;
  }

  static Excerpt build(String text, String... wanted) {
    Set<String> w = Set.of(wanted);
    return ExcerptBuilder.build(
            "doc", "Heading", "/docs/doc#heading", 1, text, s -> relevance(s, w))
        .orElseThrow();
  }

  static String filler(int sentences, String word) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < sentences; i++) {
      sb.append(i == 0 ? "" : " ")
          .append("Plain sentence number ")
          .append(i)
          .append(" talks about ")
          .append(word)
          .append(" and nothing else at all.");
    }
    return sb.toString();
  }

  @Test
  void aShortSectionIsShownWhole() {
    Excerpt e =
        build(
            "Liver metastases may cause no symptoms.\n\nLater they may cause:\n\n"
                + "- pain on the right side\n- yellow skin",
            "pain");
    assertThat(e.cutBefore()).isFalse();
    assertThat(e.cutAfter()).isFalse();
    assertThat(e.blocks())
        .extracting(Excerpt.Block::kind)
        .containsExactly(
            Excerpt.Kind.PARAGRAPH,
            Excerpt.Kind.PARAGRAPH,
            Excerpt.Kind.LIST_ITEM,
            Excerpt.Kind.LIST_ITEM);
    assertThat(e.sentences())
        .filteredOn(Excerpt.Sentence::marked)
        .extracting(Excerpt.Sentence::text)
        .containsExactly("pain on the right side");
  }

  @Test
  void aListIsNeverShownWithoutItsLeadIn() {
    String text =
        filler(12, "weather")
            + "\n\nSigns of spread to the liver can include:\n\n"
            + "- pain under the ribs\n- yellow skin or eyes\n- itchy skin\n- swelling in the belly\n\n"
            + filler(12, "gardens");
    Excerpt e = build(text, "yellow", "itchy", "skin", "swelling");
    List<String> shown = e.sentences().stream().map(Excerpt.Sentence::text).toList();
    assertThat(shown).contains("Signs of spread to the liver can include:", "itchy skin");
    assertThat(shown.indexOf("Signs of spread to the liver can include:"))
        .isLessThan(shown.indexOf("pain under the ribs"));
    assertThat(e.cutBefore()).isTrue();
    assertThat(e.words()).isLessThanOrEqualTo(ExcerptBuilder.MAX_LIST_WORDS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"These", "This", "It", "They", "Estos", "Esto"})
  void neverOpensOnASentenceThatPointsBack(String opener) {
    String text =
        filler(10, "weather")
            + " The liver filters the blood. "
            + opener
            + " can cause yellow skin and itchy skin when the liver is full of tumours. "
            + filler(10, "gardens");
    Excerpt e = build(text, "yellow", "itchy", "skin");
    String first = e.sentences().getFirst().text();
    assertThat(ExcerptBuilder.dangling(first)).as(first).isFalse();
    assertThat(e.sentences())
        .extracting(Excerpt.Sentence::text)
        .contains("The liver filters the blood.");
  }

  @Test
  void aSectionThatOpensByPointingBackIsShownFromItsNextSentence() {
    Excerpt e =
        build(
            "Este recorrido es difícil. La mayoría de las células que se desprenden"
                + " mueren. Solo unas pocas forman un tumor nuevo.",
            "células");
    assertThat(e.sentences().getFirst().text())
        .isEqualTo("La mayoría de las células que se desprenden mueren.");
    assertThat(e.sentences()).hasSize(2);
    // Also when the section is long and a window is chosen.
    Excerpt longer = build("This journey is hard. " + filler(30, "cells"), "cells");
    assertThat(longer.sentences().getFirst().text()).doesNotStartWith("This journey");
  }

  @Test
  void aLeadInThatPointsForwardToItsListStays() {
    String leadIn = "Estos son los tratamientos principales del cáncer de páncreas:";
    assertThat(ExcerptBuilder.dangling(leadIn)).isFalse();
    assertThat(ExcerptBuilder.dangling("Estos tratamientos ayudan.")).isTrue();
    Excerpt e =
        build(
            leadIn
                + "\n\n- La quimio es el tratamiento principal.\n"
                + "- La terapia dirigida se puede sumar.",
            "quimio");
    assertThat(e.sentences().getFirst().text()).isEqualTo(leadIn);
    // A pointing opener that is the only lead-in of a list is kept: a list never goes alone.
    Excerpt list =
        build(
            "This is one of the most common sources of confusion.\n\n"
                + "- Relative risk compares two groups.\n- Absolute risk is the actual chance.",
            "risk");
    assertThat(list.sentences().getFirst().text())
        .isEqualTo("This is one of the most common sources of confusion.");
  }

  @Test
  void staysWithinTheWordLimitsAndCutsOnlyAtSentences() {
    Excerpt e = build(filler(40, "weather"), "weather");
    assertThat(e.words()).isBetween(ExcerptBuilder.MIN_WORDS, ExcerptBuilder.MAX_WORDS);
    assertThat(e.sentences()).allMatch(s -> s.text().endsWith("."));
  }

  @Test
  void captionsReferenceNumbersAndNavigationAreNeverQuoted() {
    Excerpt e =
        build(
            "Enlarge\n\nDrawing shows the liver and the gallbladder.\n\n"
                + "Bone pain is common [572,573]. It can be eased.\n\n"
                + "See the Treatment Option Overview section for more information.",
            "bone");
    String all = String.join(" ", e.sentences().stream().map(Excerpt.Sentence::text).toList());
    assertThat(all).isEqualTo("Bone pain is common. It can be eased.");
  }

  @Test
  void anEmptySectionGivesNoExcerpt() {
    assertThat(ExcerptBuilder.build("d", "H", "/docs/d", 1, "Enlarge\n\n", s -> 0)).isEmpty();
  }
}
