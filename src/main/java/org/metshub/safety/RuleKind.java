package org.metshub.safety;

/**
 * What a safety rule detects: an urgent situation or a request MetsHub declines. The closed set
 * lives in code (so that every kind has texts and a verdict); the words that detect each kind live
 * in the rules files.
 */
sealed interface RuleKind permits UrgentKind, RefusalKind {
  /** The id used in the rules files and in verdicts, e.g. {@code chest_pain}. */
  String id();
}
