package org.metshub.answer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.metshub.kb.KbException;
import org.metshub.search.Analyzers;
import org.metshub.search.Hit;
import org.metshub.text.Sentences;

/**
 * Chooses the sentences of an extractive answer from the top passages: each candidate sentence
 * is scored by how many of the question's terms (synonyms included) it contains, plus the
 * passage's similarity to the question and a small bonus for coming early in its passage;
 * sentences that repeat an already chosen one (Jaccard overlap of terms above
 * {@link #MAX_OVERLAP}) are skipped. Sentences are kept verbatim. Thread-safe.
 */
final class SentenceSelector {
  static final int MIN_SENTENCES = 2;
  static final int MAX_SENTENCES = 4;
  static final double MAX_OVERLAP = 0.5;

  private final Analyzers analyzers;

  SentenceSelector(Analyzers analyzers) {
    this.analyzers = analyzers;
  }

  /** A chosen sentence with the passage it comes from. */
  record Chosen(String text, Hit passage, int passageRank, int position, double score) {}

  /**
   * Words nearly every KB sentence shares; they count only when a question has nothing more
   * specific, so "what is X" is matched on X.
   */
  private static final String GENERIC =
      "cancer cancers metastatic metastasis metastases metastasize spread tumor tumour cell cells"
          + " disease body people person patient patients doctor team care mean means"
          + " cáncer metastásico metastásica metástasis tumor células célula enfermedad cuerpo"
          + " personas paciente pacientes equipo mets met distant meaning usually often normally"
          + " common commonly typically mostly generally happen happens"
          // who is asking about whom says nothing about what is asked
          + " mom mum mother dad father husband wife partner son daughter sister brother friend"
          + " family wife's husband's madre padre esposo esposa pareja hijo hija mamá papá"
          + " hermano hermana amigo amiga familia"
          // question words and pronouns: they say how something is asked, not what
          + " what how why when where who which whom whose do does did can could should would"
          + " will shall may might must is are am was were be been being have has had i me my"
          + " mine myself you your we our us he she his her they them their it its about tell"
          + " know get got any some there here please thing things kind type types"
          + " qué que cómo como por cuál cuáles cuándo dónde quién puedo puede debo debe es son"
          + " está están estoy hay mi mis yo me usted su sus nos nuestro tengo tiene"
          + " hago hace hacen hacer sé saber quiero le les lo la";

  /** The generic words as analysed terms of a language. */
  Set<String> genericTerms(String language) {
    return terms(analyzers.textAnalyzer(language), GENERIC);
  }

  /**
   * Like {@link #select(String, String, List)}, but only sentences that contain one of
   * {@code keyTerms} may start the answer: an answer must speak about what was asked.
   */
  List<Chosen> select(String question, String language, List<Hit> passages,
      Set<String> keyTerms) {
    List<Chosen> chosen = select(question, language, passages);
    if (keyTerms.isEmpty()) {
      return chosen;
    }
    Analyzer text = analyzers.textAnalyzer(language);
    Set<String> said = new HashSet<>();
    chosen.forEach(c -> said.addAll(terms(text, c.text())));
    boolean speaksToIt = said.stream().anyMatch(keyTerms::contains);
    // Or, failing the rarest word, most of the question's specific terms are there.
    Set<String> wanted = terms(text, question);
    wanted.removeAll(genericTerms(language));
    long covered = wanted.stream().filter(said::contains).count();
    boolean mostly = !wanted.isEmpty() && covered * 5 >= wanted.size() * 3;
    return speaksToIt || mostly ? chosen : List.of();
  }

  List<Chosen> select(String question, String language, List<Hit> passages) {
    Analyzer text = analyzers.textAnalyzer(language);
    Set<String> all = terms(analyzers.queryAnalyzer(language), question);
    Set<String> generic = genericTerms(language);
    // Specific or not is decided on the question's own words, not on their synonyms: "what
    // does metastasis mean" asks about a generic word and may be answered on it.
    Set<String> own = terms(text, question);
    own.removeAll(generic);
    Set<String> qTerms = new HashSet<>(all);
    if (!own.isEmpty()) {
      qTerms.removeAll(generic);
    }
    if (qTerms.isEmpty() || passages.isEmpty()) {
      return List.of();
    }
    List<Chosen> candidates = new ArrayList<>();
    List<Set<String>> candidateTerms = new ArrayList<>();
    for (int p = 0; p < passages.size(); p++) {
      Hit h = passages.get(p);
      List<String> sentences = Sentences.split(h.text());
      for (int i = 0; i < sentences.size(); i++) {
        String s = sentences.get(i);
        if (!usable(s)) {
          continue;
        }
        Set<String> sTerms = terms(text, s);
        long shared = sTerms.stream().filter(qTerms::contains).count();
        if (shared == 0) {
          continue;
        }
        double coverage = (double) shared / qTerms.size();
        double similarity = Double.isNaN(h.similarity()) ? 0.5 : h.similarity();
        double score = coverage + 0.5 * similarity + 0.15 / (1 + i) - 0.05 * p;
        candidates.add(new Chosen(s, h, p, i, score));
        candidateTerms.add(sTerms);
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> candidates.get(i).score()).reversed());
    List<Chosen> chosen = new ArrayList<>();
    List<Set<String>> chosenTerms = new ArrayList<>();
    for (int i : order) {
      if (chosen.size() == MAX_SENTENCES) {
        break;
      }
      Set<String> t = candidateTerms.get(i);
      if (chosenTerms.stream().anyMatch(c -> jaccard(c, t) > MAX_OVERLAP)) {
        continue;
      }
      chosen.add(candidates.get(i));
      chosenTerms.add(t);
    }
    if (chosen.size() == 1) {
      // One relevant sentence alone reads abruptly: add the sentence that follows it.
      Chosen only = chosen.get(0);
      List<String> ss = Sentences.split(only.passage().text());
      int next = only.position() + 1;
      if (next < ss.size() && usable(ss.get(next))) {
        chosen.add(new Chosen(ss.get(next), only.passage(), only.passageRank(), next, 0));
      }
    }
    // Read in passage order, then sentence order, so the answer flows.
    chosen.sort(Comparator.comparingInt(Chosen::passageRank).thenComparingInt(Chosen::position));
    return chosen;
  }

  /** Sentences about the page itself rather than the subject. */
  private static final java.util.regex.Pattern META = java.util.regex.Pattern.compile(
      "(?iu)^(this|the) (page|article|section|summary|guide)\\b|^(esta|la) (p[aá]gina|secci[oó]n)"
          + "\\b|^(read this page|leer en|lea esta)|\\bsay \"|\\bse pronuncia\\b|^see (also|the)\\b"
          + "|^(vea|consulte) "
          // a misconception stated to be corrected must not be quoted on its own
          + "|^(many|some|a lot of|most) (people|patients|families) (think|believe|assume|worry"
          + "|fear|feel)\\b|\\bmyths?\\b|^(muchas|algunas) personas (piensan|creen)\\b|\\bmitos?\\b");

  /** Sentences worth quoting: whole, not a heading or lead-in, not a link line or question. */
  static boolean usable(String s) {
    int words = Sentences.wordCount(s);
    return words >= 5 && words <= 60 && !s.endsWith(":") && !s.endsWith("?")
        && !s.contains("http") && !s.contains("/docs/") && !META.matcher(s).find()
        && !titleCase(s)
        && (Character.isLetterOrDigit(s.codePointAt(0)) || s.startsWith("\"")
            || s.startsWith("¡"));
  }

  /** A heading that slipped into the text: most words capitalised ("Questions to Ask Your…"). */
  static boolean titleCase(String s) {
    String[] w = s.split("\\s+");
    int caps = 0;
    for (String x : w) {
      if (!x.isEmpty() && Character.isUpperCase(x.codePointAt(0))) {
        caps++;
      }
    }
    return w.length >= 3 && caps * 3 >= w.length * 2;
  }

  static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    Set<String> inter = new HashSet<>(a);
    inter.retainAll(b);
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    return (double) inter.size() / union.size();
  }

  static Set<String> terms(Analyzer a, String text) {
    Set<String> out = new HashSet<>();
    try (TokenStream ts = a.tokenStream("body", text)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String term = t.toString();
        if (term.length() > 1) {
          out.add(term);
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new KbException("cannot analyse '" + text + "': " + e, e);
    }
    return out;
  }
}
