package org.metshub.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metshub.error.MetsHubException.BadInput;

class WordListsTest {
  /** A small valid words file, with {@code changes} replacing (or, when null, removing) lists. */
  private static String words(Map<String, String> changes) {
    Map<String, String> lists = new LinkedHashMap<>();
    lists.put("followUpFiller", "[what, cancer, 'on']");
    lists.put("followUpOpeners", "[and what about, and]");
    lists.put("followUpPointers", "[it, eso]");
    lists.put("genericWords", "[cancer, tumor]");
    lists.put("populationWords", "[child, 'pregnan\\w*']");
    lists.put("sourcesHeadings", "[sources, sources and further reading]");
    lists.put("danglingOpenings", "[these, 'tambi[eé]n']");
    lists.putAll(changes);
    StringBuilder out = new StringBuilder("# test\n");
    lists.forEach(
        (k, v) -> {
          if (v != null) {
            out.append(k).append(": ").append(v).append('\n');
          }
        });
    return out.toString();
  }

  private static String error(Map<String, String> changes) {
    return assertThrows(BadInput.class, () -> WordLists.read("t.yaml", words(changes)))
        .getMessage();
  }

  @Test
  void theBundledListsLoad() {
    WordLists lists = WordLists.bundled();
    assertThat(lists.followUpFiller()).contains("cancer", "on", "y", "qué");
    assertThat(lists.genericWords()).contains("tumor", "son", "me").doesNotHaveDuplicates();
    assertThat(lists.sourcesHeadings()).contains("sources and further reading");
    assertThat(lists.followUpOpener().matcher("¿y qué hay de los huesos?").find()).isTrue();
    assertThat(lists.followUpPointer().matcher("is it safe").find()).isTrue();
    assertThat(lists.population().matcher("Childhood cancers").find()).isTrue();
    assertThat(lists.population().matcher("Embarazada").find()).isTrue();
    assertThat(lists.population().matcher("Wild children's").find()).isTrue();
    assertThat(lists.population().matcher("Metastatic breast cancer").find()).isFalse();
    assertThat(lists.danglingOpening().matcher("These are common").find()).isTrue();
    assertThat(lists.danglingOpening().matcher("So-called mets").find()).isFalse();
    assertThat(lists.danglingOpening().matcher("Thesis").find()).isFalse();
  }

  @Test
  void aSmallValidFileLoads() {
    WordLists lists = WordLists.read("t.yaml", words(Map.of()));
    assertThat(lists.followUpFiller()).containsExactlyInAnyOrder("what", "cancer", "on");
    assertThat(lists.followUpOpener().pattern()).isEqualTo("(?iu)^[¿¡\\s]*(and what about|and)\\b");
  }

  @Test
  void aMissingListIsNamed() {
    Map<String, String> without = new LinkedHashMap<>();
    without.put("sourcesHeadings", null);
    assertThat(error(without))
        .isEqualTo("t.yaml: sourcesHeadings: is required and must be a non-empty list");
  }

  @Test
  void anEmptyListIsRefused() {
    assertThat(error(Map.of("genericWords", "[]")))
        .isEqualTo("t.yaml: genericWords: is required and must be a non-empty list, got '[]'");
  }

  @Test
  void aWordListedTwiceIsRefused() {
    assertThat(error(Map.of("followUpFiller", "[what, cancer, cancers, cancer]")))
        .isEqualTo("t.yaml: followUpFiller[3]: is listed twice (also at [1]), got 'cancer'");
  }

  @Test
  void aBadRegexIsNamedWithItsEntry() {
    assertThat(error(Map.of("populationWords", "[child, 'pregnan(\\w*']")))
        .startsWith("t.yaml: populationWords[1]: is not a valid regular expression (Unclosed group")
        .endsWith(", got 'pregnan(\\w*'");
  }

  @Test
  void aPatternThatMatchesEverythingIsRefused() {
    assertThat(error(Map.of("followUpPointers", "[it, 'x?']")))
        .isEqualTo(
            "t.yaml: followUpPointers[1]: matches an empty text, so it would match everything,"
                + " got 'x?'");
  }

  @Test
  void anUnknownListIsRefused() {
    assertThat(error(Map.of("folowUpFiller", "[what]")))
        .startsWith(
            "t.yaml: folowUpFiller: unknown list; expected one of [followUpFiller, followUpOpeners,");
  }

  @Test
  void capitalsAndPhrasesWhereWordsBelongAreRefused() {
    assertThat(error(Map.of("sourcesHeadings", "[Sources]")))
        .isEqualTo("t.yaml: sourcesHeadings[0]: must be lower case, got 'Sources'");
    assertThat(error(Map.of("followUpFiller", "[what about]")))
        .isEqualTo("t.yaml: followUpFiller[0]: must be one word, got 'what about'");
  }

  @Test
  void aYamlBooleanIsRefusedWithTheFix() {
    assertThat(error(Map.of("followUpFiller", "[what, true]")))
        .isEqualTo(
            "t.yaml: followUpFiller[1]: is read by YAML as true/false; put the word in quotes,"
                + " e.g. 'on', got 'true'");
  }

  @Test
  void aDuplicateKeyIsRefused() {
    assertThat(
            assertThrows(
                    BadInput.class,
                    () -> WordLists.read("t.yaml", words(Map.of()) + "genericWords: [again]\n"))
                .getMessage())
        .startsWith("t.yaml: line 9: is not valid YAML: ")
        .contains("genericWords");
  }

  private static final String TYPES =
      """
      types:
        support: [support, 'help(line)?']
        research: [trial]
        prognosis: [surviv]
        symptoms: [symptom]
        treatment: [treat]
        definition: ['^(what|whats) (is|are)', 'mean(ing|s)?\\b']
      """;

  @Test
  void theBundledQuestionTypesLoad() {
    assertThat(QuestionType.of("What is the treatment?")).isEqualTo(QuestionType.TREATMENT);
    assertThat(QuestionType.of("¿Qué es la enfermedad oligometastásica?"))
        .isEqualTo(QuestionType.DEFINITION);
    var types = QuestionType.read("q.yaml", TYPES);
    assertThat(types.get(QuestionType.SUPPORT).pattern()).isEqualTo("(?iu)support|help(line)?");
    assertThat(types).doesNotContainKey(QuestionType.GENERAL);
  }

  @Test
  void anUnknownQuestionTypeIsRefused() {
    BadInput e =
        assertThrows(
            BadInput.class, () -> QuestionType.read("q.yaml", TYPES + "  feelings: [sad]\n"));
    assertThat(e.getMessage())
        .isEqualTo(
            "q.yaml: types.feelings: unknown question type;"
                + " expected one of [support, research, prognosis, symptoms, treatment, definition]");
    BadInput general =
        assertThrows(
            BadInput.class, () -> QuestionType.read("q.yaml", TYPES + "  general: [anything]\n"));
    assertThat(general.getMessage()).startsWith("q.yaml: types.general: unknown question type");
  }

  @Test
  void aMissingOrBadQuestionTypeIsNamed() {
    BadInput missing =
        assertThrows(
            BadInput.class,
            () -> QuestionType.read("q.yaml", TYPES.replace("  research: [trial]\n", "")));
    assertThat(missing.getMessage())
        .isEqualTo("q.yaml: types.research: is required and must be a non-empty list");
    BadInput bad =
        assertThrows(
            BadInput.class,
            () -> QuestionType.read("q.yaml", TYPES.replace("[surviv]", "[surviv, 'pron[oó']")));
    assertThat(bad.getMessage())
        .startsWith(
            "q.yaml: types.prognosis[1]: is not a valid regular"
                + " expression (Unclosed character class");
  }
}
