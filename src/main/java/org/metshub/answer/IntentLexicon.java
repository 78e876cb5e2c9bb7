package org.metshub.answer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.Internal;
import org.metshub.json.Json;

/**
 * The intents a question can have and the section headings that answer each, read from {@code
 * answer/intents.yaml}. Phrases are matched as whole words after folding case, accents and
 * apostrophes; a word ending in {@code *} matches any ending and a lone {@code *} any one word.
 * Intents are tried in file order. Immutable and thread-safe.
 */
final class IntentLexicon {
  /** One phrase: its words, each exact, a prefix ({@code treat*}) or any word ({@code *}). */
  private record Phrase(List<String> words) {
    boolean in(List<String> tokens) {
      for (int start = 0; start + words.size() <= tokens.size(); start++) {
        boolean all = true;
        for (int i = 0; i < words.size() && all; i++) {
          all = matches(words.get(i), tokens.get(start + i));
        }
        if (all) {
          return true;
        }
      }
      return false;
    }

    /** Marks the tokens of every place the phrase occurs. */
    void mark(List<String> tokens, boolean[] covered) {
      for (int start = 0; start + words.size() <= tokens.size(); start++) {
        boolean all = true;
        for (int i = 0; i < words.size() && all; i++) {
          all = matches(words.get(i), tokens.get(start + i));
        }
        if (all) {
          java.util.Arrays.fill(covered, start, start + words.size(), true);
        }
      }
    }

    private static boolean matches(String word, String token) {
      if (word.equals("*")) {
        return true;
      }
      return word.endsWith("*")
          ? token.startsWith(word.substring(0, word.length() - 1))
          : token.equals(word);
    }
  }

  /**
   * An intent's phrases: those that signal it in a question, those that signal it only when no
   * intent's question phrases match ("kidney cancer support uk", but not "how do I support my
   * husband when he is scared", which is coping), and those of the headings that answer it.
   */
  private record Entry(List<Phrase> question, List<Phrase> otherwise, List<Phrase> headings) {}

  private final Map<Intent, Entry> entries;

  private IntentLexicon(Map<Intent, Entry> entries) {
    this.entries = entries;
  }

  private static final class Holder {
    static final IntentLexicon BUNDLED = read("answer/intents.yaml", resource());
  }

  /** The bundled lexicon (read once). */
  static IntentLexicon bundled() {
    return Holder.BUNDLED;
  }

  private static String resource() {
    try (InputStream in = IntentLexicon.class.getResourceAsStream("/answer/intents.yaml")) {
      if (in == null) {
        throw new Internal("answer/intents.yaml: missing from the class path");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new Internal("cannot read answer/intents.yaml", e);
    }
  }

  /** Reads a lexicon; {@code source} names it in messages. */
  static IntentLexicon read(String source, String text) {
    JsonNode root;
    try {
      root = Json.YAML.readTree(text);
    } catch (IOException e) {
      throw new BadInput(
          source
              + ": not valid YAML: "
              + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
    JsonNode intents = root == null ? null : root.get("intents");
    if (intents == null || !intents.isObject()) {
      throw new BadInput(source + ": intents: is required and must be a mapping");
    }
    Map<Intent, Entry> out = new LinkedHashMap<>();
    for (Iterator<String> it = intents.fieldNames(); it.hasNext(); ) {
      String id = it.next();
      Intent intent =
          Intent.fromId(id)
              .filter(i -> i != Intent.GENERAL)
              .orElseThrow(
                  () ->
                      new BadInput(
                          source
                              + ": intents."
                              + id
                              + ": unknown intent, expected one of "
                              + Arrays.stream(Intent.values())
                                  .filter(i -> i != Intent.GENERAL)
                                  .map(Intent::id)
                                  .toList()));
      JsonNode e = intents.get(id);
      out.put(
          intent,
          new Entry(
              phrases(source, e, id, "question"),
              e.has("otherwise") ? phrases(source, e, id, "otherwise") : List.of(),
              phrases(source, e, id, "headings")));
    }
    for (Intent i : Intent.values()) {
      if (i != Intent.GENERAL && !out.containsKey(i)) {
        throw new BadInput(source + ": intents." + i.id() + ": is missing");
      }
    }
    return new IntentLexicon(out);
  }

  private static List<Phrase> phrases(String source, JsonNode e, String id, String key) {
    JsonNode list = e == null ? null : e.get(key);
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new BadInput(
          source
              + ": intents."
              + id
              + "."
              + key
              + ": is required and must be a non-empty list of phrases");
    }
    List<Phrase> out = new ArrayList<>();
    for (JsonNode p : list) {
      List<String> words = tokens(p.asText());
      if (words.isEmpty() || !p.isTextual()) {
        throw new BadInput(
            source
                + ": intents."
                + id
                + "."
                + key
                + ": phrases must be words, got '"
                + p.asText()
                + "'");
      }
      out.add(new Phrase(words));
    }
    return out;
  }

  /** Lower case, no accents, apostrophes dropped, split on anything but letters, digits, '*'. */
  static List<String> tokens(String text) {
    String s =
        Normalizer.normalize(text, Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("['\u2019`]", "");
    List<String> out = new ArrayList<>();
    for (String t : s.split("[^\\p{L}\\p{N}*]+")) {
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * The first intent whose question phrases the question uses, else the first whose {@code
   * otherwise} phrases it uses, else GENERAL.
   */
  Intent of(String question) {
    List<String> tokens = tokens(question);
    for (Map.Entry<Intent, Entry> e : entries.entrySet()) {
      if (e.getValue().question().stream().anyMatch(p -> p.in(tokens))) {
        return e.getKey();
      }
    }
    for (Map.Entry<Intent, Entry> e : entries.entrySet()) {
      if (e.getValue().otherwise().stream().anyMatch(p -> p.in(tokens))) {
        return e.getKey();
      }
    }
    return Intent.GENERAL;
  }

  /**
   * The intent of a question a section's curators wrote ({@link #of}), remembered: every answer
   * weighs the questions of its candidate sections again.
   */
  Intent ofCurated(String question) {
    Intent known = intentByQuestion.get(question);
    if (known != null) {
      return known;
    }
    if (intentByQuestion.size() >= MAX_HEADINGS) {
      intentByQuestion.clear(); // a bound, as for headings
    }
    Intent i = of(question);
    intentByQuestion.put(question, i);
    return i;
  }

  /**
   * The words of a question that none of the intents' question phrases covers: what it asks about,
   * beside how it asks ("efectos secundarios?" leaves nothing; "keytruda side effects" leaves
   * "keytruda"; treatments the lexicon names, such as "chemo", count as how it asks). Folded as
   * {@link #tokens}.
   */
  List<String> unasked(String question) {
    List<String> tokens = tokens(question);
    boolean[] covered = new boolean[tokens.size()];
    for (Entry e : entries.values()) {
      for (Phrase p : e.question()) {
        p.mark(tokens, covered);
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (!covered[i]) {
        out.add(tokens.get(i));
      }
    }
    return out;
  }

  /** True when a section heading answers questions of this intent. */
  boolean headingFits(Intent intent, String heading) {
    return fittingIntents(heading).contains(intent);
  }

  /**
   * The intents whose headings the heading fits (to tell a heading that answers another).
   * Remembered per heading: every answer weighs the headings of its candidate pages again.
   */
  List<Intent> fittingIntents(String heading) {
    List<Intent> known = fitsByHeading.get(heading);
    if (known != null) {
      return known;
    }
    List<String> tokens = tokens(heading);
    List<Intent> out = new ArrayList<>();
    for (Map.Entry<Intent, Entry> e : entries.entrySet()) {
      if (e.getValue().headings().stream().anyMatch(p -> p.in(tokens))) {
        out.add(e.getKey());
      }
    }
    if (fitsByHeading.size() >= MAX_HEADINGS) {
      fitsByHeading.clear(); // a bound, never reached by a KB's own headings in practice
    }
    List<Intent> fits = List.copyOf(out);
    fitsByHeading.put(heading, fits);
    return fits;
  }

  /** Headings remembered at most. */
  private static final int MAX_HEADINGS = 50_000;

  private final Map<String, List<Intent>> fitsByHeading = new ConcurrentHashMap<>();
  private final Map<String, Intent> intentByQuestion = new ConcurrentHashMap<>();
}
