package org.metshub.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a question asks for, in English or Spanish; the evidence gate sets its threshold by type.
 * Checked in declaration order, so "what is the treatment" is a treatment question.
 */
enum QuestionType {
  SUPPORT("support|help(line)?|organi[sz]ation|group|charit|financial|cost|pay|insurance"
      + "|caregiver|carer|apoyo|ayuda|organizaci|grupo|cuidador|pagar|costo"),
  RESEARCH("trial|study|studies|research|ensayo|estudio|investigaci"),
  PROGNOSIS("surviv|life expectancy|how long|prognos|curable|cure|outlook|pron[oó]stic"
      + "|supervivencia|cu[aá]nto tiempo|cura"),
  SYMPTOMS("symptom|sign|feel|s[ií]ntoma|signo|se siente"),
  TREATMENT("treat|therap|drug|medicine|medication|option|manage|surgery|radiation|chemo"
      + "|tratamiento|tratar|terapia|medicamento|cirug|radioterapia|quimio"),
  DEFINITION("^(what|what's|whats) (is|are|does)|mean(ing|s)?\\b|defin|^(qu[eé]) (es|son|significa)"
      + "|significado"),
  GENERAL("");

  private final Pattern pattern;

  QuestionType(String regex) {
    this.pattern = Pattern.compile("(?iu)" + (regex.isEmpty() ? "$^" : regex));
  }

  static QuestionType of(String question) {
    String q = question.strip().toLowerCase(Locale.ROOT).replaceFirst("^[¿¡]+", "");
    for (QuestionType t : values()) {
      if (t != GENERAL && t.pattern.matcher(q).find()) {
        return t;
      }
    }
    return GENERAL;
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
