package org.metshub.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.metshub.kb.Term;
import org.metshub.kb.Vocabularies;
import org.metshub.kb.Vocabulary;

/**
 * Finds the cancer types and metastatic sites a question names. A site word that is part of a
 * cancer name ("lung cancer", "cáncer de pulmón") counts as the cancer, not the site; the umbrella
 * values ({@code general}, {@code metastatic cancer}) are never reported. Thread-safe.
 */
final class Entities {
  record Found(List<String> cancerTypes, List<String> sites) {
    boolean isEmpty() {
      return cancerTypes.isEmpty() && sites.isEmpty();
    }
  }

  private final Vocabularies vocab;
  private final List<Matcher> cancerMatchers = new ArrayList<>();
  private final List<Matcher> siteMatchers = new ArrayList<>();

  private record Matcher(String id, Pattern pattern) {}

  Entities(Vocabularies vocab) {
    this.vocab = vocab;
    Set<String> siteIds = new java.util.HashSet<>(vocab.metastaticSites().ids());
    for (Term t : vocab.cancerTypes().terms()) {
      if (t.id().equals("general") || t.id().equals("metastatic cancer")) {
        continue;
      }
      Set<String> words = new LinkedHashSet<>(t.synonyms());
      words.add(t.label());
      words.add(t.labelEs());
      words.add(t.id() + " cancer");
      words.add(t.id() + " cancers");
      if (!siteIds.contains(t.id())) {
        words.add(t.id()); // "breast", "prostate": not also a place cancer spreads to
        words.addAll(t.terms());
      }
      cancerMatchers.add(new Matcher(t.id(), pattern(words)));
    }
    for (Term t : vocab.metastaticSites().terms()) {
      Set<String> words = new LinkedHashSet<>(t.terms());
      words.add(t.id());
      words.add(t.label());
      words.add(t.labelEs());
      words.addAll(t.synonyms());
      siteMatchers.add(new Matcher(t.id(), pattern(words)));
    }
  }

  private static Pattern pattern(Set<String> words) {
    StringBuilder sb = new StringBuilder("(?iu)(?<![\\p{L}\\p{N}])(?:");
    int i = 0;
    for (String w : words) {
      if (w.isBlank()) {
        continue;
      }
      sb.append(i++ == 0 ? "" : "|")
          .append(Pattern.quote(fold(w).toLowerCase(Locale.ROOT)).replace(" ", "\\E\\s+\\Q"));
    }
    return Pattern.compile(sb.append(")(?![\\p{L}\\p{N}])").toString());
  }

  static String fold(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "");
  }

  /**
   * Words for people that the vocabulary also uses to name a cancer ("children" names childhood
   * cancers), folded.
   */
  private static final Set<String> PEOPLE =
      Set.of(
          "children",
          "child",
          "ninos",
          "nino",
          "adolescents",
          "adolescent",
          "young adults",
          "young adult");

  /** Possessives before a word for people that make it the reader's own ("my children"). */
  private static final Pattern POSSESSIVE =
      Pattern.compile(
          "(?:^|[^\\p{L}\\p{N}])(?:my|our|his|her|their|your|mi|mis|su|sus|tu|tus|nuestro|nuestros"
              + "|nuestra|nuestras)\\s+$");

  Found find(String text) {
    String t = fold(text).toLowerCase(Locale.ROOT);
    List<String> cancers = new ArrayList<>();
    for (Matcher m : cancerMatchers) {
      java.util.regex.Matcher found = m.pattern().matcher(t);
      while (found.find()) {
        // "talk to my children" is about the reader's children, not childhood cancers.
        boolean ownPeople =
            PEOPLE.contains(found.group().replaceAll("\\s+", " "))
                && POSSESSIVE.matcher(t.substring(0, found.start())).find();
        if (!ownPeople) {
          cancers.add(m.id());
          break;
        }
      }
    }
    List<String> sites = new ArrayList<>();
    for (Matcher m : siteMatchers) {
      if (m.pattern().matcher(t).find() && !cancers.contains(m.id())) {
        sites.add(m.id());
      }
    }
    return new Found(cancers, sites);
  }

  /** A phrase naming a site as a place of spread, for a rewritten query. */
  String sitePhrase(String siteId, String language) {
    Vocabulary v = vocab.metastaticSites();
    String label = v.byId(siteId).map(x -> x.label(language)).orElse(siteId);
    return "es".equals(language)
        ? "metástasis en " + label.toLowerCase(Locale.ROOT)
        : label.toLowerCase(Locale.ROOT) + " metastases";
  }

  /**
   * The words that name a cancer type or a site (its label in both languages, synonyms and terms),
   * so that a question naming it in lay words ("colon") can be matched with a page that names it
   * otherwise ("colorectal"). Empty for an unknown id.
   */
  String wordsFor(String id) {
    java.util.Optional<Term> t =
        vocab.cancerTypes().byId(id).or(() -> vocab.metastaticSites().byId(id));
    return t.map(
            x ->
                String.join(
                    " ",
                    x.label(),
                    x.labelEs(),
                    String.join(" ", x.synonyms()),
                    String.join(" ", x.terms())))
        .orElse("");
  }

  String cancerPhrase(String typeId, String language) {
    return vocab.cancerTypes().byId(typeId).map(x -> x.label(language)).orElse(typeId);
  }
}
