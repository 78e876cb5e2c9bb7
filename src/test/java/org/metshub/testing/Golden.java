package org.metshub.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: what a renderer or parser produces now, compared with a reviewed file kept in the
 * repository. With {@code -Dgolden.update=true} the files are written (after a deliberate change,
 * or for a new case; review the diff before committing); without it, a missing or stale file fails.
 * A golden file never writes itself on a first run, or it would pass whatever the code does.
 */
public final class Golden {
  private Golden() {}

  /** Fails unless {@code expected} holds exactly {@code actual} (line ends normalised). */
  public static void check(Path expected, String actual) {
    String text = actual.replace("\r\n", "\n");
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(expected.toAbsolutePath().getParent());
        Files.writeString(expected, text, StandardCharsets.UTF_8);
      }
      assertThat(expected)
          .as(
              "no expected %s; run with -Dgolden.update=true, then review the" + " new file",
              expected)
          .exists();
      assertThat(text)
          .as(
              "%s is stale or the output changed; if the change is deliberate, run"
                  + " with -Dgolden.update=true and review the diff",
              expected)
          .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
