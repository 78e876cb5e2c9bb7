package org.metshub.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: {@code App} is not a service locator for the web site. Each feature of {@code
 * org.metshub.web} is given the collaborators it uses, in {@code WebServer}; no other class of the
 * package may name {@code App}, so a page cannot reach for the whole application.
 *
 * <p>The check reads the compiled classes ({@link ClassFiles}): a class that mentions {@code App}
 * in any way has {@code org/metshub/App} in its constant pool, whether or not its source imports
 * it.
 */
class WebWiringTest {
  /** The binary name of App, as it appears in class files. */
  static final String APP = "org/metshub/App";

  /** The one wiring class (and any class nested in it). */
  static final String WIRING = "WebServer";

  @Test
  void onlyWebServerKnowsTheApplication() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path f : webClasses()) {
      String name = ClassFiles.name(f);
      if (!(name.equals(WIRING) || name.startsWith(WIRING + "$")) && namesApp(f)) {
        found.add(name);
      }
    }
    assertThat(found)
        .as(
            "classes of org.metshub.web that use org.metshub.App; give them the "
                + "collaborators they use in WebServer.routes instead")
        .isEmpty();
  }

  @Test
  void theCheckFindsAUse() throws IOException {
    Path wiring =
        webClasses().stream()
            .filter(f -> f.getFileName().toString().equals(WIRING + ".class"))
            .findFirst()
            .orElseThrow();
    assertThat(namesApp(wiring)).isTrue();
    Path site = wiring.resolveSibling("Site.class");
    assertThat(namesApp(site)).isFalse();
  }

  /** Whether a class file mentions {@code org.metshub.App} or a class nested in it. */
  static boolean namesApp(Path classFile) throws IOException {
    return ClassFiles.names(classFile, APP);
  }

  /** The compiled classes of {@code org.metshub.web}. */
  static List<Path> webClasses() throws IOException {
    List<Path> classes = ClassFiles.of("org/metshub/web");
    assertThat(classes).as("compiled classes of org.metshub.web").hasSizeGreaterThan(20);
    return classes;
  }
}
