package org.metshub.answer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Situations that get urgent-care guidance or crisis lines instead of an answer. The order is
 * the precedence when one message reports several: "my chest hurts and I can't breathe" gets the
 * chest-pain guidance (call the emergency number), and back pain with numb legs is read as spinal
 * cord compression before sudden numbness.
 */
public enum UrgentKind implements RuleKind {
  /** Thoughts of suicide or of self-harm, said directly or indirectly. */
  SELF_HARM,
  CHEST_PAIN,
  TROUBLE_BREATHING,
  /** New back pain with leg weakness or numbness: signs of spinal cord compression. */
  SPINAL_CORD_COMPRESSION,
  /** Sudden weakness or numbness of the face, an arm, a leg or one side. */
  SUDDEN_WEAKNESS_NUMBNESS,
  /** A (severe) headache together with confusion. */
  HEADACHE_CONFUSION,
  UNCONTROLLED_BLEEDING,
  FEVER_DURING_CHEMO;

  @Override
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind whose {@link #id()} is {@code id}. */
  public static Optional<UrgentKind> fromId(String id) {
    return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
  }
}
