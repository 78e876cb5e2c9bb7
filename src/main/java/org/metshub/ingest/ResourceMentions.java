package org.metshub.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.metshub.kb.Slugs;

/**
 * Finds the organisations and resources a page mentions, as candidate directory entries: names of
 * capitalised words around an organisation word ("Patient Advocate Foundation", "American
 * Association for Cancer Research (AACR)"), and capitalised names listed after "such as" or
 * "including" ("such as Patients Like Me or Inspire"). It favours recall: a curator reviews every
 * candidate before anything is published. Thread-safe.
 */
final class ResourceMentions {
  /** A name found, its acronym if the text gives one, and the sentence it was found in. */
  record Mention(String name, String acronym, boolean organisation, String sentence) {}

  private static final String CAP = "[A-Z][\\p{L}\\p{N}.&-]*";
  private static final String ORG_WORDS =
      "(?:Foundation|Institute|Society|Association|Network"
          + "|Alliance|Organi[sz]ation|Council|Coalition|Cent(?:er|re)|Fund|Trust|Federation|Agency"
          + "|Programm?e?|Project|Hospital|Clinic|University|Community|Consortium|Fundaci[oó]n"
          + "|Asociaci[oó]n|Sociedad|Instituto|Federaci[oó]n)s?";

  /**
   * Capitalised words (joined by "for", "of", "and", "&"), an organisation word, then optionally
   * "of"/"for" and more capitalised words, then optionally an acronym in brackets.
   */
  private static final Pattern ORGANISATION =
      Pattern.compile(
          "((?:"
              + CAP
              + "\\s+(?:(?:for|of|and|&|de|y)\\s+)?)*"
              + ORG_WORDS
              + "(?:\\s+(?:of|for|de|del)\\s+(?:the\\s+|la\\s+|el\\s+)?"
              + CAP
              + "(?:\\s+"
              + CAP
              + ")*)*)(?:\\s+\\(([A-Za-z]{2,12})\\))?");

  private static final Pattern ORGANISATION_WORD = Pattern.compile("\\b" + ORG_WORDS + "\\b");

  private static final Pattern LIST_INTRO =
      Pattern.compile("\\b(?:such as|including|tales como|incluidos?)\\s+(.+)$");

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

  /** Capitalised words that start sentences and instructions, never names. */
  private static final Set<String> NOT_A_NAME_START =
      Set.of(
          "The",
          "A",
          "An",
          "Our",
          "This",
          "These",
          "Its",
          "Their",
          "Your",
          "By",
          "In",
          "To",
          "From",
          "With",
          "Through",
          "Click",
          "View",
          "Contact",
          "Learn",
          "Information",
          "Video",
          "Join",
          "Visit",
          "See",
          "Read",
          "El",
          "La",
          "Los",
          "Las");

  private ResourceMentions() {}

  /** The names mentioned in a paragraph, first mention first, each name once. */
  static List<Mention> find(String paragraph) {
    Map<String, Mention> out = new LinkedHashMap<>();
    for (String sentence : SENTENCE_END.split(paragraph.strip())) {
      Matcher m = ORGANISATION.matcher(sentence);
      while (m.find()) {
        String name = trimStart(m.group(1));
        if (name.split("\\s+").length >= 2) {
          add(out, new Mention(name, m.group(2) == null ? "" : m.group(2), true, sentence));
        }
      }
      Matcher list = LIST_INTRO.matcher(sentence);
      if (list.find()) {
        // The list runs until an item goes on in lower case ("Inspire to connect with ...").
        for (String item : list.group(1).split(",|\\s+or\\s+|\\s+and\\s+|\\s+o\\s+|\\s+y\\s+")) {
          String it = item.strip().replaceFirst("^(?:the|la|el)\\s+", "");
          String name = leadingName(it);
          if (name.isEmpty()) {
            break;
          }
          if (!ORGANISATION_WORD.matcher(name).find()) {
            add(out, new Mention(name, "", false, sentence));
          }
          if (!it.replaceAll("\\s*\\([^)]*\\)", "").replaceAll("[.;:!?]+$", "").equals(name)) {
            break;
          }
        }
      }
    }
    return List.copyOf(out.values());
  }

  private static void add(Map<String, Mention> out, Mention m) {
    out.putIfAbsent(Slugs.of(m.name()), m);
  }

  private static String trimStart(String name) {
    String[] words = name.strip().split("\\s+");
    int i = 0;
    while (i < words.length - 1 && NOT_A_NAME_START.contains(words[i])) {
      i++;
    }
    return String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length));
  }

  /** The capitalised name at the start of a list item: "the Susan Komen Foundation among". */
  private static String leadingName(String item) {
    List<String> kept = new ArrayList<>();
    for (String w : item.split("\\s+")) {
      if (kept.isEmpty() && (w.equals("the") || w.equals("la") || w.equals("el"))) {
        continue;
      }
      if (w.isEmpty()
          || !Character.isUpperCase(w.codePointAt(0))
          || w.chars().anyMatch(Character::isDigit)) {
        break;
      }
      kept.add(w.replaceAll("[.;:!?]+$", ""));
    }
    if (kept.isEmpty() || kept.size() > 5 || NOT_A_NAME_START.contains(kept.get(0))) {
      return "";
    }
    return String.join(" ", kept);
  }
}
