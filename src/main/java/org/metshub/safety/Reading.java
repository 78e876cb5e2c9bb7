package org.metshub.safety;

/**
 * How a rule's match was read in its message: as something that fires the rule, or why it was set
 * aside. Each set-aside reading is also the id of the {@code Safe} verdict it leads to.
 */
enum Reading {
  /** A present report about the writer or someone they care for: fires an urgent rule. */
  REPORTED(""),
  /** A request about a person (or any dose request): fires a refusal rule. */
  REQUESTED(""),
  /** Negated shortly before ("I don't have chest pain"). */
  NEGATED("safe.negated"),
  /** Asked as a question about information ("what are the symptoms of ..."). */
  INFORMATION("safe.information"),
  /** A hypothetical ("what should I do if I get a fever"). */
  HYPOTHETICAL("safe.hypothetical"),
  /** Not about any person: a condition name or a general question. */
  GENERAL("safe.general");

  private final String safeRuleId;

  Reading(String safeRuleId) {
    this.safeRuleId = safeRuleId;
  }

  boolean fires() {
    return this == REPORTED || this == REQUESTED;
  }

  /** The id of the Safe verdict this reading leads to when nothing fires. */
  String safeRuleId() {
    return safeRuleId;
  }
}
