package org.metshub.answer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.metshub.kb.Vocabulary;

/**
 * The words of questions that ask for an organisation of the directory, read from {@code
 * answer/directory-words.yaml} for {@link DirectoryAnswer}. Every entry is written folded, as
 * {@link IntentLexicon#tokens} leaves a question, and checked when read (see {@link AnswerYaml});
 * the bundled file is read once. Immutable and thread-safe.
 *
 * @param services phrases that ask for a service, by service id, in the order they are tried
 * @param countrySynonyms other names of a country, by ISO code
 * @param nameWords words many organisations' names use, which name none of them alone
 * @param littleWords little words that say nothing about which organisation fits
 * @param placesOfCare words for a hospital or clinic, which the directory does not list
 */
record DirectoryWords(
    Map<String, List<String>> services,
    Map<String, List<String>> countrySynonyms,
    Set<String> nameWords,
    Set<String> littleWords,
    Set<String> placesOfCare) {
  private static final List<String> KEYS =
      List.of("services", "countrySynonyms", "nameWords", "littleWords", "placesOfCare");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  DirectoryWords {
    // Copied in order: the first service whose phrase a question uses is the one asked for.
    services = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(services));
    countrySynonyms = Map.copyOf(countrySynonyms);
    nameWords = Set.copyOf(nameWords);
    littleWords = Set.copyOf(littleWords);
    placesOfCare = Set.copyOf(placesOfCare);
  }

  private static final class Bundled {
    static final DirectoryWords WORDS =
        read(
            "answer/directory-words.yaml",
            AnswerYaml.resource("/answer/directory-words.yaml"),
            Vocabulary.bundled("services").ids());
  }

  /** The words shipped in the jar (read once). */
  static DirectoryWords bundled() {
    return Bundled.WORDS;
  }

  /**
   * Reads and checks the words of {@code text}; {@code source} names the file in messages and
   * {@code serviceIds} are the services that an entry's services list may name.
   */
  static DirectoryWords read(String source, String text, Collection<String> serviceIds) {
    AnswerYaml yaml = new AnswerYaml(source);
    JsonNode root = yaml.parse(text);
    yaml.onlyKeys(root, "", KEYS, "list");
    JsonNode servicesNode = yaml.map(root, "services", "", "service ids to phrases");
    yaml.onlyKeys(servicesNode, "services", List.copyOf(serviceIds), "service");
    Map<String, List<String>> services = new LinkedHashMap<>();
    for (Iterator<String> it = servicesNode.fieldNames(); it.hasNext(); ) {
      String id = it.next();
      services.put(id, folded(yaml, servicesNode, id, "services"));
    }
    JsonNode countriesNode = yaml.map(root, "countrySynonyms", "", "country codes to names");
    Map<String, List<String>> countries = new LinkedHashMap<>();
    for (Iterator<String> it = countriesNode.fieldNames(); it.hasNext(); ) {
      String code = it.next();
      if (!COUNTRY.matcher(code).matches()) {
        throw yaml.error(
            "countrySynonyms." + code,
            "must be an ISO country code of two capital letters, such as GB",
            null);
      }
      countries.put(code, folded(yaml, countriesNode, code, "countrySynonyms"));
    }
    return new DirectoryWords(
        services,
        countries,
        Set.copyOf(folded(yaml, root, "nameWords", "")),
        Set.copyOf(folded(yaml, root, "littleWords", "")),
        Set.copyOf(folded(yaml, root, "placesOfCare", "")));
  }

  /** A list whose entries are written as a folded question would have them. */
  private static List<String> folded(AnswerYaml yaml, JsonNode parent, String key, String where) {
    List<String> entries = yaml.entries(parent, key, where);
    String at = where.isEmpty() ? key : where + "." + key;
    for (int i = 0; i < entries.size(); i++) {
      String e = entries.get(i);
      String folded = String.join(" ", IntentLexicon.tokens(e));
      if (!e.equals(folded)) {
        // The question is folded before it is compared, so "Teléfono" would never match.
        throw yaml.error(
            at + "[" + i + "]",
            "must be written folded (lower case, no accents or"
                + " apostrophes, one space between words) as '"
                + folded
                + "'",
            e);
      }
    }
    return entries;
  }
}
