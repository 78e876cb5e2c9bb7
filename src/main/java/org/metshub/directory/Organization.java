package org.metshub.directory;

import java.util.List;

/**
 * An organisation of the resource directory, read from a KB document with
 * {@code docType: organization}. Immutable.
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
    String language) {

  public Organization {
    countries = List.copyOf(countries);
    cancerTypes = List.copyOf(cancerTypes);
    services = List.copyOf(services);
    languages = List.copyOf(languages);
  }

  public boolean offers(String service) {
    return services.contains(service);
  }

  /** True when it serves people in the country (or worldwide). */
  public boolean serves(String country) {
    return countries.contains(country) || countries.contains("INT");
  }
}
