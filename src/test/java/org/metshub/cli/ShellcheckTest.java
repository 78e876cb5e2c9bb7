package org.metshub.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The shell scripts (the launcher, the CI entry point and the bench scripts) pass shellcheck with
 * no finding at any level. Skipped when shellcheck is not installed, except under CI, where {@code
 * .ci/run} installs it.
 */
class ShellcheckTest {
  private static final Path SHELLCHECK = Path.of("/usr/bin/shellcheck");

  @Test
  void theScriptsHaveNoFindings() throws Exception {
    if (!Files.isExecutable(SHELLCHECK)) {
      String message =
          "shellcheck is not installed (Debian: apt-get install shellcheck;"
              + " .ci/run installs it)";
      if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
        fail(message + "; CI is set, so this fails the build");
      }
      Assumptions.abort(message + "; skipped");
    }
    List<String> command =
        new ArrayList<>(List.of(SHELLCHECK.toString(), "--severity=style", "metshub", ".ci/run"));
    try (Stream<Path> bench = Files.list(Path.of("bench"))) {
      bench
          .filter(p -> p.toString().endsWith(".sh"))
          .sorted()
          .forEach(p -> command.add(p.toString()));
    }
    assertThat(command).as("the bench scripts are linted too").anyMatch(c -> c.endsWith("web.sh"));
    Path out = Files.createTempFile("shellcheck", ".txt");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(out)).isZero();
    Files.delete(out);
  }
}
