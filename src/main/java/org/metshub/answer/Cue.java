package org.metshub.answer;

/** The kinds of cue phrase a rules file lists under {@code cues}, read around each match. */
enum Cue {
  /** A first-person or caregiver word: "I", "my", "mi madre", "tengo". */
  PERSONAL("personal"),
  /** Phrases whose personal words do not make a report: "tell me", "my oncologist". */
  NOT_PERSONAL("notPersonal"),
  /**
   * Question-about-information frames: "what are the symptoms of", "qué es". They count only
   * before (or around) a match: in "chest pain is it serious" the question comes after a report.
   */
  INFORMATION("information"),
  /** Words that make a whole message about research, wherever they stand: "suicide rates". */
  RESEARCH("research"),
  /** Negation shortly before a match: "don't have", "no tengo", "sin". */
  NEGATION("negation"),
  /** A hypothetical frame: "if I get", "si tengo". */
  HYPOTHETICAL("hypothetical"),
  /** Words that end a negation's reach: "but", "pero". */
  CLAUSE_BREAK("clauseBreaks");

  private final String key;

  Cue(String key) {
    this.key = key;
  }

  /** The key under {@code cues} in a rules file. */
  String key() {
    return key;
  }
}
