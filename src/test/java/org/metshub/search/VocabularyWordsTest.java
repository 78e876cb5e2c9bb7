package org.metshub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The vocabulary's words: which are medical, which can name a question's subject. */
class VocabularyWordsTest {
  @Test
  void subjectWordsAreTermsOnTheirOwnNotWordsInsideAPhrase() {
    Set<String> medical = VocabularyWords.medicalWords(org.metshub.kb.Vocabularies.bundled());
    Set<String> subject = VocabularyWords.subjectWords(org.metshub.kb.Vocabularies.bundled());
    // A term by itself in a synonym rule, or a word a cancer type or site is matched by.
    assertThat(subject).contains("nausea", "cure", "jaundice", "leukemia", "myeloma", "liver");
    // Words only found inside phrases ("acne like rash", "tired all the time", "final days") and a
    // type's acronym that is an everyday word (ALL, of leukemia) are medical words for spelling,
    // never subjects.
    assertThat(medical).contains("like", "all", "days");
    assertThat(subject).doesNotContain("like", "all", "days");
    assertThat(subject).isSubsetOf(medical);
  }
}
