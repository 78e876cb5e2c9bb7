package org.metshub.directory;

import java.util.List;
import java.util.Set;
import org.metshub.text.Phones;

/**
 * An organisation of the resource directory, read from a KB document with {@code docType:
 * organization}. {@code summaryEs} is the Spanish summary, empty when the entry has none; {@code
 * audience} its document's {@code audienceLevel} (empty when not known). Immutable.
 */
public record Organization(
    String id,
    String name,
    String url,
    String summary,
    List<String> countries,
    List<String> cancerTypes,
    List<String> services,
    List<String> languages,
    String phone,
    String language,
    String summaryEs,
    String audience) {

  /**
   * Services that serve patients and families directly (vocab/services.yaml), which tell patient
   * support from a society when the audience is not known.
   */
  static final Set<String> PATIENT_SERVICES =
      Set.of(
          "helpline",
          "support_groups",
          "peer_support",
          "financial_help",
          "case_management",
          "trial_navigation");

  public Organization {
    countries = List.copyOf(countries);
    cancerTypes = List.copyOf(cancerTypes);
    services = List.copyOf(services);
    languages = List.copyOf(languages);
  }

  /** An organisation without a Spanish summary. */
  public Organization(
      String id,
      String name,
      String url,
      String summary,
      List<String> countries,
      List<String> cancerTypes,
      List<String> services,
      List<String> languages,
      String phone,
      String language) {
    this(
        id,
        name,
        url,
        summary,
        countries,
        cancerTypes,
        services,
        languages,
        phone,
        language,
        "",
        "");
  }

  public boolean offers(String service) {
    return services.contains(service);
  }

  /** True when it serves people in the country (or worldwide). */
  public boolean serves(String country) {
    return countries.contains(country) || countries.contains("INT");
  }

  /**
   * True when it is there for patients and families: its entry is written for them (not for
   * researchers or clinicians, as a professional or research society's is), or, when that is not
   * known, it offers them a direct service (a helpline, support groups…).
   */
  public boolean supportsPatients() {
    if (audience.equals("researcher") || audience.equals("clinician")) {
      return false;
    }
    return !audience.isEmpty() || services.stream().anyMatch(PATIENT_SERVICES::contains);
  }

  /** The summary in {@code lang}: the Spanish one for {@code es} when there is one. */
  public String summary(String lang) {
    return lang.equals("es") && !summaryEs.isBlank() ? summaryEs : summary;
  }

  /** True when the summary shown in {@code lang} is written in another language. */
  public boolean summaryUntranslated(String lang) {
    return !lang.equals(language) && !summary.isBlank() && summary(lang).equals(summary);
  }

  /** The {@code tel:} address of the phone ("tel:" and its digits, a leading "+" kept). */
  public String tel() {
    return Phones.tel(phone);
  }

  /** The {@code tel:} address of a phone number as written ({@link Phones#tel}). */
  public static String tel(String phone) {
    return Phones.tel(phone);
  }
}
