package org.metshub.safety;

/** The kinds of cue phrase a rules file lists under {@code cues}, read around each match. */
enum Cue {
  /** A first-person or caregiver word: "I", "my", "mi madre", "tengo". */
  PERSONAL("personal"),
  /** Phrases whose personal words do not make a report: "tell me", "my oncologist". */
  NOT_PERSONAL("notPersonal"),
  /**
   * Question-about-information frames: "what are the symptoms of", "qué es". They count only before
   * (or around) a match: in "chest pain is it serious" the question comes after a report.
   */
  INFORMATION("information"),
  /** Words that make a whole message about research, wherever they stand: "suicide rates". */
  RESEARCH("research"),
  /** Negation shortly before a match: "don't have", "no tengo", "sin". */
  NEGATION("negation"),
  /** A hypothetical frame: "if I get", "si tengo". */
  HYPOTHETICAL("hypothetical"),
  /** Words that end a negation's reach: "but", "pero". */
  CLAUSE_BREAK("clauseBreaks"),
  /**
   * Words for another person: "my dad", "he", "mi madre", "ella". When one of these governs a
   * report, the reply speaks of "them" rather than "you".
   */
  OTHER("other"),
  /**
   * First-person subject words: "I", "I'm", "yo", "tengo". Between a word for another person and a
   * report, one of these gives the report back to the writer ("my husband is at work and I can't
   * breathe").
   */
  SELF("self"),
  /**
   * Time cues that place a symptom in the present: "right now", "since last night", "ahora mismo".
   * A match in a message with one is read as a report even inside a question ("is it bad that I'm
   * vomiting blood right now?"); negation and hypotheticals still win.
   */
  NOW("now"),
  /**
   * Asking how to get ready for a visit or a test: "how do we prepare", "what should we ask", "qué
   * debemos preguntar". Rules with {@code unless: [preparation]} are set aside by it.
   */
  PREPARATION("preparation"),
  /**
   * Telling what was felt during a test or a treatment, to ask whether it is normal: "I felt warm
   * when the dye went in", "sentí que me hacía pipí con el contraste". Such a message asks about
   * the test, not about a result; rules with {@code unless: [experience]} are set aside by it.
   */
  EXPERIENCE("experience");

  /** The cues a rule may name under {@code unless}. */
  static final java.util.Set<Cue> SETTING_ASIDE = java.util.EnumSet.of(PREPARATION, EXPERIENCE);

  private final String key;

  Cue(String key) {
    this.key = key;
  }

  /** The key under {@code cues} in a rules file. */
  String key() {
    return key;
  }
}
