package org.metshub.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generic words of a question: "mama" is the breast in "cáncer de mama", not a mother. */
class GenericWordsTest {
  /** Analyses as the Spanish chain does for these words: lower case, accents folded. */
  static final class Folding extends CoverageTest.CountingSearch {
    Folding() {
      super(Map.of());
    }

    @Override
    public Set<String> terms(String text, String language) {
      String folded =
          Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
              .replaceAll("\\p{M}", "");
      return Arrays.stream(folded.split("[^\\p{L}\\p{N}]+"))
          .filter(t -> t.length() > 1)
          .collect(Collectors.toSet());
    }
  }

  final GenericWords generic = new GenericWords(new Folding());

  @Test
  void theFamilyWordMamaIsGenericAndTheBreastIsNot() {
    // "mamá" is a family word: its folded term "mama" is generic on its own.
    assertThat(generic.terms("es")).contains("mama");
    // The reader's mother: accented, or after a possessive.
    assertThat(generic.terms("es", "a mi mama le dijeron que tiene metastasis")).contains("mama");
    assertThat(generic.terms("es", "la mamá de mi esposo tiene cancer")).contains("mama");
    assertThat(generic.terms("es", "su  mama y tu mama")).contains("mama");
    // The breast: "cáncer de mama", "Mama", "mamas"; also when a mother is named beside it.
    assertThat(generic.terms("es", "como se trata el cancer de mama metastasico"))
        .doesNotContain("mama", "mamas");
    assertThat(generic.terms("es", "Cáncer de Mama")).doesNotContain("mama");
    assertThat(generic.terms("es", "a mi mama le dijeron que tiene cancer de mama"))
        .doesNotContain("mama");
    // Other words that start with it are not it; other generic words stay.
    assertThat(generic.terms("es", "mamografia de control")).contains("mama", "que");
    assertThat(generic.terms("es", "cancer de mama")).contains("que", "cancer");
    // English questions are not read this way.
    assertThat(generic.terms("en", "mama said breast cancer")).isEqualTo(generic.terms("en"));
  }
}
