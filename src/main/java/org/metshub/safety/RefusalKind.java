package org.metshub.safety;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Requests MetsHub declines kindly, pointing to the care team instead. The order is the precedence
 * when one message asks several: a dose question gets the dose refusal (which says what to do if
 * someone took too much) even when it also names a drug to choose.
 */
public enum RefusalKind implements RuleKind {
  /** To give a dose or an amount of a medicine. */
  DOSE,
  /** To explain a person's own report, scan or lab result. */
  INTERPRET_REPORT,
  /** To say what a person's symptom is, or whether their cancer has spread. */
  DIAGNOSIS,
  /** To choose, start, stop or switch a treatment for a person. */
  TREATMENT_CHOICE;

  @Override
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind whose {@link #id()} is {@code id}. */
  public static Optional<RefusalKind> fromId(String id) {
    return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
  }
}
