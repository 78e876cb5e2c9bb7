package org.metshub.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table test: every message of {@code src/test/resources/safety/cases.tsv} gets the verdict
 * kind the table gives, and its language is detected.
 */
class SafetyPolicyTableTest {
  private static final String TABLE = "/safety/cases.tsv";

  /** One row of the table; {@code line} is its line number in the file. */
  record Case(int line, String expected, String language, String message) {
    @Override
    public String toString() {
      return "cases.tsv:" + line + " " + expected + " <- " + message;
    }
  }

  static List<Case> cases() {
    List<Case> out = new ArrayList<>();
    String[] lines = SafetyYaml.resource(TABLE).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      String[] cols = l.split("\t", -1);
      if (cols.length != 3) {
        throw new IllegalStateException(
            TABLE + ":" + (i + 1) + ": needs 3 TAB-separated columns, got " + cols.length);
      }
      out.add(new Case(i + 1, cols[0].strip(), cols[1].strip(), cols[2]));
    }
    return out;
  }

  static String kindOf(SafetyVerdict v) {
    return switch (v) {
      case SafetyVerdict.Safe s -> s.note().isPresent() ? "safe+note" : "safe";
      case SafetyVerdict.Urgent u -> "urgent:" + u.kind().id();
      case SafetyVerdict.Refused r -> "refused:" + r.reason().id();
    };
  }

  static Stream<Case> table() {
    return cases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void classifiesEachMessageAsTheTableSays(Case c) {
    SafetyVerdict v = SafetyPolicy.bundled().classify(c.message(), "", Optional.empty());
    assertThat(kindOf(v)).as("%s%n  because %s", c, v.explanation()).isEqualTo(c.expected());
    assertThat(v.language()).as("detected language of %s", c).isEqualTo(c.language());
  }

  @Test
  void tableHoldsAtLeast120CasesCoveringEveryKindInBothLanguages() {
    List<Case> all = cases();
    assertThat(all).hasSizeGreaterThanOrEqualTo(120);
    for (String language : SafetyPolicy.LANGUAGES) {
      List<String> kinds =
          all.stream().filter(c -> c.language().equals(language)).map(Case::expected).toList();
      for (UrgentKind k : UrgentKind.values()) {
        assertThat(kinds).as(language).contains("urgent:" + k.id());
      }
      for (RefusalKind k : RefusalKind.values()) {
        assertThat(kinds).as(language).contains("refused:" + k.id());
      }
      assertThat(kinds).as(language).contains("safe", "safe+note");
    }
  }
}
