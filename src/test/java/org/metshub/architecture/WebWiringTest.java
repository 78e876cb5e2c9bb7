package org.metshub.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.metshub.web.WebServer;

/**
 * Issue 19: {@code App} is not a service locator for the web site. Each feature of {@code
 * org.metshub.web} is given the collaborators it uses, in {@code WebServer}; no other class of the
 * package may name {@code App}, so a page cannot reach for the whole application.
 *
 * <p>The check reads the compiled classes: a class that mentions {@code App} in any way (a field, a
 * parameter, a call on a value of that type, a fully qualified name) has {@code org/metshub/App} in
 * its constant pool, whether or not its source imports it.
 */
class WebWiringTest {
  /** The binary name of App, as it appears in class files. */
  static final byte[] APP = "org/metshub/App".getBytes(StandardCharsets.UTF_8);

  /** The one wiring class (and any class nested in it). */
  static final String WIRING = "WebServer";

  @Test
  void onlyWebServerKnowsTheApplication() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path f : webClasses()) {
      String name = f.getFileName().toString().replace(".class", "");
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
    byte[] b = Files.readAllBytes(classFile);
    outer:
    for (int i = 0; i + APP.length <= b.length; i++) {
      for (int j = 0; j < APP.length; j++) {
        if (b[i + j] != APP[j]) {
          continue outer;
        }
      }
      // "org/metshub/App" itself (the constant's length byte ends it; the next byte is a tag),
      // "Lorg/metshub/App;" or "org/metshub/App$Opening", not a name such as "AppConfig".
      int next = i + APP.length < b.length ? b[i + APP.length] : 0;
      if (!(Character.isLetterOrDigit(next) || next == '_')) {
        return true;
      }
    }
    return false;
  }

  /** The compiled classes of {@code org.metshub.web}. */
  static List<Path> webClasses() throws IOException {
    Path root;
    try {
      root = Path.of(WebServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    try (Stream<Path> s = Files.list(root.resolve("org/metshub/web"))) {
      List<Path> classes = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
      assertThat(classes).as("compiled classes of org.metshub.web").hasSizeGreaterThan(20);
      return classes;
    }
  }
}
