package org.metshub.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.metshub.App;

/**
 * The compiled main classes, for the architecture tests that ask which classes use a type. A class
 * that mentions a type in any way (a field, a parameter, a constructor or method called, a fully
 * qualified name) has the type's binary name in its constant pool, whether or not its source
 * imports it; so reading the class file's bytes finds every use.
 */
final class ClassFiles {
  private ClassFiles() {}

  /** The compiled classes of a main package, such as {@code "org/metshub/web"}, in name order. */
  static List<Path> of(String packagePath) throws IOException {
    Path root;
    try {
      root = Path.of(App.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    try (Stream<Path> s = Files.list(root.resolve(packagePath))) {
      List<Path> classes = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
      assertThat(classes).as("compiled classes of " + packagePath).isNotEmpty();
      return classes;
    }
  }

  /** The class's simple name, with {@code $} before a nested class's name. */
  static String name(Path classFile) {
    return classFile.getFileName().toString().replace(".class", "");
  }

  /**
   * Whether a class file mentions the class {@code binaryName} (such as {@code "org/metshub/App"})
   * or a class nested in it.
   */
  static boolean names(Path classFile, String binaryName) throws IOException {
    byte[] b = Files.readAllBytes(classFile);
    byte[] name = binaryName.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i + name.length <= b.length; i++) {
      for (int j = 0; j < name.length; j++) {
        if (b[i + j] != name[j]) {
          continue outer;
        }
      }
      // "org/metshub/App" itself (the constant's length byte ends it; the next byte is a tag),
      // "Lorg/metshub/App;" or "org/metshub/App$Opening", not a name such as "AppConfig".
      int next = i + name.length < b.length ? b[i + name.length] : 0;
      if (!(Character.isLetterOrDigit(next) || next == '_')) {
        return true;
      }
    }
    return false;
  }
}
