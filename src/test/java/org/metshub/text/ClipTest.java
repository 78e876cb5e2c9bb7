package org.metshub.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClipTest {
  @Test
  void shortTextIsKeptAndLongTextCutWithAnEllipsis() {
    assertThat(Clip.of("bone", 4)).isEqualTo("bone");
    assertThat(Clip.of("bone pain", 4)).isEqualTo("bone…");
    assertThat(Clip.of("", 0)).isEmpty();
    assertThat(Clip.of("x", 0)).isEqualTo("…");
  }

  /** Regression: a cut between the two halves of an emoji left half a character. */
  @Test
  void aCutNeverSplitsASurrogatePair() {
    String s = "ab\uD83D\uDE00cd"; // ab😀cd: the emoji is two chars, at 2 and 3
    assertThat(Clip.of(s, 3)).isEqualTo("ab…");
    assertThat(Clip.of(s, 4)).isEqualTo("ab\uD83D\uDE00…");
    assertThat(Clip.of(s, 2)).isEqualTo("ab…");
    assertThat(Clip.of("\uD83D\uDE00\uD83D\uDE00", 1)).isEqualTo("…");
  }

  @Test
  void textOfExactlyTheLengthIsKeptWhole() {
    assertThat(Clip.of("bone", 4)).isEqualTo("bone");
    assertThat(Clip.of("ab\uD83D\uDE00", 4)).isEqualTo("ab\uD83D\uDE00");
  }

  @Test
  void nullIsEmptyAndANegativeLengthIsRefused() {
    assertThat(Clip.of(null, 10)).isEmpty();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Clip.of("bone", -1));
    assertThat(e.getMessage()).contains("-1");
  }
}
