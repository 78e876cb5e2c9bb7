package org.metshub.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTest {
  @Test
  void aLongValueIsShownOnOneLineClippedTo120Characters() {
    String value = "line one\n" + "x".repeat(200);
    String shown = Problem.error("a.md", 3, "title", "must be short", value).message();
    String got = shown.substring(shown.indexOf("got '") + 5, shown.length() - 1);
    assertThat(got).hasSize(120).startsWith("line one x").endsWith("x…").doesNotContain("\n");
  }

  @Test
  void aShortValueIsShownWholeAndNoValueNotAtAll() {
    assertThat(Problem.error("a.md", 3, "lastReviewed", "must be a date", "2025-13-01").format())
        .isEqualTo("a.md:3: error: lastReviewed: must be a date, got '2025-13-01'");
    assertThat(Problem.warning("a.md", 1, "url", "is required", "").message())
        .isEqualTo("is required");
  }
}
