package org.metshub.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: configuration is read once, at the edge. Only {@code cli/Main.java} reads the process's
 * environment and system properties (and hands them to {@code ConfigReader}); any other read under
 * {@code src/main/java} fails this test unless {@link #ALLOWED} lists it with its reason. So a
 * {@code METSHUB_DB_URL} in a developer's shell cannot reach code that tests call, and every
 * setting shows in {@code metshub config}.
 */
class ConfigReadOnceTest {
  /** The calls that read the process's environment or system properties. */
  static final Pattern READ =
      Pattern.compile(
          "System\\.getenv|System\\.getProperty|"
              + "System\\.getProperties|Integer\\.getInteger|Long\\.getLong|Boolean\\.getBoolean");

  /** File (under org/metshub) and the exact read, and why it may stay there. */
  static final Map<String, String> ALLOWED =
      Map.of(
          "cli/UserCommand.java: System.getProperty(\"user.name\"",
          "who ran the command, written"
              + " to the audit log as cli:NAME: a fact of the process, like the clock, not a"
              + " setting");

  @Test
  void onlyTheCliMainReadsTheEnvironmentOrSystemProperties() throws IOException {
    Path root = Path.of("src/main/java/org/metshub");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String name = root.relativize(f).toString().replace('\\', '/');
        if (name.equals("cli/Main.java")) {
          continue;
        }
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = READ.matcher(lines.get(i));
          while (m.find()) {
            String line = lines.get(i);
            boolean allowed =
                ALLOWED.keySet().stream()
                    .anyMatch(
                        a ->
                            a.startsWith(name + ": ")
                                && line.contains(a.substring(name.length() + 2)));
            if (!allowed) {
              found.add(name + ":" + (i + 1) + ": " + line.strip());
            }
          }
        }
      }
    }
    assertThat(found)
        .as(
            "reads of the environment or system properties below cli.Main; read "
                + "a setting through ConfigReader and pass it down instead")
        .isEmpty();
  }

  @Test
  void theCheckFindsARead() {
    assertThat(READ.matcher("int n = Integer.getInteger(\"metshub.x\", 3);").find()).isTrue();
    assertThat(READ.matcher("String u = System.getenv(\"METSHUB_DB_URL\");").find()).isTrue();
    assertThat(READ.matcher("props.getProperty(\"user\")").find()).isFalse();
  }
}
