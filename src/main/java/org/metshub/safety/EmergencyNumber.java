package org.metshub.safety;

import java.util.Objects;
import org.metshub.text.Phones;

/**
 * An emergency number to call for an ambulance, and where it works.
 *
 * @param number as dialled, e.g. "999"
 * @param where where it works, in the reader's language, e.g. "United Kingdom" or "US, Canada,
 *     Mexico"
 */
public record EmergencyNumber(String number, String where) {
  public EmergencyNumber {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(where, "where");
    if (number.chars().noneMatch(Character::isDigit)) {
      throw new IllegalArgumentException("an emergency number needs digits, got '" + number + "'");
    }
  }

  /** The {@code tel:} address: "tel:" and the digits ("+" kept in front), e.g. "tel:999". */
  public String tel() {
    return Phones.tel(number);
  }
}
