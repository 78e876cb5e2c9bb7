package org.metshub.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: the CLI and the benchmarks read and validate the KB through {@code App} ({@code
 * readKb}, {@code validatedKb}, {@code indexer}), so which vocabularies, review schedule and link
 * rule apply is decided in one place. No class of {@code org.metshub.cli} or {@code
 * org.metshub.bench} may name {@code KbReader} or {@code Validator}.
 *
 * <p>The check reads the compiled classes ({@link ClassFiles}). It is stricter than "constructs": a
 * static call on either class counts too; neither package needs one, and one that does should get
 * it from {@code App} as well.
 */
class KbWiringTest {
  /**
   * The KB reading pipeline's classes, by binary name: only {@code App} (and the core) wire them.
   */
  static final List<String> PIPELINE =
      List.of("org/metshub/kb/KbReader", "org/metshub/kb/Validator");

  /** The packages that start from {@code App}. */
  static final List<String> CALLERS = List.of("org/metshub/cli", "org/metshub/bench");

  @Test
  void theCliAndTheBenchmarksReadTheKbThroughApp() throws IOException {
    List<String> found = new ArrayList<>();
    for (String pkg : CALLERS) {
      for (Path f : ClassFiles.of(pkg)) {
        for (String type : PIPELINE) {
          if (ClassFiles.names(f, type)) {
            found.add(pkg + "/" + ClassFiles.name(f) + " uses " + type);
          }
        }
      }
    }
    assertThat(found)
        .as(
            "classes of cli or bench that read or validate the KB by hand; call "
                + "App.readKb or App.validatedKb instead")
        .isEmpty();
  }

  @Test
  void theCheckFindsTheWiring() throws IOException {
    Path app = classFile("org/metshub", "App");
    for (String type : PIPELINE) {
      assertThat(ClassFiles.names(app, type)).as(type).isTrue();
    }
    // A prefix of a name the class uses is not a use.
    Path coverage = classFile("org/metshub/cli", "CoverageCommand");
    assertThat(ClassFiles.names(coverage, "org/metshub/kb/KbDocument")).isTrue();
    assertThat(ClassFiles.names(coverage, "org/metshub/kb/KbDoc")).isFalse();
  }

  private static Path classFile(String pkg, String name) throws IOException {
    return ClassFiles.of(pkg).stream()
        .filter(f -> ClassFiles.name(f).equals(name))
        .findFirst()
        .orElseThrow();
  }
}
