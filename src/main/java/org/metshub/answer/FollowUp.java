package org.metshub.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a follow-up ("what about the liver?", "and for lung cancer?", "¿y en el hígado?") into a
 * full question using the previous turn's topic, cancer types and sites. A question counts as a
 * follow-up when it opens like one, or is very short and names a cancer or site. Thread-safe.
 */
final class FollowUp {
  private static final Pattern OPENER = WordLists.bundled().followUpOpener();

  /** Words that point back at the previous turn's subject: "is it safe", "¿y eso duele?". */
  private static final Pattern POINTER = WordLists.bundled().followUpPointer();

  /** Words that carry no topic ({@code answer/words.yaml}, which refuses a repeated word). */
  private static final Set<String> FILLER = WordLists.bundled().followUpFiller();

  /**
   * A turn that only asks for the previous answer in another language: "and in spanish?", "en
   * inglés por favor", "¿y en español?".
   */
  private static final Pattern LANGUAGE_REQUEST =
      Pattern.compile(
          "(?iu)^[¿¡\\s]*(?:and |y )?(?:(?:in|en) )?(?:the )?(spanish|espa[nñ]ol|castellano|english|"
              + "ingl[eé]s)(?: version| please| por favor| pls)*[\\s?!.]*$");

  /** The language a turn asks the previous answer in ("es", "en"), if it only asks that. */
  static Optional<String> requestedLanguage(String question) {
    java.util.regex.Matcher m = LANGUAGE_REQUEST.matcher(question);
    if (!m.matches()) {
      return Optional.empty();
    }
    String word = m.group(1).toLowerCase(Locale.ROOT);
    return Optional.of(word.startsWith("engl") || word.startsWith("ingl") ? "en" : "es");
  }

  private final Entities entities;
  private final IntentLexicon lexicon;

  FollowUp(Entities entities) {
    this(entities, IntentLexicon.bundled());
  }

  FollowUp(Entities entities, IntentLexicon lexicon) {
    this.entities = entities;
    this.lexicon = lexicon;
  }

  /** The question to search with, and what to remember of this turn. */
  record Resolved(
      String query, List<String> cancerTypes, List<String> sites, String topic, boolean followUp) {}

  /** What a question may ask about a cancer it does not name: side effects, treatment... */
  private static final java.util.Set<Intent> ABOUT_A_CANCER =
      java.util.EnumSet.of(
          Intent.SIDE_EFFECTS,
          Intent.TREATMENT,
          Intent.SYMPTOMS,
          Intent.OUTLOOK,
          Intent.TESTS,
          Intent.QUESTIONS_TO_ASK);

  /**
   * The most words a question that names no subject can have and still ask its aspect (side
   * effects, treatment, tests...) of the previous turn's topic.
   */
  static final int ASPECT_WORDS = 4;

  /** As {@link #resolve(String, Optional, String, Intent)} for a question of no known intent. */
  Resolved resolve(String question, Optional<Conversation> previous, String language) {
    return resolve(question, previous, language, Intent.GENERAL);
  }

  /**
   * The question to search with, and what to remember of this turn.
   *
   * @param intent what the question asks for: a short question that asks what depends on a cancer
   *     (side effects, treatment, symptoms, outlook, tests, questions to ask) and names none is
   *     about the conversation's; one that asks what something is is not
   */
  Resolved resolve(
      String question, Optional<Conversation> previous, String language, Intent intent) {
    if (previous.isPresent() && requestedLanguage(question).isPresent()) {
      // The previous turn's subject again, in the language asked for.
      Conversation prev = previous.get();
      List<String> parts = new ArrayList<>();
      if (!prev.topic().isEmpty()) {
        parts.add(prev.topic());
      }
      prev.sites().forEach(x -> parts.add(entities.sitePhrase(x, language)));
      prev.cancerTypes().forEach(x -> parts.add(entities.cancerPhrase(x, language)));
      if (!parts.isEmpty()) {
        return new Resolved(
            String.join(" ", parts), prev.cancerTypes(), prev.sites(), prev.topic(), true);
      }
    }
    Entities.Found found = entities.find(question);
    String topic = topic(question, found);
    boolean opener = OPENER.matcher(question).find();
    int words = question.strip().split("\\s+").length;
    // A short question that names nothing but points back ("is it safe?", "what side effects
    // does it have?") is about the previous turn's subject too.
    boolean pointsBack = found.isEmpty() && words <= 8 && POINTER.matcher(question).find();
    boolean followUp =
        previous.isPresent()
            && ((opener || (words <= 4 && !found.isEmpty())) && (topic.isEmpty() || opener)
                || pointsBack);
    // A short question of its own that names no cancer or site ("what side effects should i
    // expect" after "how is metastatic kidney cancer treated") asks about the conversation's
    // cancer and site: they join its words, which stay as asked.
    if (!followUp
        && previous.isPresent()
        && found.isEmpty()
        && words <= 8
        && !topic.isEmpty()
        && ABOUT_A_CANCER.contains(intent)
        && !(previous.get().cancerTypes().isEmpty() && previous.get().sites().isEmpty())) {
      Conversation prev = previous.get();
      List<String> parts = new ArrayList<>(List.of(question));
      prev.sites().forEach(x -> parts.add(entities.sitePhrase(x, language)));
      prev.cancerTypes().forEach(x -> parts.add(entities.cancerPhrase(x, language)));
      return new Resolved(String.join(" ", parts), prev.cancerTypes(), prev.sites(), topic, true);
    }
    // A question of a few words that only asks what depends on a subject, and names none
    // ("efectos secundarios?" after "¿qué es la terapia hormonal?", not "keytruda side effects"),
    // asks it of the previous turn's topic.
    if (!followUp
        && previous.isPresent()
        && found.isEmpty()
        && words <= ASPECT_WORDS
        && !topic.isEmpty()
        && ABOUT_A_CANCER.contains(intent)
        && FILLER.containsAll(lexicon.unasked(topic))
        && !previous.get().topic().isEmpty()
        && !previous.get().topic().equals(topic)) {
      Conversation prev = previous.get();
      String carried = topic + " " + prev.topic();
      return new Resolved(
          question + " " + prev.topic(), prev.cancerTypes(), prev.sites(), carried, true);
    }
    if (!followUp) {
      return new Resolved(question, found.cancerTypes(), found.sites(), topic, false);
    }
    Conversation prev = previous.get();
    List<String> cancers = found.cancerTypes().isEmpty() ? prev.cancerTypes() : found.cancerTypes();
    List<String> sites = found.sites().isEmpty() ? prev.sites() : found.sites();
    // A new topic about the same, unnamed subject keeps the old topic beside it: "is it safe"
    // after "what is a bone scan" searches "safe bone scan".
    String carriedTopic =
        topic.isEmpty()
            ? prev.topic()
            : found.isEmpty() && !prev.topic().isEmpty() && !prev.topic().equals(topic)
                ? topic + " " + prev.topic()
                : topic;
    List<String> parts = new ArrayList<>();
    if (!carriedTopic.isEmpty()) {
      parts.add(carriedTopic);
    }
    for (String s : sites) {
      parts.add(entities.sitePhrase(s, language));
    }
    for (String c : cancers) {
      parts.add(entities.cancerPhrase(c, language));
    }
    String query = parts.isEmpty() ? question : String.join(" ", parts);
    return new Resolved(query, cancers, sites, carriedTopic, true);
  }

  /** The topic words of a question: what is asked, without filler, openers or entities. */
  String topic(String question, Entities.Found found) {
    String q = OPENER.matcher(question).replaceFirst(" ");
    Set<String> entityWords = new LinkedHashSet<>();
    for (String c : found.cancerTypes()) {
      for (String w : entities.cancerPhrase(c, "en").toLowerCase(Locale.ROOT).split("\\s+")) {
        entityWords.add(w);
      }
      for (String w : entities.cancerPhrase(c, "es").toLowerCase(Locale.ROOT).split("\\s+")) {
        entityWords.add(w);
      }
      entityWords.add(c);
    }
    List<String> kept = new ArrayList<>();
    for (String w : q.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
      if (w.isEmpty()
          || FILLER.contains(w)
          || entityWords.contains(w)
          || !entities.find(w).isEmpty()) {
        continue;
      }
      kept.add(w);
    }
    return String.join(" ", kept.subList(0, Math.min(6, kept.size())));
  }
}
