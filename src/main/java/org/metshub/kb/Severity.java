package org.metshub.kb;

import java.util.Locale;

/** How bad a {@link Problem} is: errors make a file invalid, warnings do not. */
public enum Severity {
  ERROR,
  WARNING;

  /** The lower-case word used in reports: {@code error} or {@code warning}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
