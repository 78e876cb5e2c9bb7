package org.metshub.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: NullAway checks only the packages marked {@code @NullMarked} (OnlyNullMarked=true in
 * the pom), and the mark does not reach sub-packages. Every folder of {@code src/main/java} that
 * holds Java sources must have a {@code package-info.java} that marks it, so a new package cannot
 * go unchecked without anyone noticing.
 */
class NullMarkedPackagesTest {
  static List<String> unmarked(Path root) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.walk(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        boolean sources;
        try (Stream<Path> files = Files.list(dir)) {
          sources = files.anyMatch(f -> f.toString().endsWith(".java"));
        }
        if (!sources) {
          continue;
        }
        Path info = dir.resolve("package-info.java");
        if (!Files.exists(info)
            || !Files.readString(info)
                .matches("(?s).*@(org\\.jspecify\\.annotations\\.)?NullMarked\\b.*")) {
          out.add(root.relativize(dir).toString());
        }
      }
    }
    return out;
  }

  @Test
  void everyMainPackageIsNullMarked() throws IOException {
    assertThat(unmarked(Path.of("src/main/java"))).isEmpty();
  }

  @Test
  void aPackageWithoutTheMarkIsFound(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws IOException {
    Files.createDirectories(tmp.resolve("a/b"));
    Files.writeString(tmp.resolve("a/A.java"), "package a; class A {}");
    Files.writeString(
        tmp.resolve("a/package-info.java"),
        "@NullMarked\npackage a;\nimport org.jspecify.annotations.NullMarked;\n");
    Files.writeString(tmp.resolve("a/b/B.java"), "package a.b; class B {}");
    assertThat(unmarked(tmp)).containsExactly("a/b");
    Files.writeString(tmp.resolve("a/b/package-info.java"), "/** No mark. */\npackage a.b;\n");
    assertThat(unmarked(tmp)).containsExactly("a/b");
  }
}
