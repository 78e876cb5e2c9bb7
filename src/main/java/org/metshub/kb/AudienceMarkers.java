package org.metshub.kb;

import java.util.regex.Pattern;

/**
 * Explicit signs of who a page is written for: NCI PDQ "{@code -hp-}" file names and URLs, and
 * "Health Professional Version" / "for health professionals" in a title or heading; likewise
 * "Patient Version". The validator warns on a contradiction with {@code audienceLevel}; the
 * importers correct it. Thread-safe.
 */
public final class AudienceMarkers {
  /** An {@code hp} path segment or word: {@code types-anal-hp.md}, {@code /types/anal/hp}. */
  private static final Pattern PROFESSIONAL_PATH = Pattern.compile("(?i)(^|[/_.-])hp([/_.-]|$)");

  private static final Pattern PROFESSIONAL_TEXT =
      Pattern.compile(
          "(?i)health\\s+professional\\s+version|for\\s+health\\s+professionals"
              + "|versi[oó]n\\s+para\\s+profesionales|para\\s+profesionales\\s+de\\s+la\\s+salud");

  private static final Pattern PATIENT_TEXT =
      Pattern.compile("(?i)\\bpatient\\s+version\\b|versi[oó]n\\s+para\\s+pacientes");

  private AudienceMarkers() {}

  /**
   * Which marker shows health-professional content, or empty when none does.
   *
   * @param fileName the file name without folders (may be empty)
   * @param url the page URL (may be empty)
   * @param title the title
   * @param headings the section headings
   */
  public static java.util.Optional<String> professional(
      String fileName, String url, String title, Iterable<String> headings) {
    if (PROFESSIONAL_PATH.matcher(fileName).find()) {
      return java.util.Optional.of("'hp' in the file name " + fileName);
    }
    if (PROFESSIONAL_PATH.matcher(url).find()) {
      return java.util.Optional.of("'hp' in the URL " + url);
    }
    if (PROFESSIONAL_TEXT.matcher(title).find()) {
      return java.util.Optional.of("the title says it is for health professionals");
    }
    for (String h : headings) {
      if (PROFESSIONAL_TEXT.matcher(h).find()) {
        return java.util.Optional.of("the heading '" + h + "' says it is for health professionals");
      }
    }
    return java.util.Optional.empty();
  }

  /** True when the title says it is the patient version of a page. */
  public static boolean patientVersion(String title) {
    return PATIENT_TEXT.matcher(title).find();
  }
}
