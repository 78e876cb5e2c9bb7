package org.metshub.safety;

import java.util.Objects;
import java.util.Optional;

/**
 * What the policy knows of the reader besides the message, used to choose the reply language, the
 * crisis lines and the emergency number.
 *
 * @param interfaceLanguage the language of the site or the API call ({@code en}, {@code es}, a tag
 *     such as {@code es-MX}, or empty): the reply language when the message's own language is not
 *     clear
 * @param country the country the reader chose (the {@code country} parameter or {@code --country}):
 *     an ISO 3166-1 code or a country name
 * @param region the region of the reader's preferred language ({@code en-GB} gives GB), used when
 *     neither the reader nor the message names a country
 */
public record ReaderContext(
    String interfaceLanguage, Optional<String> country, Optional<String> region) {
  public ReaderContext {
    Objects.requireNonNull(interfaceLanguage, "interfaceLanguage");
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(region, "region");
  }

  /** A reader known only by an interface language. */
  public static ReaderContext of(String interfaceLanguage) {
    return new ReaderContext(interfaceLanguage, Optional.empty(), Optional.empty());
  }
}
