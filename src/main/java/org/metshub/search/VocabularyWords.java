package org.metshub.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.metshub.error.MetsHubException.Internal;

/**
 * The words of MetsHub's patient vocabulary (the bundled synonym files) and of its cancer type and
 * metastatic site vocabularies, as plain sets of lower-case words: what spelling correction never
 * "corrects" ({@link #medicalWords}) and what a question's subject can be named by ({@link
 * #subjectWords}). No Lucene here, so the answer path can read them without the search engine's
 * classes. Stateless.
 */
public final class VocabularyWords {
  private VocabularyWords() {}

  /** Every word that appears in a bundled synonym file (lower case): never "corrected". */
  public static Set<String> synonymWords(String resource) {
    Set<String> out = new HashSet<>();
    for (String line : ruleLines(resource)) {
      out.addAll(words(line));
    }
    return Set.copyOf(out);
  }

  /**
   * The words that stand alone as a term of a rule in a bundled synonym file ("nausea", "femur",
   * "cure"), lower case: a concept by itself, unlike a word only found inside a phrase ("like" of
   * "acne like rash", "days" of "final days").
   */
  public static Set<String> synonymTerms(String resource) {
    Set<String> out = new HashSet<>();
    for (String line : ruleLines(resource)) {
      for (String term : line.split("=>|,")) {
        List<String> words = words(term);
        if (words.size() == 1) {
          out.add(words.getFirst());
        }
      }
    }
    return Set.copyOf(out);
  }

  /** The lines of a bundled synonym file that are not comments (none when it is absent). */
  static List<String> ruleLines(String resource) {
    try (InputStream in = VocabularyWords.class.getResourceAsStream(resource)) {
      if (in == null) {
        return List.of();
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.strip().startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new Internal("cannot read " + resource + ": " + e.getMessage(), e);
    }
  }

  /**
   * The words a question's subject can be named by: every word that stands alone as a term of the
   * bundled synonym files ({@link #synonymTerms}) and every word of the ids and terms of the cancer
   * type and metastatic site vocabularies, lower case. Unlike {@link #medicalWords}, not the
   * everyday words found only inside a synonym's phrase.
   */
  public static Set<String> subjectWords(org.metshub.kb.Vocabularies vocab) {
    Set<String> words = new HashSet<>(synonymTerms("/search/synonyms-en.txt"));
    words.addAll(synonymTerms("/search/synonyms-es.txt"));
    for (var v : List.of(vocab.cancerTypes(), vocab.metastaticSites())) {
      for (var t : v.terms()) {
        // The words a page is matched by, not the labels and synonyms, whose acronyms can be
        // everyday words ("ALL" of leukemia; "all" and "any" of "All cancers").
        words.addAll(words(t.id() + " " + String.join(" ", t.terms())));
      }
    }
    return Set.copyOf(words);
  }

  /** The words of a text, lower case, split on anything but letters and digits. */
  private static List<String> words(String text) {
    return java.util.Arrays.stream(
            text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> !w.isEmpty())
        .toList();
  }

  /**
   * The medical words MetsHub knows: every word of the bundled synonym files and of the cancer type
   * and metastatic site vocabularies (ids, terms, synonyms, labels), lower case. Spelling
   * correction prefers them and never "corrects" them.
   */
  public static Set<String> medicalWords(org.metshub.kb.Vocabularies vocab) {
    Set<String> words = new HashSet<>(synonymWords("/search/synonyms-en.txt"));
    words.addAll(synonymWords("/search/synonyms-es.txt"));
    words.addAll(vocabularyWords(vocab));
    return Set.copyOf(words);
  }

  /** Every word of the cancer type and metastatic site vocabularies (ids, terms, labels). */
  private static Set<String> vocabularyWords(org.metshub.kb.Vocabularies vocab) {
    Set<String> words = new HashSet<>();
    for (var v : List.of(vocab.cancerTypes(), vocab.metastaticSites())) {
      for (var t : v.terms()) {
        String all =
            t.id()
                + " "
                + String.join(" ", t.terms())
                + " "
                + String.join(" ", t.synonyms())
                + " "
                + t.label()
                + " "
                + t.labelEs();
        words.addAll(words(all));
      }
    }
    return Set.copyOf(words);
  }
}
