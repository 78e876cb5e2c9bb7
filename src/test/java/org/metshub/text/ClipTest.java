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

  @Test
  void nullIsEmptyAndANegativeLengthIsRefused() {
    assertThat(Clip.of(null, 10)).isEmpty();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Clip.of("bone", -1));
    assertThat(e.getMessage()).contains("-1");
  }
}
