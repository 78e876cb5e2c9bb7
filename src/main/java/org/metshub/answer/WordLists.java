package org.metshub.answer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The word lists of the answer path, read from {@code answer/words.yaml}: the file holds the words,
 * the code the frame around them (a pattern list becomes one regular expression whose anchors stay
 * here, beside the code that relies on them). Every list is checked when read (see {@link
 * AnswerYaml}); the bundled file is read once. Immutable and thread-safe.
 *
 * @param followUpFiller words of a follow-up that carry no topic ({@link FollowUp})
 * @param followUpOpener an opening that makes a question a follow-up
 * @param followUpPointer a word that points back at the previous turn's subject
 * @param genericWords words that say little about what is asked, in file order ({@link
 *     GenericWords})
 * @param population a word of a title or heading about children, pregnancy or inherited syndromes
 *     ({@link SectionChoice})
 * @param sourcesHeadings headings, lower case, of the sections that list a page's sources
 * @param danglingOpening an opening that points back at a sentence not shown ({@link
 *     ExcerptBuilder})
 */
record WordLists(
    Set<String> followUpFiller,
    Pattern followUpOpener,
    Pattern followUpPointer,
    List<String> genericWords,
    Pattern population,
    Set<String> sourcesHeadings,
    Pattern danglingOpening) {
  private static final List<String> KEYS =
      List.of(
          "followUpFiller",
          "followUpOpeners",
          "followUpPointers",
          "genericWords",
          "populationWords",
          "sourcesHeadings",
          "danglingOpenings");

  WordLists {
    followUpFiller = Set.copyOf(followUpFiller);
    genericWords = List.copyOf(genericWords);
    sourcesHeadings = Set.copyOf(sourcesHeadings);
  }

  private static final class Bundled {
    static final WordLists LISTS =
        read("answer/words.yaml", AnswerYaml.resource("/answer/words.yaml"));
  }

  /** The lists shipped in the jar (read once). */
  static WordLists bundled() {
    return Bundled.LISTS;
  }

  /** Reads and checks the lists of {@code text}; {@code source} names the file in messages. */
  static WordLists read(String source, String text) {
    AnswerYaml yaml = new AnswerYaml(source);
    JsonNode root = yaml.parse(text);
    yaml.onlyKeys(root, "", KEYS, "list");
    return new WordLists(
        Set.copyOf(yaml.words(root, "followUpFiller", "", /* phrases= */ false)),
        yaml.pattern(root, "followUpOpeners", "", "^[¿¡\\s]*(", ")\\b"),
        yaml.pattern(root, "followUpPointers", "", "\\b(", ")\\b"),
        yaml.words(root, "genericWords", "", /* phrases= */ false),
        yaml.pattern(root, "populationWords", "", "\\b(", ")\\b"),
        Set.copyOf(yaml.words(root, "sourcesHeadings", "", /* phrases= */ true)),
        // A hyphen after the word makes it part of a compound ("so-called"), not a pointer.
        yaml.pattern(root, "danglingOpenings", "", "^(?:", ")\\b(?![-\u2010])"));
  }
}
