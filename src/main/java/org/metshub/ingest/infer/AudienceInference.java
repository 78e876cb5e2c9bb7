package org.metshub.ingest.infer;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.metshub.kb.AudienceMarkers;
import org.metshub.kb.Readability;

/**
 * Infers whether a document is written for patients or for health professionals.
 *
 * <p>An explicit marker decides ({@link AudienceMarkers}: "-hp-" pages, "Health Professional
 * Version", "Patient Version"). Otherwise three signals are weighed: words of clinical research and
 * practice ("randomized", "hazard ratio", "et al", "level of evidence", "dosing"), the reader
 * addressed as "you", and sentence complexity (the readability grade). The weights and thresholds
 * were set on the NCI corpus, whose PDQ summaries come in labelled patient and health-professional
 * versions, with the markers hidden. Thread-safe.
 */
public final class AudienceInference {
  public static final String PATIENT = "patient";
  public static final String CLINICIAN = "clinician";

  /** Score at which a text counts as written for health professionals. */
  static final int PROFESSIONAL_SCORE = 2;

  private static final Set<String> PROFESSIONAL_WORDS =
      Set.of(
          "randomized",
          "randomised",
          "randomly",
          "cohort",
          "cohorts",
          "retrospective",
          "prospective",
          "multivariate",
          "univariate",
          "pharmacokinetic",
          "pharmacokinetics",
          "pharmacodynamic",
          "histologic",
          "histological",
          "histologically",
          "cytogenetic",
          "immunohistochemistry",
          "immunohistochemical",
          "etiology",
          "pathogenesis",
          "sequelae",
          "prognostic",
          "adjuvant",
          "neoadjuvant",
          "placebo",
          "median",
          "dosing",
          "mg",
          "kg",
          "aleatorizado",
          "aleatorizados",
          "mediana",
          "pronóstico",
          "histológico");

  private static final List<List<String>> PROFESSIONAL_PHRASES =
      List.of(
          List.of("et", "al"),
          List.of("hazard", "ratio"),
          List.of("odds", "ratio"),
          List.of("confidence", "interval"),
          List.of("level", "of", "evidence"),
          List.of("phase", "iii"),
          List.of("phase", "ii"),
          List.of("overall", "survival"),
          List.of("progression", "free", "survival"),
          List.of("in", "vitro"),
          List.of("in", "vivo"),
          List.of("health", "professionals"),
          List.of("supervivencia", "global"),
          List.of("profesionales", "de", "la", "salud"));

  private static final Set<String> READER_WORDS =
      Set.of("you", "your", "you're", "yourself", "usted", "ustedes", "tú", "tu", "te");

  /**
   * The audience and why.
   *
   * @param marked true when an explicit marker decided ("Health Professional Version")
   */
  public record Result(String audience, String reason, int score, boolean marked) {}

  /**
   * Infers the audience.
   *
   * @param fileName the source file name, for the "-hp-" marker (may be empty)
   * @param url the page URL (may be empty)
   * @param headings the section headings
   */
  public Result infer(
      DocumentText text,
      Readability readability,
      String fileName,
      String url,
      List<String> headings) {
    Optional<String> marker = AudienceMarkers.professional(fileName, url, text.title(), headings);
    if (marker.isPresent()) {
      return new Result(CLINICIAN, marker.get(), 10, true);
    }
    if (AudienceMarkers.patientVersion(text.title())) {
      return new Result(PATIENT, "the title says it is the patient version", -10, true);
    }
    Tokens t = text.bodyTokens();
    int words = Math.max(1, t.words());
    int professional = 0;
    int reader = 0;
    for (int i = 0; i < t.size(); i++) {
      String tok = t.get(i);
      if (PROFESSIONAL_WORDS.contains(tok)) {
        professional++;
      } else if (READER_WORDS.contains(tok)) {
        reader++;
      }
      for (List<String> p : PROFESSIONAL_PHRASES) {
        if (tok.equals(p.get(0)) && startsAt(t, i, p)) {
          professional++;
        }
      }
    }
    double professionalPerThousand = 1000.0 * professional / words;
    double readerPerHundred = 100.0 * reader / words;
    double grade = readability.grade();
    int score = 0;
    if (professionalPerThousand >= 6) {
      score += 2;
    } else if (professionalPerThousand >= 2) {
      score += 1;
    }
    if (readerPerHundred >= 1.0) {
      score -= 2;
    } else if (readerPerHundred >= 0.3) {
      score -= 1;
    }
    if (grade >= 14) {
      score += 1;
    } else if (grade > 0 && grade <= 9) {
      score -= 1;
    }
    String reason =
        String.format(
            java.util.Locale.ROOT,
            "%.1f research words per 1,000, 'you' %.1f per 100 words, grade %.1f",
            professionalPerThousand,
            readerPerHundred,
            grade);
    return new Result(score >= PROFESSIONAL_SCORE ? CLINICIAN : PATIENT, reason, score, false);
  }

  private static boolean startsAt(Tokens t, int i, List<String> phrase) {
    if (i + phrase.size() > t.size()) {
      return false;
    }
    for (int k = 1; k < phrase.size(); k++) {
      if (!t.get(i + k).equals(phrase.get(k))) {
        return false;
      }
    }
    return true;
  }
}
