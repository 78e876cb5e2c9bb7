package org.metshub.answer;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A question analysed once, for every later step of the answer path.
 *
 * @param asked the question as searched: follow-up context added, trusted typo corrections made
 * @param language the answer's language
 * @param intent what it asks for (sections are chosen by it)
 * @param type the coarse type the similarity threshold is set by
 * @param cancerTypes the cancer types it names (or that the conversation is about)
 * @param sites the metastatic sites it names (or that the conversation is about)
 * @param wanted its own analysed terms, without the generic ones ("cancer", "what")
 * @param keyTerms its rarest terms in the KB: an answer must speak about one of them
 * @param aspects what the question as typed asks for that the answering section must speak about
 *     (its cost, which of two is better, a number: {@link Aspects})
 */
record QuestionAnalysis(
    String asked,
    String language,
    Intent intent,
    QuestionType type,
    List<String> cancerTypes,
    List<String> sites,
    Set<String> wanted,
    Set<String> keyTerms,
    List<Aspects.Aspect> aspects) {
  QuestionAnalysis {
    Objects.requireNonNull(asked, "asked");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(type, "type");
    cancerTypes = List.copyOf(cancerTypes);
    sites = List.copyOf(sites);
    // In sorted order, not Set.copyOf: an immutable set's iteration order changes from one run
    // to the next, and the sums over these terms (coverage, rarity) must come out to the same
    // bits so that training gives the same file twice.
    wanted = sorted(wanted);
    keyTerms = sorted(keyTerms);
    aspects = List.copyOf(aspects);
  }

  private static Set<String> sorted(Set<String> terms) {
    return java.util.Collections.unmodifiableSet(
        new java.util.LinkedHashSet<>(new java.util.TreeSet<>(terms)));
  }
}
