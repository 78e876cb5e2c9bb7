package org.metshub.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.metshub.error.MetsHubException.Internal;
import org.metshub.text.Accents;

/**
 * Spanish text glossed word by word into English, for the embedding model only. The bundled model
 * (bge-small-en-v1.5) reads English: on Spanish text its vectors barely tell topics apart, so a
 * Spanish question found its pages by their words alone. Glossed, "mi hermana quiere que yo decida
 * por ella en el hospital" reads "my sister wants that i decide for she in the hospital", close in
 * meaning to a section about choosing a health care proxy. Both sides are glossed the same way:
 * Spanish questions when they are embedded, and the section leads and curated questions of Spanish
 * pages when they are indexed. Nothing glossed is ever shown: search, snippets and answers keep the
 * KB's own Spanish words.
 *
 * <p>The glossary ({@code search/gloss-es-en.tsv}) was written for MetsHub: one Spanish word (lower
 * case, accents removed) and its likeliest English sense in a patient's question, tab separated;
 * "-" drops a particle with no useful English. A word it lacks stays as typed (most medical words
 * are near-cognates: "metastasis", "letrozol"). After a possessive, "mama" and "papa" are the
 * reader's mother and father ("a mi mama le dijeron"), not a breast or a potato. Immutable and
 * thread-safe.
 */
final class Gloss {
  /** The bundled glossary's resource. */
  static final String RESOURCE = "/search/gloss-es-en.tsv";

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern ENTRY = Pattern.compile("[a-z0-9]+");
  private static final Set<String> POSSESSIVES =
      Set.of("mi", "tu", "su", "mis", "tus", "sus", "nuestra", "nuestro", "nuestras", "nuestros");
  private static final Map<String, String> KIN =
      Map.of(
          "mama", "mom", "mami", "mom", "mamita", "mom", "papa", "dad", "papi", "dad", "papito",
          "dad");
  private static final String DROP = "-";

  private final Map<String, String> words;
  private final String version;

  private Gloss(Map<String, String> words, String version) {
    this.words = Map.copyOf(words);
    this.version = version;
  }

  private static final class Bundled {
    static final Gloss GLOSS = load();

    private static Gloss load() {
      try (InputStream in = Gloss.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new Internal("the glossary " + RESOURCE + " is missing from the class path");
        }
        return parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new Internal("cannot read " + RESOURCE + ": " + e.getMessage(), e);
      }
    }
  }

  /** The glossary shipped in the jar. */
  static Gloss bundled() {
    return Bundled.GLOSS;
  }

  /**
   * The text the embedding model reads for a text in a language: Spanish glossed by the bundled
   * glossary, other languages as they are.
   */
  static String forModel(String language, String text) {
    return "es".equals(language) ? bundled().english(text) : text;
  }

  /**
   * Parses a glossary: lines of {@code spanish<TAB>english}; blank lines and lines starting with
   * {@code #} are skipped. A line with another number of fields, a Spanish side that is not one
   * lower-case word without accents, an empty English side or a word given twice is an error that
   * names the line.
   */
  static Gloss parse(String name, String text) {
    Map<String, String> words = new HashMap<>();
    List<String> problems = new ArrayList<>();
    int n = 0;
    for (String line : text.split("\n", -1)) {
      n++;
      String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      String[] f = l.split("\t", -1);
      if (f.length != 2) {
        problems.add(name + ":" + n + ": expected 'spanish<TAB>english', got '" + l + "'");
      } else if (!ENTRY.matcher(f[0]).matches()) {
        problems.add(
            name
                + ":"
                + n
                + ": the Spanish side must be one lower-case word without accents, got '"
                + f[0]
                + "'");
      } else if (f[1].isBlank()) {
        problems.add(name + ":" + n + ": '" + f[0] + "' has no English");
      } else if (words.putIfAbsent(f[0], f[1].strip()) != null) {
        problems.add(name + ":" + n + ": '" + f[0] + "' is given twice");
      }
      if (problems.size() >= 20) {
        break;
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    return new Gloss(words, org.metshub.kb.AtomicFiles.hash(text).substring(0, 12));
  }

  /** The English it gives {@code word} (lower case, accents removed), null when none. */
  @Nullable String sense(String word) {
    return words.get(word);
  }

  /** How many words it glosses. */
  int size() {
    return words.size();
  }

  /** A short hash of its text: an index whose vectors were made with another glossary rebuilds. */
  String version() {
    return version;
  }

  /** The text's words in English where the glossary knows them, as typed where it does not. */
  String english(String spanish) {
    StringBuilder out = new StringBuilder(spanish.length() + 16);
    Matcher m = WORD.matcher(spanish);
    String previous = "";
    while (m.find()) {
      String w = Accents.fold(m.group());
      String english =
          POSSESSIVES.contains(previous) && KIN.containsKey(w)
              ? KIN.get(w)
              : words.getOrDefault(w, w);
      previous = w;
      if (english.equals(DROP)) {
        continue;
      }
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(english);
    }
    return out.toString();
  }
}
