package org.metshub.text;

/** Phone numbers as links. Stateless. */
public final class Phones {
  private Phones() {}

  /**
   * The {@code tel:} address of a phone number as written: "tel:" and its digits, with a leading
   * "+" kept ("+44 (0)808 808 00 00" is "tel:+4408088080000").
   */
  public static String tel(String phone) {
    StringBuilder sb = new StringBuilder("tel:");
    String s = phone.strip();
    if (s.startsWith("+")) {
      sb.append('+');
    }
    s.chars().filter(Character::isDigit).forEach(c -> sb.append((char) c));
    return sb.toString();
  }
}
