package org.metshub.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: a type is public only when it is an API, that is when code outside its package uses it.
 * Every top-level type declared {@code public} under {@code src/main/java} must be named by its
 * full name (an import or a qualified use) in a source file of another package: main code, tests or
 * the jte templates. A public type that only its own package uses fails this test; drop its {@code
 * public}, or list it in {@link #ALLOWED} with the reason it must stay public.
 */
class PublicMeansApiTest {
  /**
   * Full name, and why it is public although no other package names it: another package uses it
   * through a public method's result without writing its name.
   */
  static final Map<String, String> ALLOWED =
      Map.of(
          "org.metshub.safety.UrgentKind",
              "returned by SafetyVerdict.Urgent.kind(), which the"
                  + " answer path's PolicyScreen reads",
          "org.metshub.safety.Person",
              "returned by SafetyVerdict.Urgent.person(), read by" + " PolicyScreen",
          "org.metshub.safety.RefusalKind",
              "returned by SafetyVerdict.Refused.reason(), read by" + " PolicyScreen",
          "org.metshub.safety.SafetyNote",
              "returned by SafetyVerdict.Safe.note(), read by" + " PolicyScreen",
          "org.metshub.ingest.infer.Tokens",
              "returned by DocumentText.bodyTokens(), read by" + " ingest.Enrichment");

  static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);

  @Test
  void everyPublicTypeIsUsedOutsideItsPackage() throws IOException {
    Map<Path, String> sources = new LinkedHashMap<>();
    for (String dir : List.of("src/main/java", "src/test/java", "src/main/jte")) {
      try (Stream<Path> files = Files.walk(Path.of(dir))) {
        for (Path f :
            files
                .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".jte"))
                .sorted()
                .toList()) {
          sources.put(f, Files.readString(f));
        }
      }
    }
    List<String> internal = new ArrayList<>();
    for (Map.Entry<Path, String> e : sources.entrySet()) {
      Path f = e.getKey();
      String name = f.getFileName().toString().replaceFirst("\\.java$", "");
      if (!f.startsWith(Path.of("src/main/java"))
          || !f.toString().endsWith(".java")
          || name.equals("package-info")) {
        continue;
      }
      String pkg = packageOf(e.getValue());
      if (!declaredPublic(e.getValue(), name)) {
        continue;
      }
      String full = pkg + "." + name;
      Pattern named = Pattern.compile(Pattern.quote(full) + "\\b");
      boolean usedOutside =
          sources.entrySet().stream()
              .filter(o -> !o.getKey().equals(f))
              .filter(
                  o ->
                      !o.getKey().toString().endsWith(".java")
                          || !pkg.equals(packageOf(o.getValue())))
              .anyMatch(o -> named.matcher(o.getValue()).find());
      if (!usedOutside && !ALLOWED.containsKey(full)) {
        internal.add(full);
      }
    }
    assertThat(internal)
        .as(
            "public types that no other package uses: make them package-private"
                + " (or list them in ALLOWED with a reason)")
        .isEmpty();
  }

  @Test
  void aTopLevelTypeIsSeenAsPublicOnlyWhenDeclaredSo() {
    assertThat(declaredPublic("package a;\npublic final class Thing {}", "Thing")).isTrue();
    assertThat(declaredPublic("package a;\npublic sealed interface Thing permits X {}", "Thing"))
        .isTrue();
    assertThat(declaredPublic("package a;\npublic record Thing(int x) {}", "Thing")).isTrue();
    assertThat(declaredPublic("package a;\nfinal class Thing {}", "Thing")).isFalse();
    assertThat(declaredPublic("package a;\npublic final class Things {}", "Thing")).isFalse();
    assertThat(
            declaredPublic(
                "package a;\nclass X {\n  public static final class Thing {}\n}", "Thing"))
        .isFalse();
  }

  /** Whether a source file declares the top-level type {@code name} public. */
  static boolean declaredPublic(String source, String name) {
    return Pattern.compile(
            "^public\\s+(?:(?:abstract|final|sealed|non-sealed)\\s+)*"
                + "(?:class|interface|record|enum|@interface)\\s+"
                + Pattern.quote(name)
                + "\\b",
            Pattern.MULTILINE)
        .matcher(source)
        .find();
  }

  private static String packageOf(String source) {
    Matcher m = PACKAGE.matcher(source);
    return m.find() ? m.group(1) : "";
  }
}
