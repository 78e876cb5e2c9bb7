package org.metshub.kb;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.Internal;
import org.metshub.json.Json;

/**
 * A controlled vocabulary read from a YAML list of terms. It resolves raw values (canonical ids,
 * synonyms, any case, {@code -}/{@code _}/space variants) to terms, suggests the closest valid id
 * for a wrong value, and tells whether a text mentions a term. Immutable and thread-safe.
 */
public final class Vocabulary {
  private final String name;
  private final List<Term> terms;
  private final Map<String, Term> byKey;
  private final Map<String, List<Mention>> mentionPatterns;

  public Vocabulary(String name, List<Term> terms) {
    this.name = name;
    this.terms = List.copyOf(terms);
    Map<String, Term> keys = new LinkedHashMap<>();
    Map<String, List<Mention>> patterns = new LinkedHashMap<>();
    for (Term t : this.terms) {
      if (keys.putIfAbsent(key(t.id()), t) != null) {
        throw new BadInput("vocabulary " + name + ": duplicate id '" + t.id() + "'");
      }
    }
    for (Term t : this.terms) {
      for (String s : t.synonyms()) {
        keys.putIfAbsent(key(s), t);
      }
      if (!t.terms().isEmpty()) {
        patterns.put(t.id(), t.terms().stream().map(Vocabulary::mention).toList());
      }
    }
    // Kept in insertion order (ids in vocabulary order, then synonyms) so that closest() breaks
    // ties the same way on every run; Map.copyOf iterates in a per-JVM random order.
    this.byKey = java.util.Collections.unmodifiableMap(keys);
    this.mentionPatterns = Map.copyOf(patterns);
  }

  /** Reads a vocabulary bundled under {@code /vocab/NAME.yaml} on the class path. */
  public static Vocabulary bundled(String name) {
    String resource = "/vocab/" + name + ".yaml";
    try (InputStream in = Vocabulary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new Internal("vocabulary " + resource + " is missing from the class path");
      }
      JsonNode root = Json.YAML.readTree(in);
      if (root == null || !root.isArray()) {
        throw new BadInput("vocabulary " + resource + " must be a YAML list of terms");
      }
      List<Term> list = new ArrayList<>();
      for (JsonNode n : root) {
        list.add(toTerm(resource, n));
      }
      return new Vocabulary(name, list);
    } catch (IOException e) {
      throw new Internal("cannot read vocabulary " + resource + ": " + e.getMessage(), e);
    }
  }

  private static Term toTerm(String resource, JsonNode n) {
    if (!n.hasNonNull("id")) {
      throw new BadInput("vocabulary " + resource + ": every term needs an id, got " + n);
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    n.properties()
        .forEach(
            e -> {
              if (e.getValue().isValueNode()) {
                attributes.put(e.getKey(), e.getValue().asText());
              }
            });
    return new Term(
        n.get("id").asText(),
        n.path("label").asText(""),
        n.path("labelEs").asText(""),
        texts(n.path("synonyms")),
        texts(n.path("terms")),
        attributes);
  }

  private static List<String> texts(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(x -> out.add(x.asText()));
    return out;
  }

  public String name() {
    return name;
  }

  public List<Term> terms() {
    return terms;
  }

  /** The term whose id or synonym matches {@code raw}, ignoring case, accents and separators. */
  public Optional<Term> resolve(String raw) {
    return raw == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(raw)));
  }

  /** The term with exactly this canonical id. */
  public Optional<Term> byId(String id) {
    return terms.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /**
   * The valid id closest to a wrong value (by edit distance over ids and synonyms); on a tie, the
   * earliest id in the vocabulary file wins, then the earliest synonym.
   */
  public String closest(String raw) {
    String k = key(raw);
    String best = terms.isEmpty() ? "" : terms.get(0).id();
    int bestDistance = Integer.MAX_VALUE;
    for (Map.Entry<String, Term> e : byKey.entrySet()) {
      int d = editDistance(k, e.getKey());
      if (d < bestDistance) {
        bestDistance = d;
        best = e.getValue().id();
      }
    }
    return best;
  }

  /**
   * True when {@code text} mentions the term by one of its words (whole words, any case). The text
   * is lower-cased once; each word's first token is found with a plain substring search and only
   * those places are checked for a word boundary before and the rest of the word after. The
   * validator runs this over whole documents, where one case-insensitive alternation regex with a
   * look-behind tried every word at every position (2.5 ms a document on the NCI corpus).
   */
  public boolean mentions(Term term, String text) {
    return mentionsInLowerCase(term, text.toLowerCase(Locale.ROOT));
  }

  /**
   * {@link #mentions} for a text already lower-cased with {@link Locale#ROOT}: a caller checking
   * several terms against one long text lowers it once.
   */
  public boolean mentionsInLowerCase(Term term, String lower) {
    List<Mention> words = mentionPatterns.get(term.id());
    if (words == null) {
      return false;
    }
    for (Mention m : words) {
      int at = lower.indexOf(m.probe());
      while (at >= 0) {
        if ((at == 0 || !isWordChar(lower.codePointBefore(at)))
            && m.rest().matcher(lower).region(at, lower.length()).lookingAt()) {
          return true;
        }
        at = lower.indexOf(m.probe(), at + 1);
      }
    }
    return false;
  }

  /** True when the term has words to look for in a text. */
  public boolean hasMentionWords(Term term) {
    return mentionPatterns.containsKey(term.id());
  }

  /** Ids in vocabulary order. */
  public List<String> ids() {
    return terms.stream().map(Term::id).toList();
  }

  static String key(String raw) {
    String s = Normalizer.normalize(raw.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return s.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", " ").trim();
  }

  /** A letter or number, as {@code [\p{L}\p{N}]}. */
  private static boolean isWordChar(int cp) {
    int type = Character.getType(cp);
    return Character.isLetter(cp)
        || type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /**
   * One word of a term: its first lower-cased token, and the whole word followed by a word boundary
   * (tokens joined by spaces or hyphens).
   */
  private record Mention(String probe, Pattern rest) {}

  private static Mention mention(String word) {
    String lower = word.toLowerCase(Locale.ROOT).strip();
    String probe = lower.split(" ", 2)[0];
    String quoted = Pattern.quote(lower).replace(" ", "\\E[\\s\\-]+\\Q");
    return new Mention(probe, Pattern.compile(quoted + "(?![\\p{L}\\p{N}])"));
  }

  /** Levenshtein distance between two strings. */
  public static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
