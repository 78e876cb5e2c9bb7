package org.metshub.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.metshub.safety.SafetyCasesTable.Case;

/**
 * The safety tables in {@code src/test/resources/safety/cases/}: crisis messages, emergency
 * symptoms of every red flag, and questions that must stay informational, in English and Spanish,
 * about oneself and about others, written in patient voice. Each message is classified with an
 * English interface and no country, and must get the outcome, red flag, reply language and person
 * the table gives. {@code SafetyRepliesHttpTest} sends the same tables through the site and the API
 * with a range of Accept-Language headers.
 */
class SafetyCasesTest {
  /** The urgent kinds that answer each red flag of the tables. */
  static final Map<String, Set<UrgentKind>> RED_FLAGS =
      Map.ofEntries(
          Map.entry("bleeding", Set.of(UrgentKind.UNCONTROLLED_BLEEDING)),
          Map.entry("fainting", Set.of(UrgentKind.FAINTING)),
          Map.entry("breathing", Set.of(UrgentKind.TROUBLE_BREATHING)),
          Map.entry("urine", Set.of(UrgentKind.URINARY_RETENTION)),
          Map.entry("fever", Set.of(UrgentKind.FEVER_DURING_CHEMO, UrgentKind.HIGH_FEVER)),
          // Yellow skin with a fever is also a high fever.
          Map.entry(
              "confusion",
              Set.of(UrgentKind.CONFUSION, UrgentKind.HEADACHE_CONFUSION, UrgentKind.HIGH_FEVER)),
          Map.entry("abdominal", Set.of(UrgentKind.SEVERE_ABDOMINAL_PAIN)),
          Map.entry("stroke", Set.of(UrgentKind.SUDDEN_WEAKNESS_NUMBNESS)),
          Map.entry("seizure", Set.of(UrgentKind.SEIZURE)),
          Map.entry("allergy", Set.of(UrgentKind.ALLERGIC_REACTION)),
          Map.entry("clot", Set.of(UrgentKind.BLOOD_CLOT)),
          Map.entry("chest_pain", Set.of(UrgentKind.CHEST_PAIN)),
          Map.entry("spinal_cord", Set.of(UrgentKind.SPINAL_CORD_COMPRESSION)));

  static Stream<Case> cases() {
    return SafetyCasesTable.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void classifiesEachMessageAsTheTableSays(Case c) {
    SafetyVerdict v = SafetyPolicy.bundled().classify(c.message(), ReaderContext.of("en"));
    String got =
        switch (v) {
          case SafetyVerdict.Safe s -> "safe";
          case SafetyVerdict.Refused r -> "refused";
          case SafetyVerdict.Urgent u -> u.kind() == UrgentKind.SELF_HARM ? "self_harm" : "urgent";
        };
    assertThat(got).as("%s%n  because %s", c, v.explanation()).isEqualTo(c.outcome());
    if (v instanceof SafetyVerdict.Urgent u) {
      c.kind()
          .ifPresent(
              k ->
                  assertThat(RED_FLAGS.get(k))
                      .as("%s%n  got %s because %s", c, u.kind(), v.explanation())
                      .contains(u.kind()));
      c.person()
          .ifPresent(
              p ->
                  assertThat(u.person().id())
                      .as("person of %s%n  because %s", c, v.explanation())
                      .isEqualTo(p));
      assertThat(u.language()).as("reply language of %s", c).isEqualTo(c.language());
      c.country()
          .filter(code -> SafetyPolicy.bundled().listsCountry(code))
          .ifPresent(code -> assertThat(u.country()).as("country of %s", c).contains(code));
    }
    if (v instanceof SafetyVerdict.Refused r) {
      assertThat(r.language()).as("reply language of %s", c).isEqualTo(c.language());
    }
  }

  @Test
  void tablesAreAsLargeAsTheIssueAsks() {
    List<Case> all = SafetyCasesTable.all();
    assertThat(all.stream().filter(c -> c.outcome().equals("self_harm"))).hasSizeGreaterThan(80);
    assertThat(all.stream().filter(c -> c.outcome().equals("urgent"))).hasSizeGreaterThan(120);
    assertThat(all.stream().filter(c -> c.outcome().equals("safe"))).hasSizeGreaterThan(40);
    for (String lang : List.of("en", "es")) {
      for (String outcome : List.of("self_harm", "urgent", "safe", "refused")) {
        assertThat(all)
            .as(lang + " " + outcome)
            .anyMatch(c -> c.language().equals(lang) && c.outcome().equals(outcome));
      }
      for (String person : List.of("self", "other")) {
        assertThat(all)
            .as(lang + " " + person)
            .anyMatch(c -> c.language().equals(lang) && c.person().equals(Optional.of(person)));
      }
    }
    assertThat(all.stream().flatMap(c -> c.kind().stream()).distinct())
        .containsExactlyInAnyOrderElementsOf(RED_FLAGS.keySet());
  }
}
