package org.metshub.answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.metshub.search.Search;
import org.metshub.search.VocabularyWords;

/**
 * Which words of a question the KB has never seen. A question whose key words are unknown to the KB
 * ("how do I tell my kids", "best pizza in town") cannot be answered from it, however close the
 * nearest passage looks to the embedding model. A word counts as known when it, or one of its
 * patient-vocabulary synonyms, occurs in at least one passage of the language; a Spanish word also
 * when what it means in English ({@link Search#forModel}) is generic or occurs in an English
 * passage: "preguntamos" ("we ask") and "panza" ("belly") are everyday words the Spanish pages
 * happen not to use, not subjects the KB never covers.
 */
final class Coverage {
  private final Search search;
  private final Set<String> medicalWords;
  private final Set<String> subjectWords;
  private final GenericWords generic;

  Coverage(Search search, org.metshub.kb.Vocabularies vocab) {
    this.search = search;
    this.medicalWords = VocabularyWords.medicalWords(vocab);
    this.subjectWords = VocabularyWords.subjectWords(vocab);
    this.generic = new GenericWords(search);
  }

  /** The question's content words (stop and generic words left out) that the KB never uses. */
  List<String> unknownWords(String question, String language, Set<String> generic) {
    List<String> unknown = new ArrayList<>();
    for (String word : question.split("[^\\p{L}\\p{N}'-]+")) {
      if (word.isBlank()) {
        continue;
      }
      Set<String> own = own(word, language);
      own.removeAll(generic);
      if (own.isEmpty()) {
        continue; // a stop word or a word every page shares
      }
      Set<String> expansions = new HashSet<>(search.queryTerms(word, language));
      expansions.addAll(own);
      if (expansions.stream().noneMatch(t -> search.passagesContaining(t, language) > 0)
          && !knownInEnglish(word, language)) {
        unknown.add(word);
      }
    }
    return unknown;
  }

  /**
   * Whether a word of a question in another language means, in English, something generic or
   * something the English passages use. False for an English word, and for a word the glossary does
   * not know (it reaches the model as typed: "chicago", "covid").
   */
  private boolean knownInEnglish(String word, String language) {
    if ("en".equals(language)) {
      return false;
    }
    String english = search.forModel(word, language);
    if (english.equals(org.metshub.text.Accents.fold(word))) {
      return false; // not in the glossary: read as typed
    }
    Set<String> terms = new HashSet<>(search.terms(english, "en"));
    terms.removeAll(generic.terms("en"));
    return terms.isEmpty() || terms.stream().anyMatch(t -> search.passagesContaining(t, "en") > 0);
  }

  /**
   * The analysed forms (with synonyms) of the question's rarest subject word ({@link
   * VocabularyWords#subjectWords}: a term of the patient vocabulary on its own, or a word the
   * cancer and site vocabularies match by): the word an answer must speak about. Empty when the
   * question has none, so everyday words ("usually", "day", and "like" or "all", which only occur
   * inside the vocabulary's phrases) never decide, and never show as what a section fails to speak
   * about on the content-gaps page.
   */
  Set<String> keyTerms(String question, String language, Set<String> generic) {
    Set<String> best = Set.of();
    long bestDf = Long.MAX_VALUE;
    for (String word : question.split("[^\\p{L}\\p{N}'-]+")) {
      if (!subjectWords.contains(word.toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      Set<String> own = own(word, language);
      own.removeAll(generic);
      if (own.isEmpty()) {
        continue;
      }
      Set<String> forms = new HashSet<>(search.queryTerms(word, language));
      forms.addAll(own);
      forms.removeAll(generic);
      long df =
          forms.stream()
              .mapToLong(t -> search.passagesContaining(t, language))
              .filter(x -> x > 0)
              .min()
              .orElse(0);
      if (df > 0 && df < bestDf) {
        bestDf = df;
        best = forms;
      }
    }
    return best;
  }

  /**
   * Whether a spelling correction can be believed when judging what the KB knows: it must be a word
   * the passages of the question's language use (the index spells both languages, and "pick" is one
   * letter from the Spanish "pica"), and one edit away, or two edits away onto a word of the
   * medical vocabulary ("metastsis" → "metastasis"). A word of four letters or fewer is one letter
   * from many words ("dads" / "days", "mayo" / "mano"): only a medical one is believed ("livr" →
   * "liver").
   */
  boolean trustworthy(String typo, String correction, String language) {
    String t = typo.toLowerCase(java.util.Locale.ROOT);
    String c = correction.toLowerCase(java.util.Locale.ROOT);
    int d = org.metshub.kb.Vocabulary.editDistance(t, c);
    boolean medical = medicalWords.contains(c);
    boolean near = d <= 1 && (t.length() > 4 || medical) || d == 2 && medical;
    // A word of the language spelled right ("cried", "boda") is what was meant, whatever KB word
    // lies one letter away ("cured", "boca").
    return near
        && !search.otherWord(t, c, language)
        && search.terms(c, language).stream()
            .anyMatch(term -> search.passagesContaining(term, language) > 0);
  }

  /** Content words of the question, for the share of unknown ones. */
  int contentWords(String question, String language, Set<String> generic) {
    int n = 0;
    for (String word : question.split("[^\\p{L}\\p{N}'-]+")) {
      Set<String> own = own(word, language);
      own.removeAll(generic);
      if (!own.isEmpty()) {
        n++;
      }
    }
    return n;
  }

  /** The terms {@code a} makes of {@code text}, longer than one letter. */
  private Set<String> own(String word, String language) {
    return new HashSet<>(search.terms(word, language));
  }
}
