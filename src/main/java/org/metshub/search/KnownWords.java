package org.metshub.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.metshub.error.MetsHubException.Internal;
import org.metshub.json.Json;
import org.metshub.text.Accents;

/**
 * Whether a word is an ordinary word of its language, so that a spelling correction is not believed
 * for it: "cried" is not a typo of "cured", nor "boda" (a wedding) of "boca". English words are the
 * whole words of the embedding model's word-piece vocabulary (bge-small-en-v1.5: the 22,531 of its
 * 30,522 entries made of letters only, the common words of its corpus, not word pieces); Spanish
 * words are those of MetsHub's own glossary ({@link Gloss}: the words of the Spanish pages, of the
 * Spanish questions and the words patients type). A word of fewer than {@link #MIN_LETTERS} letters
 * is never judged known here: short words are where typos land on other words ("mts"), and the
 * answer path already believes a correction of one only onto a medical word. Immutable and
 * thread-safe.
 */
final class KnownWords {
  /** The fewest letters a word needs to be judged. */
  static final int MIN_LETTERS = 4;

  /** The word-piece vocabulary's resource, carried by the model's Maven artifact. */
  static final String VOCABULARY = "/bge-small-en-v1.5-q-tokenizer.json";

  private static final Pattern LETTERS = Pattern.compile("\\p{L}+");

  private final Set<String> english;

  KnownWords(Set<String> english) {
    this.english = Set.copyOf(english);
  }

  private static final class Bundled {
    static final KnownWords WORDS = load();

    private static KnownWords load() {
      try (InputStream in = KnownWords.class.getResourceAsStream(VOCABULARY)) {
        if (in == null) {
          throw new Internal(
              VOCABULARY
                  + " is not on the class path (the langchain4j bge-small-en-v15-q artifact"
                  + " carries it)");
        }
        return new KnownWords(wholeWords(Json.MAPPER.readTree(in)));
      } catch (IOException e) {
        throw new Internal("cannot read " + VOCABULARY + ": " + e.getMessage(), e);
      }
    }
  }

  /** The bundled lists. */
  static KnownWords bundled() {
    return Bundled.WORDS;
  }

  /**
   * The whole words of a Hugging Face tokenizer file's WordPiece vocabulary ({@code model.vocab}):
   * entries of letters only, not continuations ("##s") nor marks ("[CLS]").
   */
  static Set<String> wholeWords(JsonNode tokenizer) {
    JsonNode vocab = tokenizer.path("model").path("vocab");
    if (!vocab.isObject()) {
      throw new IllegalArgumentException("a tokenizer file needs a model.vocab object");
    }
    Set<String> out = new HashSet<>();
    vocab
        .fieldNames()
        .forEachRemaining(
            w -> {
              if (LETTERS.matcher(w).matches()) {
                out.add(w);
              }
            });
    return out;
  }

  /**
   * Whether {@code typed} is an ordinary word of {@code language} that means something else than
   * {@code correction}: in English, a word of the vocabulary; in Spanish, a word the glossary gives
   * another sense than the correction's (the glossary also holds misspellings patients type, such
   * as "ospicio", glossed as their word is). A correction that only adds or drops an ending
   * ("appointment", "appointments") is the same word.
   */
  boolean otherWord(String typed, String correction, String language) {
    String t = typed.toLowerCase(Locale.ROOT);
    String c = correction.toLowerCase(Locale.ROOT);
    if (t.codePointCount(0, t.length()) < MIN_LETTERS
        || !LETTERS.matcher(t).matches()
        || t.startsWith(c)
        || c.startsWith(t)) {
      return false;
    }
    return switch (language) {
      case "en" -> english.contains(t);
      case "es" -> {
        String sense = Gloss.bundled().sense(Accents.fold(t));
        yield sense != null && !sense.equals(Gloss.bundled().sense(Accents.fold(c)));
      }
      default -> false;
    };
  }
}
