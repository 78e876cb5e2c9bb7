package org.metshub.answer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a question asks for. The lexicon in {@code answer/intents.yaml} recognises each. */
enum Intent {
  QUESTIONS_TO_ASK,
  FINDING_HELP,
  PRACTICAL,
  COPING,
  SIDE_EFFECTS,
  RESEARCH,
  TESTS,
  OUTLOOK,
  CAUSES,
  SYMPTOMS,
  TREATMENT,
  DEFINITION,
  /** Nothing in the question says what it asks for. */
  GENERAL;

  /** {@code finding_help}, as in the lexicon file, the eval files and the API. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Intent> fromId(String id) {
    return Arrays.stream(values()).filter(i -> i.id().equals(id)).findFirst();
  }
}
