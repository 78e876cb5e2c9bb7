package org.metshub.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.metshub.kb.Vocabularies;
import org.metshub.search.Search;
import org.metshub.search.SearchRequest;
import org.metshub.search.SearchResponse;

/** Which words of a question the KB never uses, and which is its key term. */
class CoverageTest {
  /**
   * A KB of known passage counts per term, analysed by lower-casing; the query side widens "mets"
   * to "metastasis" as the patient vocabulary does.
   */
  static class CountingSearch implements Search {
    final Map<String, Long> df;

    CountingSearch(Map<String, Long> df) {
      this.df = df;
    }

    @Override
    public SearchResponse search(SearchRequest request) {
      throw new UnsupportedOperationException("Coverage never searches");
    }

    @Override
    public long passagesContaining(String term, String language) {
      return df.getOrDefault(term, 0L);
    }

    @Override
    public Set<String> terms(String text, String language) {
      return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
          .filter(t -> t.length() > 1)
          .collect(Collectors.toSet());
    }

    @Override
    public Set<String> queryTerms(String text, String language) {
      Set<String> out = new HashSet<>(terms(text, language));
      if (out.contains("mets")) {
        out.add("metastasis");
      }
      return out;
    }
  }

  final Coverage coverage =
      new Coverage(
          new CountingSearch(
              Map.of(
                  "liver",
                  40L,
                  "jaundice",
                  3L,
                  "metastasis",
                  300L,
                  "treated",
                  60L,
                  "bone",
                  80L,
                  "like",
                  2L,
                  "all",
                  1L,
                  "counseling",
                  9L)),
          Vocabularies.bundled());
  final Set<String> generic = Set.of("what", "is", "how", "the", "cancer", "my", "of", "for", "in");

  @Test
  void wordsNoPassageUsesAreUnknownAndGenericOnesAreNotCounted() {
    assertThat(coverage.unknownWords("what is ivermectin for liver cancer", "en", generic))
        .containsExactly("ivermectin");
    assertThat(coverage.contentWords("what is ivermectin for liver cancer", "en", generic))
        .isEqualTo(2);
    assertThat(coverage.unknownWords("how is the cancer treated", "en", generic)).isEmpty();
  }

  @Test
  void contractionsTypedWithoutTheApostropheAndFillerWordsAreGeneric() {
    // The bundled generic words, as the answer path uses them: "cant", "ok", "tio" and "va"
    // once made the gate abstain as words the KB never uses.
    Set<String> bundled = new GenericWords(new CountingSearch(Map.of())).terms("en");
    assertThat(coverage.unknownWords("why cant my liver ok", "en", bundled)).isEmpty();
    assertThat(coverage.unknownWords("va mi tío, va mi tio", "es", bundled)).isEmpty();
    assertThat(coverage.unknownWords("why cant ivermectin", "en", bundled))
        .containsExactly("ivermectin");
    // When and for what occasion the reader asks, grandchildren and text-message words say
    // nothing about what is asked: "results not till tuesday" once abstained on "tuesday".
    Set<String> spanish = new GenericWords(new CountingSearch(Map.of())).terms("es");
    assertThat(
            coverage.unknownWords("liver tuesday till tomorrow, ok wedding bc doc", "en", bundled))
        .isEmpty();
    assertThat(coverage.unknownWords("lunes cargar mi nieta la boda", "es", spanish))
        .containsExactly("cargar");
    // A place, a drug or a disease the KB never names stays unknown beside them.
    assertThat(coverage.unknownWords("ivermectin texas monday", "en", bundled))
        .containsExactly("ivermectin", "texas");
  }

  @Test
  void aWordIsKnownWhenOneOfItsVocabularyWideningsIsUsed() {
    // "mets" occurs in no passage, but the query side widens it to "metastasis", which does.
    assertThat(coverage.unknownWords("liver mets", "en", generic)).isEmpty();
  }

  @Test
  void theKeyTermIsTheRarestMedicalWordWithItsForms() {
    // jaundice (3 passages) is rarer than liver (40): the question is about jaundice.
    assertThat(coverage.keyTerms("liver jaundice", "en", generic)).containsExactly("jaundice");
    // Words outside the medical vocabulary are never key terms.
    assertThat(coverage.keyTerms("what is ivermectin", "en", generic)).isEmpty();
  }

  @Test
  void aWordFoundOnlyInsideAVocabularyPhraseIsNeverTheKeyTerm() {
    // "like" (of "acne like rash") and "all" (of "tired all the time", and the leukemia acronym
    // ALL)
    // are rarer here than "counseling", but name no subject: the question is about counseling.
    assertThat(coverage.keyTerms("help with my feelings, like counseling", "en", generic))
        .containsExactly("counseling");
    assertThat(coverage.keyTerms("is it normal to not want sex at all", "en", generic)).isEmpty();
  }

  @Test
  void aCorrectionIsTrustedWhenCloseOrWhenItIsAMedicalWord() {
    assertThat(coverage.trustworthy("jaundise", "jaundice", "en")).isTrue();
    assertThat(coverage.trustworthy("livr", "liver", "en")).isTrue();
    // "steve" is two edits from "steps", which is no medical word: a name stays unknown.
    assertThat(coverage.trustworthy("steve", "steps", "en")).isFalse();
    // A short word is one letter from many: "pick" is not "pica", "dads" not "days".
    assertThat(coverage.trustworthy("pick", "pica", "en")).isFalse();
    assertThat(coverage.trustworthy("dads", "days", "en")).isFalse();
  }

  @Test
  void aCorrectionOfAWordSpelledRightIsNeverTrusted() {
    // "cried" is one letter from "cured", which the KB uses; search knows "cried" is an English
    // word of its own, so the question keeps it.
    Coverage knowing =
        new Coverage(
            new CountingSearch(Map.of("cured", 12L, "curing", 2L)) {
              @Override
              public boolean otherWord(String typed, String correction, String language) {
                return typed.equals("cried");
              }
            },
            Vocabularies.bundled());
    assertThat(knowing.trustworthy("cried", "cured", "en")).isFalse();
    assertThat(knowing.trustworthy("curred", "cured", "en")).isTrue();
  }

  /** A KB whose terms occur on its English pages only. */
  static class EnglishPagesOnly extends CountingSearch {
    EnglishPagesOnly(Map<String, Long> df) {
      super(df);
    }

    @Override
    public long passagesContaining(String term, String language) {
      return language.equals("en") ? super.passagesContaining(term, language) : 0;
    }
  }

  @Test
  void aCorrectionOntoAWordTheQuestionsLanguageNeverUsesIsNotTrusted() {
    // The index spells both languages: "jaundice" is English only here.
    Coverage englishOnly =
        new Coverage(new EnglishPagesOnly(Map.of("jaundice", 3L)), Vocabularies.bundled());
    assertThat(englishOnly.trustworthy("jaundise", "jaundice", "en")).isTrue();
    assertThat(englishOnly.trustworthy("jaundise", "jaundice", "es")).isFalse();
  }

  @Test
  void aSpanishWordIsKnownWhenWhatItMeansInEnglishIsGenericOrOnAnEnglishPage() {
    // The Spanish pages use none of these words; the English pages use "belly".
    Map<String, String> gloss =
        Map.of("digo", "i tell", "panza", "belly", "perro", "dog", "bogotá", "bogota");
    Coverage glossing =
        new Coverage(
            new EnglishPagesOnly(Map.of("belly", 5L)) {
              @Override
              public String forModel(String text, String language) {
                return language.equals("es") ? gloss.getOrDefault(text, text) : text;
              }
            },
            Vocabularies.bundled());
    Set<String> spanish = Set.of("mi", "le", "el", "de", "la");
    // "i tell" is generic words only; "belly" is on an English page; "dog" is on none; "bogotá"
    // is not in the glossary (it reaches the model as typed, accents folded).
    assertThat(glossing.unknownWords("le digo de la panza", "es", spanish)).isEmpty();
    assertThat(glossing.unknownWords("el perro de bogotá", "es", spanish))
        .containsExactly("perro", "bogotá");
    // English questions are not glossed: an English word the pages never use stays unknown.
    assertThat(glossing.unknownWords("digo panza", "en", generic)).containsExactly("digo", "panza");
  }
}
