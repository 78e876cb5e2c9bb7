package org.metshub.safety;

import java.util.Locale;

/**
 * Whom an urgent message is about: the writer ({@link #SELF}, answered "you") or someone they write
 * about ({@link #OTHER}: "my dad", "mi madre", answered "they" / "stay with them").
 */
public enum Person {
  SELF,
  OTHER;

  /** {@code self} or {@code other}, as in the rules files and the API. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
