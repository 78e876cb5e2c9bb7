package org.metshub.safety;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.metshub.safety.SafetyTexts.Guidance;
import org.metshub.safety.SafetyVerdict.Refused;
import org.metshub.safety.SafetyVerdict.Safe;
import org.metshub.safety.SafetyVerdict.Urgent;
import org.metshub.text.LanguageGuess;

/**
 * The answer policy's first step: reads a message before any retrieval and decides whether it
 * reports an emergency or thoughts of self-harm ({@link Urgent}), asks for something MetsHub
 * declines ({@link Refused}: a diagnosis, reading a report, choosing a treatment, a dose), or can
 * go on to be answered from the KB ({@link Safe}).
 *
 * <p>How it works: the message is normalised (lower case, no accents, no apostrophes, clause breaks
 * kept); then the rules of every bundled rules file, English and Spanish alike, are tried in
 * priority order: self-harm, then urgent symptoms, then refusals, each in the precedence order of
 * {@link UrgentKind} and {@link RefusalKind}, and within a kind in file order. Each match is read
 * against the cues around it ({@link MessageCues}): a negated, hypothetical or information-question
 * match is set aside, and the first match that fires decides. The language only chooses the texts
 * shown, so a message mixing English and Spanish is still caught. Every verdict names the rule that
 * decided and why.
 *
 * <p>Rules, cues and texts live in {@code safety/rules-en.yaml} and {@code rules-es.yaml}; crisis
 * lines and emergency numbers in {@code safety/crisis-lines.yaml}. Immutable and thread-safe.
 */
public final class SafetyPolicy {
  /** The bundled languages; the first is the default when detection has nothing to go on. */
  static final List<String> LANGUAGES = List.of("en", "es");

  private final Map<String, LanguageRules> languages;
  private final List<SafetyRule> rules;
  private final Map<Cue, List<PhrasePattern>> cues;
  private final CrisisDirectory directory;
  private final CountryDetector countries;

  SafetyPolicy(List<LanguageRules> languageRules, CrisisDirectory directory) {
    Map<String, LanguageRules> byLanguage = new LinkedHashMap<>();
    List<SafetyRule> all = new ArrayList<>();
    Map<Cue, List<PhrasePattern>> allCues = new EnumMap<>(Cue.class);
    List<List<String>> countryCues = new ArrayList<>();
    List<String> countryAfter = new ArrayList<>();
    for (LanguageRules l : languageRules) {
      byLanguage.put(l.language(), l);
      all.addAll(l.rules());
      l.cues().forEach((cue, p) -> allCues.computeIfAbsent(cue, c -> new ArrayList<>()).addAll(p));
      countryAfter.addAll(l.countryAfter());
      for (int i = 0; i < l.countryCues().size(); i++) {
        if (countryCues.size() <= i) {
          countryCues.add(new ArrayList<>());
        }
        countryCues.get(i).addAll(l.countryCues().get(i));
      }
    }
    // Stable: rules of one kind keep their language and file order.
    all.sort(Comparator.comparingInt(SafetyRule::priority));
    this.languages = Map.copyOf(byLanguage);
    this.rules = List.copyOf(all);
    this.cues = Map.copyOf(allCues);
    this.directory = directory;
    this.countries = new CountryDetector(directory, countryCues, countryAfter);
  }

  private static final class Holder {
    static final SafetyPolicy BUNDLED =
        new SafetyPolicy(
            LANGUAGES.stream().map(SafetyRulesReader::bundled).toList(),
            CrisisDirectory.bundled(Set.copyOf(LANGUAGES)));
  }

  /** The policy built from the bundled rules and crisis lines (loaded once, shared). */
  public static SafetyPolicy bundled() {
    return Holder.BUNDLED;
  }

  /**
   * Classifies a message for a reader known by an interface language and an optional country.
   *
   * @param message what the user wrote, as written
   * @param language the interface language ({@code en}, {@code es}, a tag such as {@code es-MX}, or
   *     empty); the reply uses the message's own language when that is clear
   * @param countryCode where the user is, as an ISO 3166-1 code or a country name
   */
  public SafetyVerdict classify(String message, String language, Optional<String> countryCode) {
    return classify(message, new ReaderContext(language, countryCode, Optional.empty()));
  }

  /**
   * Classifies a message.
   *
   * <p>The reply language is the message's own when it is clear (the language of the rule that
   * fired, unless the message plainly uses more words of the other language; or, with no rule, the
   * language whose common words it uses most), else the interface language. The country is the
   * reader's choice, else the one the message names ("I'm in the UK"), else the region of the
   * reader's language ({@code en-GB}).
   */
  public SafetyVerdict classify(String message, ReaderContext reader) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(reader, "reader");
    NormalisedText text = NormalisedText.of(message);
    Map<String, Integer> counts = languageCounts(message);
    Optional<String> country = country(reader, text);
    MessageCues found = MessageCues.read(text, cues);
    List<String> setAside = new ArrayList<>();
    Reading firstSetAside = null;
    Optional<SafetyNote> note = Optional.empty();
    String guessed =
        LanguageGuess.of(message, bundled(reader.interfaceLanguage()).orElse(LANGUAGES.get(0)));
    String safeLanguage = replyLanguage(counts, Optional.empty(), guessed);
    for (SafetyRule rule : rules) {
      if (!contextHolds(rule, text, found)) {
        continue;
      }
      List<Span> candidates = rule.candidates(text);
      Optional<String> aside = candidates.isEmpty() ? Optional.empty() : setAsideBy(rule, found);
      if (aside.isPresent()) {
        setAside.add(rule.id() + " matched '" + candidates.getFirst().text() + "': " + aside.get());
        firstSetAside = firstSetAside == null ? Reading.INFORMATION : firstSetAside;
        continue;
      }
      for (Span m : candidates) {
        Assessment a =
            rule.kind() instanceof RefusalKind
                ? found.readRequest(m, rule.requiresPerson())
                : found.readReport(m, rule.requiresPerson());
        String why = rule.id() + " matched '" + m.text() + "': " + a.because();
        if (a.reading().fires()) {
          String lang = replyLanguage(counts, Optional.of(rule.language()), guessed);
          Person person = MessageCues.read(text, rulesOf(lang).cues()).person(m);
          return verdict(rule, why, lang, person, country);
        }
        setAside.add(why);
        firstSetAside = firstSetAside == null ? a.reading() : firstSetAside;
        if (note.isEmpty()) {
          note = note(rule, a.reading(), safeLanguage, country);
        }
      }
    }
    return new Safe(
        safeLanguage,
        firstSetAside == null ? "safe.no_match" : firstSetAside.safeRuleId(),
        setAside.isEmpty() ? "no rule matched" : "set aside: " + String.join("; ", setAside),
        note);
  }

  /** The crisis lines for a country (or those for the language), in {@code language}. */
  public List<CrisisLine> crisisLines(Optional<String> countryCode, String language) {
    String lang = bundled(language).orElse(LANGUAGES.get(0));
    return directory.lines(countryCode.flatMap(directory::resolve), lang);
  }

  /** True when the crisis-lines file lists {@code code} with its own numbers. */
  public boolean listsCountry(String code) {
    return directory.lists(code);
  }

  /** The country to use: the reader's, else the one the message names, else their region. */
  Optional<String> country(ReaderContext reader, NormalisedText text) {
    return reader
        .country()
        .flatMap(directory::resolve)
        .or(() -> countries.detect(text))
        .or(
            () ->
                reader.region().filter(r -> r.matches("[A-Za-z]{2}")).flatMap(directory::resolve));
  }

  /** The evidence for each bundled language in the message, from the one language detector. */
  private static Map<String, Integer> languageCounts(String message) {
    LanguageGuess.Evidence e = LanguageGuess.evidence(message);
    return Map.of("en", e.english(), "es", e.spanish());
  }

  /**
   * The reply language: the language whose common words the message uses most ("quiero morirme" on
   * the English site is answered in Spanish); on a tie, the language of the rule that fired, else
   * {@code guessed}; with no common word at all, {@code guessed}: what the language detector makes
   * of the whole message, the interface language when it cannot tell.
   */
  static String replyLanguage(
      Map<String, Integer> counts, Optional<String> ruleLanguage, String guessed) {
    String iface = bundled(guessed).orElse(LANGUAGES.get(0));
    int best = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    List<String> leaders =
        counts.entrySet().stream()
            .filter(e -> e.getValue() == best && best > 0)
            .map(Map.Entry::getKey)
            .toList();
    if (leaders.isEmpty()) {
      return iface; // no common word of any language: "39.5 temp chemo"
    }
    if (ruleLanguage.isPresent() && leaders.contains(ruleLanguage.get())) {
      return ruleLanguage.get();
    }
    if (leaders.size() == 1) {
      return leaders.getFirst();
    }
    return iface;
  }

  /** The primary subtag when it names a bundled language ("es-MX" gives "es"). */
  private static Optional<String> bundled(String tag) {
    String s = tag.strip().toLowerCase(Locale.ROOT);
    int cut = s.indexOf('-') >= 0 ? s.indexOf('-') : s.indexOf('_');
    String primary = cut >= 0 ? s.substring(0, cut) : s;
    return LANGUAGES.contains(primary) ? Optional.of(primary) : Optional.empty();
  }

  /** The rules file of a reply language: replyLanguage gives a bundled one, and all are read. */
  private LanguageRules rulesOf(String lang) {
    return Objects.requireNonNull(languages.get(lang), lang);
  }

  /**
   * Why a rule is set aside for this message, if it is: the message has a cue the rule names under
   * {@code unless}.
   */
  private static Optional<String> setAsideBy(SafetyRule rule, MessageCues found) {
    for (Cue c : Cue.SETTING_ASIDE) {
      if (rule.unless().contains(c)) {
        Optional<Span> cue = found.settingAside(c);
        if (cue.isPresent()) {
          String what = c == Cue.PREPARATION ? "asks how to prepare" : "tells what was felt";
          return Optional.of(what + ": '" + cue.get().text() + "'");
        }
      }
    }
    return Optional.empty();
  }

  private static boolean contextHolds(SafetyRule rule, NormalisedText text, MessageCues found) {
    for (List<PhrasePattern> group : rule.context()) {
      boolean held =
          group.stream()
              .flatMap(p -> p.find(text).stream())
              .anyMatch(s -> found.negationOf(s).isEmpty());
      if (!held) {
        return false;
      }
    }
    return true;
  }

  private SafetyVerdict verdict(
      SafetyRule rule, String why, String lang, Person person, Optional<String> country) {
    SafetyTexts texts = rulesOf(lang).texts();
    String emergency = directory.emergencyText(country, lang);
    return switch (rule.kind()) {
      case UrgentKind k -> {
        Guidance g = texts.urgent(k, person).withEmergency(emergency);
        // A person at risk of self-harm, or someone with them, may need both: a crisis line to
        // talk to and the emergency number if they are in danger now.
        List<CrisisLine> lines =
            k == UrgentKind.SELF_HARM ? directory.lines(country, lang) : List.of();
        yield new Urgent(
            k,
            person,
            lang,
            rule.id(),
            why,
            g.message(),
            g.nextSteps(),
            lines,
            directory.emergencyNumbers(country, lang),
            country,
            SafetyTexts.fill(texts.urgentFooter(), emergency));
      }
      case RefusalKind k -> {
        SafetyTexts.Refusal r = texts.refused(k);
        yield new Refused(
            k,
            lang,
            rule.id(),
            why,
            SafetyTexts.fill(r.message(), emergency),
            r.questions(),
            SafetyTexts.fill(texts.refusedFooter(), emergency));
      }
    };
  }

  /**
   * The gentle note for a set-aside match. Self-harm topics always get crisis lines, even when
   * asked about as research: showing a line costs a researcher nothing and may reach someone asking
   * "for a friend". Symptoms asked about get "if this is happening now" guidance; a negated
   * symptom, a negated wish ("I don't want to die") and a refusal get nothing.
   */
  private Optional<SafetyNote> note(
      SafetyRule rule, Reading reading, String lang, Optional<String> country) {
    SafetyTexts texts = rulesOf(lang).texts();
    String emergency = directory.emergencyText(country, lang);
    return switch (rule.kind()) {
      case UrgentKind k when k == UrgentKind.SELF_HARM -> {
        if (reading == Reading.NEGATED && !rule.topic()) {
          yield Optional.empty();
        }
        Guidance g = texts.selfHarmNote().withEmergency(emergency);
        yield Optional.of(
            new SafetyNote(g.message(), g.nextSteps(), directory.lines(country, lang)));
      }
      case UrgentKind k -> {
        if (reading == Reading.NEGATED) {
          yield Optional.empty();
        }
        Guidance g = texts.symptomNote().withEmergency(emergency);
        yield Optional.of(new SafetyNote(g.message(), g.nextSteps(), List.of()));
      }
      case RefusalKind k -> Optional.empty();
    };
  }
}
