package org.metshub.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhrasePatternTest {
  private static final Map<String, List<String>> TERMS =
      Map.of("drug", List.of("xgeva", "zoledronic acid", "oxy*"));

  private static List<String> found(String phrase, String message) {
    return PhrasePattern.compile(phrase, TERMS).find(NormalisedText.of(message)).stream()
        .map(Span::text)
        .toList();
  }

  @Test
  void matchesWholeWordsOnly() {
    assertThat(found("pain", "painful feet, then pain")).containsExactly("pain");
    assertThat(found("breast", "breastfeeding")).isEmpty();
  }

  @Test
  void starMatchesWordsWithThatStart() {
    assertThat(found("breath*", "breathing and breathless"))
        .containsExactly("breathing", "breathless");
  }

  @Test
  void groupsOfferAlternativesAndQuestionMarksMakeThemOptional() {
    String phrase = "(cant|cannot|unable to) (really)? breathe";
    assertThat(found(phrase, "I can't really breathe")).containsExactly("cant really breathe");
    assertThat(found(phrase, "unable to breathe")).containsExactly("unable to breathe");
    assertThat(found("(my)? legs", "legs")).containsExactly("legs");
    assertThat(found("(my)? legs", "my legs")).containsExactly("my legs");
  }

  @Test
  void gapSkipsUpToFourWordsButNeverAClauseBreak() {
    assertThat(found("fever ... chemo", "fever of 38 5 and chemo")).hasSize(1);
    assertThat(found("fever ... chemo", "fever of 38 5 and my chemo")).isEmpty();
    assertThat(found("fever ... chemo", "fever. chemo")).isEmpty();
  }

  @Test
  void hashMatchesANumberAndBracesATermList() {
    assertThat(found("temp of #", "temp of 39")).containsExactly("temp of 39");
    assertThat(found("temp of #", "temp of many")).isEmpty();
    assertThat(found("{drug} or {drug}", "xgeva or zoledronic acid"))
        .containsExactly("xgeva or zoledronic acid");
    assertThat(found("more {drug}", "more oxycodone")).containsExactly("more oxycodone");
  }

  @Test
  void phrasesAreNormalisedLikeMessages() {
    assertThat(found("can't breathe", "CANT BREATHE")).hasSize(1);
    assertThat(found("compresión medular", "compresion medular")).hasSize(1);
    assertThat(found("x-ray", "my x ray")).containsExactly("x ray");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
      ''            => the phrase is empty
      (cant breathe => '(' is never closed
      cant) breathe => unexpected ')'
      ... chemo     => cannot start
      fever ...     => cannot end
      (really)?     => needs a required word
      (a|) b        => needs a required word
      {nodrug} dose => unknown term list {nodrug}
      cuant(o|os)   => must stand apart
      chest pain!   => unexpected '!'
      """)
  void malformedPhrasesAreRefusedWithTheReason(String phrase, String reason) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PhrasePattern.compile(phrase, TERMS));
    assertThat(e.getMessage()).contains(reason);
  }

  @Test
  void termListsCannotReferToOtherLists() {
    Map<String, List<String>> terms = Map.of("a", List.of("{b}"), "b", List.of("x"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PhrasePattern.compile("{a}", terms));
    assertThat(e.getMessage()).contains("term '{b}' of {a}");
  }
}
