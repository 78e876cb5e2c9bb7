package org.metshub.safety;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Situations that get urgent-care guidance or crisis lines instead of an answer. They follow the
 * red flags that cancer-information services and emergency triage list (sources in the rules
 * files). The order is the precedence when one message reports several: "my chest hurts and I can't
 * breathe" gets the chest-pain guidance, heavy bleeding with faintness gets the bleeding guidance,
 * and back pain with numb legs is read as spinal cord compression before sudden numbness.
 */
public enum UrgentKind implements RuleKind {
  /** Thoughts of suicide or of self-harm, said directly or indirectly. */
  SELF_HARM,
  CHEST_PAIN,
  /** Swelling of the lips, tongue or throat, or hives with breathing trouble (anaphylaxis). */
  ALLERGIC_REACTION,
  /** A swollen, painful leg with breathlessness or chest pain: a possible blood clot. */
  BLOOD_CLOT,
  /** Trouble breathing, noisy breathing, choking, a feeling that the airway is closing. */
  TROUBLE_BREATHING,
  /** Heavy or uncontrolled bleeding from any site, vomiting blood, black stools with dizziness. */
  UNCONTROLLED_BLEEDING,
  /** A seizure (fit, convulsion). */
  SEIZURE,
  /** New back pain with leg weakness or numbness: signs of spinal cord compression. */
  SPINAL_CORD_COMPRESSION,
  /** Sudden weakness or numbness of the face, an arm, a leg or one side; slurred speech. */
  SUDDEN_WEAKNESS_NUMBNESS,
  /** A (severe) headache together with confusion. */
  HEADACHE_CONFUSION,
  /** New confusion, or yellow skin or eyes with fever or confusion. */
  CONFUSION,
  /** Fainting, passing out, or feeling about to. */
  FAINTING,
  /** Severe belly pain with vomiting, or a swollen, hard belly. */
  SEVERE_ABDOMINAL_PAIN,
  /** Being unable to pass urine at all. */
  URINARY_RETENTION,
  FEVER_DURING_CHEMO,
  /** A high fever or shaking chills in anyone with cancer, on chemotherapy or not. */
  HIGH_FEVER;

  @Override
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind whose {@link #id()} is {@code id}. */
  public static Optional<UrgentKind> fromId(String id) {
    return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
  }
}
