package org.metshub.answer;

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
import org.metshub.answer.SafetyVerdict.Refused;
import org.metshub.answer.SafetyVerdict.Safe;
import org.metshub.answer.SafetyVerdict.Urgent;
import org.metshub.answer.SafetyTexts.Guidance;

/**
 * The answer policy's first step: reads a message before any retrieval and decides whether it
 * reports an emergency or thoughts of self-harm ({@link Urgent}), asks for something MetsHub
 * declines ({@link Refused}: a diagnosis, reading a report, choosing a treatment, a dose), or can
 * go on to be answered from the KB ({@link Safe}).
 *
 * <p>How it works: the message is normalised (lower case, no accents, no apostrophes, clause
 * breaks kept); then the rules of every bundled rules file, English and Spanish alike, are tried
 * in priority order: self-harm, then urgent symptoms, then refusals, each in the precedence order
 * of {@link UrgentKind} and {@link RefusalKind}, and within a kind in file order. Each
 * match is read against the cues around it ({@link MessageCues}): a negated, hypothetical or
 * information-question match is set aside, and the first match that fires decides. The language
 * only chooses the texts shown, so a message mixing English and Spanish is still caught. Every
 * verdict names the rule that decided and why.
 *
 * <p>Rules, cues and texts live in {@code safety/rules-en.yaml} and {@code rules-es.yaml};
 * crisis lines and emergency numbers in {@code safety/crisis-lines.yaml}. Immutable and
 * thread-safe.
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
    for (LanguageRules l : languageRules) {
      byLanguage.put(l.language(), l);
      all.addAll(l.rules());
      l.cues().forEach((cue, p) -> allCues.computeIfAbsent(cue, c -> new ArrayList<>()).addAll(p));
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
    this.countries = new CountryDetector(directory, countryCues);
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
   * Classifies a message.
   *
   * @param message what the user wrote, as written
   * @param language {@code en} or {@code es} (a tag such as {@code es-MX} is fine), or empty to
   *     detect it from the message; any other value is also detected, since a safety check must
   *     not fail on a harmless parameter
   * @param countryCode where the user is, as an ISO 3166-1 code or a country name; when empty
   *     (or not understood), the message is searched for "I'm in the UK", "estoy en México" ...
   */
  public SafetyVerdict classify(String message, String language, Optional<String> countryCode) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(countryCode, "countryCode");
    NormalisedText text = NormalisedText.of(message);
    String lang = language(language, text);
    Optional<String> country = country(countryCode, text);
    MessageCues found = MessageCues.read(text, cues);
    List<String> setAside = new ArrayList<>();
    Reading firstSetAside = null;
    Optional<SafetyNote> note = Optional.empty();
    for (SafetyRule rule : rules) {
      if (!contextHolds(rule, text, found)) {
        continue;
      }
      for (Span m : rule.candidates(text)) {
        Assessment a = rule.kind() instanceof RefusalKind
            ? found.readRequest(m, rule.requiresPerson())
            : found.readReport(m, rule.requiresPerson());
        String why = rule.id() + " matched '" + m.text() + "': " + a.because();
        if (a.reading().fires()) {
          return verdict(rule, why, lang, country);
        }
        setAside.add(why);
        firstSetAside = firstSetAside == null ? a.reading() : firstSetAside;
        if (note.isEmpty()) {
          note = note(rule, a.reading(), lang, country);
        }
      }
    }
    return new Safe(
        lang,
        firstSetAside == null ? "safe.no_match" : firstSetAside.safeRuleId(),
        setAside.isEmpty() ? "no rule matched" : "set aside: " + String.join("; ", setAside),
        note);
  }

  /** The crisis lines for a country (or the default lines), in {@code language}. */
  public List<CrisisLine> crisisLines(Optional<String> countryCode, String language) {
    String lang = languages.containsKey(primary(language)) ? primary(language) : LANGUAGES.get(0);
    return directory.lines(countryCode.flatMap(directory::resolve), lang);
  }

  /** The country to use: the caller's, when understood, else the one the message names. */
  Optional<String> country(Optional<String> requested, NormalisedText text) {
    return requested.flatMap(directory::resolve).or(() -> countries.detect(text));
  }

  /** The requested language when bundled, else the one whose common words the message uses. */
  String language(String requested, NormalisedText text) {
    String primary = primary(requested);
    if (languages.containsKey(primary)) {
      return primary;
    }
    String best = LANGUAGES.get(0);
    long bestCount = 0;
    for (String l : LANGUAGES) {
      LanguageRules rules = languages.get(l);
      long count = 0;
      for (int i = 0; i < text.size(); i++) {
        count += rules.detectWords().contains(text.token(i)) ? 1 : 0;
      }
      if (count > bestCount) {
        best = l;
        bestCount = count;
      }
    }
    return best;
  }

  private static String primary(String tag) {
    String s = tag.strip().toLowerCase(Locale.ROOT);
    int cut = s.indexOf('-') >= 0 ? s.indexOf('-') : s.indexOf('_');
    return cut >= 0 ? s.substring(0, cut) : s;
  }

  private static boolean contextHolds(SafetyRule rule, NormalisedText text, MessageCues found) {
    for (List<PhrasePattern> group : rule.context()) {
      boolean held = group.stream()
          .flatMap(p -> p.find(text).stream())
          .anyMatch(s -> found.negationOf(s).isEmpty());
      if (!held) {
        return false;
      }
    }
    return true;
  }

  private SafetyVerdict verdict(
      SafetyRule rule, String why, String lang, Optional<String> country) {
    SafetyTexts texts = languages.get(lang).texts();
    String emergency = directory.emergency(country, lang);
    return switch (rule.kind()) {
      case UrgentKind k -> {
        Guidance g = texts.urgent().get(k).withEmergency(emergency);
        List<CrisisLine> lines =
            k == UrgentKind.SELF_HARM ? directory.lines(country, lang) : List.of();
        yield new Urgent(k, lang, rule.id(), why, g.message(), g.nextSteps(), lines, country);
      }
      case RefusalKind k -> {
        SafetyTexts.Refusal r = texts.refused().get(k);
        yield new Refused(k, lang, rule.id(), why, SafetyTexts.fill(r.message(), emergency),
            r.questions());
      }
    };
  }

  /**
   * The gentle note for a set-aside match. Self-harm topics always get crisis lines, even when
   * asked about as research: showing a line costs a researcher nothing and may reach someone
   * asking "for a friend". Symptoms asked about get "if this is happening now" guidance; a
   * negated symptom, a negated wish ("I don't want to die") and a refusal get nothing.
   */
  private Optional<SafetyNote> note(
      SafetyRule rule, Reading reading, String lang, Optional<String> country) {
    SafetyTexts texts = languages.get(lang).texts();
    String emergency = directory.emergency(country, lang);
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
