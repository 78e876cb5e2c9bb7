package org.metshub.ingest.infer;

import java.util.List;
import java.util.Set;

/**
 * Reads the words around a mention: whether an organ word is named as a cancer ("breast cancer",
 * "liver and bile duct cancer", "cancer of the vulva", "cáncer de mama") or only as a body part
 * ("spread to the liver", "skin rash"), and whether it sits near words of spread. Thread-safe.
 */
final class MentionContext {
  /** Words that make an organ word a cancer: "breast cancer", "renal cell carcinoma". */
  static final Set<String> CANCER_NOUNS =
      Set.of(
          "cancer",
          "cancers",
          "carcinoma",
          "carcinomas",
          "tumor",
          "tumors",
          "tumour",
          "tumours",
          "neoplasm",
          "neoplasms",
          "malignancy",
          "malignancies",
          "sarcoma",
          "sarcomas",
          "oncology",
          "oncologist",
          "oncologists",
          "cáncer",
          "cánceres",
          "tumores",
          "neoplasia",
          "neoplasias",
          "malignidad");

  /** Words that a noun phrase cannot cross: "the liver, and the cancer" is two phrases. */
  private static final Set<String> PHRASE_BREAKS =
      Set.of(
          "the", "a", "an", "that", "which", "who", "is", "are", "was", "were", "has", "have",
          "had", "to", "from", "with", "by", "can", "may", "this", "these", "it", "its", "their",
          "your", "for", "if", "when", "after", "before", "be", "been", "la", "el", "los", "las",
          "que", "es", "son", "se", "con", "por", "para", "puede", "su", "sus");

  /** Words allowed between a cancer noun and an organ: "cancer of the vulva", "cáncer de mama". */
  private static final Set<String> OF_THE =
      Set.of(
          "of",
          "in",
          "the",
          "de",
          "del",
          "la",
          "el",
          "los",
          "las",
          "en",
          "and",
          "or",
          "y",
          "o",
          Tokens.CLAUSE);

  /** Words of spread, for metastatic sites ("spread to the liver", "bone metastases"). */
  static final Set<String> SPREAD =
      Set.of(
          "metastasis",
          "metastases",
          "metastatic",
          "metastasize",
          "metastasized",
          "metastasizes",
          "metastasise",
          "metastasised",
          "spread",
          "spreads",
          "spreading",
          "mets",
          "secondary",
          "metástasis",
          "metastásico",
          "metastásica",
          "metastásicos",
          "metastásicas",
          "diseminado",
          "diseminada",
          "disemina",
          "diseminó",
          "propaga",
          "propagado",
          "extendido",
          "extiende");

  private static final int AHEAD = 4;
  private static final int BEHIND = 4;
  private static final int SPREAD_REACH = 8;

  private MentionContext() {}

  /** True when a cancer noun follows within a short noun phrase, or precedes with "of the". */
  static boolean namedAsCancer(Tokens tokens, int start, int end) {
    List<String> t = tokens.list();
    for (int i = end; i < t.size() && i < end + AHEAD; i++) {
      String tok = t.get(i);
      if (CANCER_NOUNS.contains(tok)) {
        return true;
      }
      if (tok.equals(Tokens.SENTENCE) || PHRASE_BREAKS.contains(tok)) {
        break;
      }
    }
    for (int i = start - 1; i >= 0 && i >= start - BEHIND; i--) {
      String tok = t.get(i);
      if (CANCER_NOUNS.contains(tok)) {
        return i + 1 < start && OF_THE.contains(t.get(i + 1));
      }
      if (!OF_THE.contains(tok)) {
        return false;
      }
    }
    return false;
  }

  /**
   * True when a word of spread is within reach in the same sentence, or in the mention itself
   * ("bone metastases").
   */
  static boolean nearSpread(Tokens tokens, int start, int end) {
    List<String> t = tokens.list();
    for (int i = start; i < end; i++) {
      if (SPREAD.contains(t.get(i))) {
        return true;
      }
    }
    for (int i = start - 1; i >= 0 && i >= start - SPREAD_REACH; i--) {
      if (t.get(i).equals(Tokens.SENTENCE)) {
        break;
      }
      if (SPREAD.contains(t.get(i))) {
        return true;
      }
    }
    for (int i = end; i < t.size() && i < end + SPREAD_REACH; i++) {
      if (t.get(i).equals(Tokens.SENTENCE)) {
        break;
      }
      if (SPREAD.contains(t.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** Words that say a cancer starts somewhere: "cancer that starts in the lung". */
  private static final Set<String> ORIGIN =
      Set.of(
          "starts",
          "started",
          "start",
          "begins",
          "began",
          "begin",
          "originates",
          "originated",
          "from",
          "primary",
          "empieza",
          "comienza",
          "origina",
          "originó",
          "primario");

  /** True when the sentence says the cancer started at the mention ("starts in the lung"). */
  static boolean namedAsOrigin(Tokens tokens, int start) {
    List<String> t = tokens.list();
    for (int i = start - 1; i >= 0 && i >= start - 8; i--) {
      if (t.get(i).equals(Tokens.SENTENCE)) {
        return false;
      }
      if (ORIGIN.contains(t.get(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True for "cancer in children", "children with cancer", "young adult cancers", "niños con
   * cáncer".
   */
  static boolean youngWithCancer(Tokens tokens, int start, int end) {
    List<String> t = tokens.list();
    if (end < t.size() && CANCER_NOUNS.contains(t.get(end))) {
      return true;
    }
    if (start >= 2
        && (t.get(start - 1).equals("in") || t.get(start - 1).equals("en"))
        && CANCER_NOUNS.contains(t.get(start - 2))) {
      return true;
    }
    if (end + 1 < t.size()
        && (t.get(end).equals("with") || t.get(end).equals("con"))
        && CANCER_NOUNS.contains(t.get(end + 1))) {
      return true;
    }
    return end + 2 < t.size()
        && t.get(end).equals("who")
        && (t.get(end + 1).equals("have") || t.get(end + 1).equals("had"))
        && CANCER_NOUNS.contains(t.get(end + 2));
  }

  /** True for "cancer that has spread", "tumors spread", "the spread of breast cancer". */
  static boolean spreadOfCancer(Tokens tokens, int start, int end) {
    List<String> t = tokens.list();
    for (int i = start - 1; i >= 0 && i >= start - BEHIND; i--) {
      if (t.get(i).equals(Tokens.SENTENCE)) {
        break;
      }
      if (CANCER_NOUNS.contains(t.get(i))
          || t.get(i).equals("cells")
          || t.get(i).equals("células")) {
        return true;
      }
    }
    if (end < t.size()
        && (t.get(end).equals("of") || t.get(end).equals("del") || t.get(end).equals("de"))) {
      for (int i = end + 1; i < t.size() && i <= end + AHEAD; i++) {
        if (CANCER_NOUNS.contains(t.get(i))) {
          return true;
        }
        if (t.get(i).equals(Tokens.SENTENCE)) {
          break;
        }
      }
    }
    return false;
  }
}
