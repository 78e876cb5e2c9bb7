package org.metshub.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.metshub.directory.Directory;
import org.metshub.directory.DisplayNames;
import org.metshub.directory.Organization;
import org.metshub.kb.KbDocument;
import org.metshub.kb.ReviewState;

/**
 * Answers "where can I find a support group / helpline / charity for X (in Y)?" from the
 * organisation directory rather than from prose: the organisations that match the cancer type, the
 * country (named in the question, else the reader's) and the service asked for, patient support
 * before research societies, each with its services and contact, cited to its directory page. The
 * directory's texts are MetsHub's own summaries and data; an organisation's own site is linked,
 * never quoted. Thread-safe.
 */
final class DirectoryAnswer {
  static final int MAX = 3;

  /** Words that ask for a service, by service id (vocab/services.yaml), in the order tried. */
  private static final Map<String, List<String>> SERVICE_WORDS =
      DirectoryWords.bundled().services();

  /**
   * Other names a question may use for a country, folded, by ISO code. The country's own name in
   * English and Spanish comes from {@link DisplayNames}, for every country of the directory.
   */
  private static final Map<String, List<String>> COUNTRY_SYNONYMS =
      DirectoryWords.bundled().countrySynonyms();

  private DirectoryAnswer() {}

  /**
   * True when the question asks the directory for nothing it can filter by: it names no
   * organisation, no country, no service and no cancer ("who can help me talk to my children about
   * my cancer"). Then any organisation would be a guess, and a section of the KB on finding help
   * for the question's subject answers better.
   */
  static boolean asksNothingSpecific(Directory directory, QuestionAnalysis qa) {
    String text = padded(qa);
    return qa.cancerTypes().isEmpty()
        && named(directory, text).isEmpty()
        && countryAsked(directory, text).isEmpty()
        && serviceAsked(text).isEmpty();
  }

  /** The question's words as searched, folded ({@link IntentLexicon#tokens}), space-padded. */
  private static String padded(QuestionAnalysis qa) {
    return " " + String.join(" ", IntentLexicon.tokens(qa.asked())) + " ";
  }

  /** The first service whose words {@code text} (folded tokens, space-padded) uses, if any. */
  private static Optional<String> serviceAsked(String text) {
    return SERVICE_WORDS.entrySet().stream()
        .filter(e -> e.getValue().stream().anyMatch(w -> text.contains(" " + w + " ")))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /**
   * The country {@code text} (folded tokens, space-padded) names: one of the directory's, else any
   * other, if any.
   */
  private static Optional<String> countryAsked(Directory directory, String text) {
    return countryNamed(directory, text).or(() -> anyCountryNamed(directory, text));
  }

  /** The organisations to show, best first; empty when none matches. */
  static List<Organization> choose(
      Directory directory, QuestionAnalysis qa, Optional<String> readerCountry) {
    String text = padded(qa);
    // A country the question names is what it asks for: organisations of another country are no
    // answer ("grupo de apoyo en chile" is not answered from Spain), worldwide ones still are.
    Optional<String> named = countryAsked(directory, text);
    Optional<String> country = named.or(() -> readerCountry);
    Optional<String> service = serviceAsked(text);
    Optional<String> cancer = qa.cancerTypes().stream().findFirst();
    // An organisation the question names comes first ("does Macmillan have a helpline?").
    List<Organization> byName = named(directory, text);
    if (!byName.isEmpty()) {
      return byName.stream().limit(MAX).toList();
    }
    // Relax the filters one by one, keeping the cancer type longest: it is what people ask by;
    // a country the question names is never relaxed.
    List<List<Optional<String>>> tries =
        List.of(
                List.of(country, cancer, service),
                List.of(country, cancer, Optional.<String>empty()),
                List.of(Optional.<String>empty(), cancer, service),
                List.of(Optional.<String>empty(), cancer, Optional.<String>empty()),
                List.of(country, Optional.<String>empty(), service))
            .stream()
            .filter(t -> named.isEmpty() || t.get(0).isPresent())
            .toList();
    for (List<Optional<String>> t : tries) {
      List<Organization> found = directory.filter(t.get(0), t.get(1), t.get(2), Optional.empty());
      if (cancer.isPresent() && t.get(1).isPresent()) {
        // "general" organisations match every type; ask for at least one specific match.
        if (found.stream().noneMatch(o -> o.cancerTypes().contains(cancer.get()))) {
          continue;
        }
      }
      if (cancer.isPresent() && t.get(1).isEmpty()) {
        // Without the cancer filter, still never another cancer's organisation (no breast
        // cancer charity for an ovarian cancer question): only those for every cancer.
        found = found.stream().filter(o -> o.cancerTypes().contains("general")).toList();
      }
      if (!found.isEmpty()) {
        List<String> asked = askedWords(text);
        return found.stream()
            .sorted(order(cancer, qa.language(), country, asked))
            .limit(MAX)
            .toList();
      }
    }
    return List.of();
  }

  /** The directory country that {@code text} (folded tokens, space-padded) names, if any. */
  static Optional<String> countryNamed(Directory directory, String text) {
    for (String code : directory.countries()) {
      if (code.equals("INT")) {
        continue;
      }
      List<String> words = new ArrayList<>(COUNTRY_SYNONYMS.getOrDefault(code, List.of()));
      for (String lang : List.of("en", "es")) {
        words.add(String.join(" ", IntentLexicon.tokens(DisplayNames.country(code, lang))));
      }
      if (words.stream().anyMatch(w -> !w.isBlank() && text.contains(" " + w + " "))) {
        return Optional.of(code);
      }
    }
    return Optional.empty();
  }

  /**
   * Country names that are also everyday words or people's names, which a question uses without
   * meaning the country ("my friend jordan", "turkey", "georgia" the US state, "granada" the
   * Spanish city, which is Grenada in Spanish).
   */
  private static final java.util.Set<String> AMBIGUOUS_COUNTRIES =
      java.util.Set.of(
          "TD", "JO", "GE", "TR", "GN", "GD", "JE", "MF", "BL", "SH", "PN", "CX", "NF");

  /** Every ISO country's name in English and Spanish, folded, by code. */
  private static final Map<String, List<String>> ALL_COUNTRIES = allCountries();

  private static Map<String, List<String>> allCountries() {
    Map<String, List<String>> out = new java.util.TreeMap<>();
    for (String code : Locale.getISOCountries()) {
      if (AMBIGUOUS_COUNTRIES.contains(code)) {
        continue;
      }
      List<String> names = new ArrayList<>();
      for (String lang : List.of("en", "es")) {
        String n = String.join(" ", IntentLexicon.tokens(DisplayNames.country(code, lang)));
        if (!n.isBlank() && !n.equals(code.toLowerCase(Locale.ROOT)) && !names.contains(n)) {
          names.add(n);
        }
      }
      out.put(code, List.copyOf(names));
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * A country that {@code text} (folded tokens, space-padded) names by its English or Spanish name
   * and that the directory does not list ("ireland", "chile"), if any.
   */
  static Optional<String> anyCountryNamed(Directory directory, String text) {
    java.util.Set<String> listed = new java.util.HashSet<>(directory.countries());
    return ALL_COUNTRIES.entrySet().stream()
        .filter(e -> !listed.contains(e.getKey()))
        .filter(e -> e.getValue().stream().anyMatch(n -> text.contains(" " + n + " ")))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** True when the question names an organisation of the directory ("macmillan's number"). */
  static boolean namesOrganisation(Directory directory, QuestionAnalysis qa) {
    return !named(directory, padded(qa)).isEmpty();
  }

  /**
   * The organisations {@code text} (folded tokens, space-padded) names: by one of its {@link
   * #names}, or by a word of its name that no other organisation's name uses and that is not an
   * everyday word of organisation names ("macmillan", "lungevity", not "foundation").
   */
  static List<Organization> named(Directory directory, String text) {
    List<Organization> byName =
        directory.all().stream()
            .filter(o -> names(o).stream().anyMatch(n -> text.contains(" " + n + " ")))
            .toList();
    if (!byName.isEmpty()) {
      return byName;
    }
    Map<String, List<Organization>> byWord = new java.util.HashMap<>();
    for (Organization o : directory.all()) {
      for (String w : new java.util.HashSet<>(IntentLexicon.tokens(o.name()))) {
        byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(o);
      }
    }
    java.util.Set<String> countryWords = countryWords(directory);
    return java.util.Arrays.stream(text.trim().split(" "))
        .filter(
            w ->
                w.length() >= 5
                    && !NOT_ASKED.contains(w)
                    && !NAME_WORDS.contains(w)
                    && !countryWords.contains(w))
        .map(w -> byWord.getOrDefault(w, List.of()))
        .filter(l -> l.size() == 1)
        .map(List::getFirst)
        .distinct()
        .toList();
  }

  /** The words of the directory's countries' names, in both languages. */
  private static java.util.Set<String> countryWords(Directory directory) {
    java.util.Set<String> words = new java.util.HashSet<>();
    for (String code : directory.countries()) {
      for (String lang : List.of("en", "es")) {
        words.addAll(IntentLexicon.tokens(DisplayNames.country(code, lang)));
      }
    }
    return words;
  }

  private static final java.util.Set<String> PLACES_OF_CARE =
      DirectoryWords.bundled().placesOfCare();

  /**
   * The hospital or clinic a question names, when it names one the directory cannot stand for: a
   * word for a place of care ({@code placesOfCare}) next to a word that names it, before it ("mayo
   * clinic") or after it, past one little word ("hospital italiano", "clínica de la mujer"); not
   * "my hospital" or "a cancer hospital", whose other words are little, generic or name words, nor
   * a question that names an organisation of the directory. Empty when there is none.
   */
  static Optional<String> placeOfCare(Directory directory, QuestionAnalysis qa) {
    String text = padded(qa);
    if (!named(directory, text).isEmpty()) {
      return Optional.empty();
    }
    String[] w = text.trim().split(" ");
    java.util.Set<String> countries = countryWords(directory);
    java.util.function.IntPredicate names =
        i ->
            i >= 0
                && i < w.length
                && w[i].length() >= 3
                && w[i].chars().allMatch(Character::isLetter)
                && !NOT_ASKED.contains(w[i])
                && !NAME_WORDS.contains(w[i])
                && !PLACES_OF_CARE.contains(w[i])
                && !countries.contains(w[i])
                && SERVICE_WORDS.values().stream().flatMap(List::stream).noneMatch(w[i]::equals);
    for (int i = 0; i < w.length; i++) {
      if (!PLACES_OF_CARE.contains(w[i])) {
        continue;
      }
      if (names.test(i - 1)) {
        return Optional.of(w[i - 1] + " " + w[i]);
      }
      int next = i + 1 < w.length && LITTLE.contains(w[i + 1]) ? i + 2 : i + 1;
      if (names.test(next)) {
        return Optional.of(String.join(" ", java.util.Arrays.copyOfRange(w, i, next + 1)));
      }
    }
    return Optional.empty();
  }

  private static final java.util.Set<String> LITTLE = DirectoryWords.bundled().littleWords();

  /** Words many organisations' names use, which name none of them alone. */
  private static final java.util.Set<String> NAME_WORDS = DirectoryWords.bundled().nameWords();

  /**
   * The ways a question may name an organisation, as folded tokens: its full name, the name without
   * a parenthesised acronym ("Metastasis Research Society (MRS)"), and the acronym alone when it
   * has at least three letters.
   */
  static List<String> names(Organization o) {
    List<String> out = new ArrayList<>();
    out.add(String.join(" ", IntentLexicon.tokens(o.name())));
    java.util.regex.Matcher m = ACRONYM.matcher(o.name());
    if (m.find()) {
      out.add(String.join(" ", IntentLexicon.tokens(o.name().substring(0, m.start()))));
      String acronym = String.join(" ", IntentLexicon.tokens(m.group(1)));
      if (acronym.replace(" ", "").length() >= 3) {
        out.add(acronym);
      }
    }
    return out.stream().filter(n -> !n.isBlank()).distinct().toList();
  }

  private static final java.util.regex.Pattern ACRONYM =
      java.util.regex.Pattern.compile("\\(([^()]+)\\)\\s*$");

  /**
   * Words that say nothing about which organisation fits: the generic words of the answer path and
   * the little words of both languages.
   */
  private static final java.util.Set<String> NOT_ASKED =
      java.util.Set.copyOf(
          IntentLexicon.tokens(
              GenericWords.WORDS + " " + String.join(" ", DirectoryWords.bundled().littleWords())));

  /** The question's words that can tell organisations apart (folded, space-padded text in). */
  static List<String> askedWords(String text) {
    return java.util.Arrays.stream(text.trim().split(" "))
        .filter(w -> w.length() >= 3 && !NOT_ASKED.contains(w))
        .distinct()
        .toList();
  }

  /**
   * How many of the asked words an organisation's own name and summaries (both languages) use:
   * "peer mentoring" finds the organisation whose summary names its peer mentor programme. Words
   * match on a shared stem of five letters ("mentor", "mentoring") or, at five letters or more, one
   * slip of the keyboard ("menter").
   */
  static int relevance(Organization o, List<String> asked) {
    if (asked.isEmpty()) {
      return 0;
    }
    List<String> own = IntentLexicon.tokens(o.name() + " " + o.summary() + " " + o.summaryEs());
    int n = 0;
    for (String w : asked) {
      if (own.stream().anyMatch(x -> sameWord(w, x))) {
        n++;
      }
    }
    return n;
  }

  private static boolean sameWord(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    if (a.length() >= 5 && b.length() >= 5 && a.regionMatches(0, b, 0, 5)) {
      return true;
    }
    return a.length() >= 5
        && Math.abs(a.length() - b.length()) <= 1
        && org.metshub.kb.Vocabulary.editDistance(a, b) <= 1;
  }

  /**
   * Patient support first, then the cancer asked about (or, when the question names none, the
   * organisations for every cancer), the reader's language and country, then those whose own
   * description uses more of the question's words; without a country, organisations that serve
   * several countries or the whole world before national ones.
   */
  static Comparator<Organization> order(
      Optional<String> cancer, String language, Optional<String> country, List<String> asked) {
    Map<String, Integer> relevance = new java.util.HashMap<>();
    return Comparator.comparing((Organization o) -> !o.supportsPatients())
        .thenComparing(
            o ->
                cancer
                    .map(c -> !o.cancerTypes().contains(c))
                    .orElse(!o.cancerTypes().contains("general")))
        .thenComparing(o -> !o.languages().contains(language))
        .thenComparing(o -> country.isPresent() && !o.countries().contains(country.get()))
        .thenComparing(o -> -relevance.computeIfAbsent(o.id(), id -> relevance(o, asked)))
        .thenComparing(o -> country.isEmpty() && !o.countries().contains("INT"))
        .thenComparing(o -> o.name().toLowerCase(Locale.ROOT));
  }

  /** The excerpt of one organisation: its summary, then its services and how to reach it. */
  static Excerpt excerpt(
      Organization o,
      int citation,
      String language,
      java.util.function.Function<String, String> serviceLabel) {
    boolean es = language.equals("es");
    List<Excerpt.Block> blocks = new ArrayList<>();
    if (!o.summary(language).isBlank()) {
      blocks.add(
          new Excerpt.Block(
              Excerpt.Kind.PARAGRAPH, List.of(new Excerpt.Sentence(o.summary(language), false))));
    }
    if (!o.services().isEmpty()) {
      blocks.add(
          new Excerpt.Block(
              Excerpt.Kind.LIST_ITEM,
              List.of(
                  new Excerpt.Sentence(
                      (es ? "Servicios: " : "Services: ")
                          + String.join(", ", o.services().stream().map(serviceLabel).toList()),
                      false))));
    }
    if (!o.phone().isBlank()) {
      blocks.add(
          new Excerpt.Block(
              Excerpt.Kind.LIST_ITEM,
              List.of(new Excerpt.Sentence((es ? "Teléfono: " : "Phone: ") + o.phone(), true))));
    }
    blocks.add(
        new Excerpt.Block(
            Excerpt.Kind.LIST_ITEM,
            List.of(new Excerpt.Sentence((es ? "Sitio web: " : "Website: ") + o.url(), false))));
    return new Excerpt(o.id(), o.name(), "/docs/" + o.id(), citation, blocks, false, false);
  }

  /** The citation of an organisation's directory page. */
  static Citation citation(Organization o, int n, Optional<KbDocument> doc) {
    return new Citation(
        n,
        o.id(),
        o.id(),
        o.name(),
        doc.map(d -> d.frontMatter().source()).orElse(o.name()),
        o.url(),
        "",
        doc.flatMap(d -> d.frontMatter().lastReviewed()),
        ReviewState.CURRENT,
        doc.map(d -> d.frontMatter().license()).orElse("link_only"),
        false,
        o.cancerTypes());
  }
}
