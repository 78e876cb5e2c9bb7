package org.metshub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script ({@code ./metshub}) run in a made-up checkout: a copy of the script beside a
 * pom and one source file, fake JDKs whose {@code java} reports a chosen version, and a fake {@code
 * mvn} that records how it was called. The PATH holds only the tools the script uses, so the
 * machine's own JDKs and Maven never take part.
 */
class LauncherTest {
  private static final List<String> TOOLS =
      List.of(
          "dirname",
          "readlink",
          "sed",
          "head",
          "sort",
          "find",
          "touch",
          "mkdir",
          "tail",
          "cat",
          "rm",
          "tr",
          "paste",
          "env");

  @TempDir Path tmp;
  Path root;
  Path bin;
  Path jdks;

  @BeforeEach
  void checkout() throws IOException {
    root = Files.createDirectories(tmp.resolve("checkout"));
    Files.copy(Path.of("metshub"), root.resolve("metshub"));
    Files.writeString(root.resolve("pom.xml"), "<project/>\n");
    Files.createDirectories(root.resolve("src/main/java"));
    Files.writeString(root.resolve("src/main/java/A.java"), "class A {}\n");
    Files.writeString(root.resolve("src/main/java/Old.java"), "class Old {}\n");
    bin = Files.createDirectories(tmp.resolve("bin"));
    for (String tool : TOOLS) {
      Path real =
          List.of(Path.of("/usr/bin", tool), Path.of("/bin", tool)).stream()
              .filter(Files::isExecutable)
              .findFirst()
              .orElseThrow(() -> new AssertionError("this machine has no " + tool));
      executable(bin.resolve(tool), "#!/bin/bash\nexec " + real + " \"$@\"\n");
    }
    jdks = Files.createDirectories(tmp.resolve("jdks"));
    // The javac on PATH is an old JDK's, so that step of the search finds nothing usable.
    Files.createSymbolicLink(bin.resolve("javac"), jdk("jdk-17", 17).resolve("bin/javac"));
    executable(
        bin.resolve("mvn"),
        """
        #!/bin/bash
        echo "$*" >> "$PWD/mvn-calls"
        if [[ " $* " == *" package "* ]]; then
          mkdir -p target/classes && touch target/metshub.jar
          for f in src/main/java/*.java; do b="${f##*/}"; touch "target/classes/${b%.java}.class"; done
        fi
        if [[ -n "${FAKE_MVN_FAIL:-}" ]]; then echo "[ERROR] COMPILATION ERROR in A.java"; exit 1; fi
        exit "${FAKE_MVN_STATUS:-0}"
        """);
  }

  /** A fake JDK home whose java reports {@code version} and echoes what it runs. */
  private Path jdk(String name, int version) throws IOException {
    Path home = Files.createDirectories(jdks.resolve(name).resolve("bin"));
    executable(
        home.resolve("java"),
        """
        #!/bin/bash
        for a in "$@"; do
          if [[ "$a" == -XshowSettings:properties ]]; then
            echo "    java.specification.version = %d" >&2; exit 0
          fi
        done
        echo "java of %s: $*"
        """
            .formatted(version, name));
    executable(home.resolve("javac"), "#!/bin/bash\nexit 0\n");
    return jdks.resolve(name);
  }

  private static void executable(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  record Run(int exit, String out, String err) {}

  private Run run(Map<String, String> env, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("/bin/bash", root.resolve("metshub").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
    pb.environment().clear();
    Map<String, String> all =
        new HashMap<>(
            Map.of(
                "PATH",
                bin.toString(),
                "HOME",
                tmp.toString(),
                "METSHUB_JDK_DIRS",
                jdks.toString()));
    all.putAll(env);
    pb.environment().putAll(all);
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private List<String> mvnCalls() throws IOException {
    Path calls = root.resolve("mvn-calls");
    return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
  }

  @Test
  void findsTheNewestJdkOf21OrLaterWhenJavaHomeIsTooOld() throws Exception {
    Path old = jdk("jdk-17", 17);
    jdk("jdk-21", 21);
    jdk("jdk-25", 25);
    Run r = run(Map.of("JAVA_HOME", old.toString()), "--version");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("java of jdk-25:")
        .contains("-jar " + root.resolve("target/metshub.jar") + " --version");
    assertThat(r.err()).contains("building with JDK 25 (" + jdks.resolve("jdk-25") + ")");
  }

  @Test
  void aUsableJavaHomeIsKeptOverNewerJdks() throws Exception {
    Path chosen = jdk("jdk-21", 21);
    jdk("jdk-25", 25);
    Run r = run(Map.of("JAVA_HOME", chosen.toString()), "--version");
    assertThat(r.out()).startsWith("java of jdk-21:");
  }

  @Test
  void withoutAJdk21TheLauncherSaysWhereItLookedAndExits64() throws Exception {
    jdk("jdk-17", 17);
    Run r = run(Map.of(), "--version");
    assertThat(r.exit()).isEqualTo(64);
    assertThat(r.err()).contains("no JDK 21 or newer was found").contains(jdks.toString());
    assertThat(mvnCalls()).isEmpty();
  }

  @Test
  void withoutMavenItSaysHowToInstallItAndExits64() throws Exception {
    jdk("jdk-21", 21);
    Files.delete(bin.resolve("mvn"));
    Run r = run(Map.of(), "--version");
    assertThat(r.exit()).isEqualTo(64);
    assertThat(r.err()).contains("Apache Maven (mvn) is needed");
  }

  @Test
  void aFailedBuildShowsTheEndOfItsLogAndExits70() throws Exception {
    jdk("jdk-21", 21);
    Run r = run(Map.of("FAKE_MVN_FAIL", "1"), "--version");
    assertThat(r.exit()).isEqualTo(70);
    assertThat(r.err()).contains("build failed").contains("COMPILATION ERROR in A.java");
    assertThat(r.out()).as("the CLI is not run after a failed build").isEmpty();
  }

  @Test
  void itBuildsOnlyWhenASourceChanged() throws Exception {
    jdk("jdk-21", 21);
    run(Map.of(), "--version");
    run(Map.of(), "--version");
    assertThat(mvnCalls())
        .as("built once, then reused")
        .hasSize(1)
        .allMatch(c -> c.contains("package"));
    Files.setLastModifiedTime(
        root.resolve("src/main/java/A.java"), FileTime.from(Instant.now().plusSeconds(60)));
    run(Map.of(), "--version");
    assertThat(mvnCalls()).as("a changed source builds again").hasSize(2);
  }

  @Test
  void aDeletedSourceFileLeavesNoStaleClassBehind() throws Exception {
    jdk("jdk-21", 21);
    run(Map.of(), "--version");
    assertThat(root.resolve("target/classes/Old.class")).exists();
    Files.delete(root.resolve("src/main/java/Old.java"));
    // Deleting changes no file's time that the check could see but the folder's; the list of
    // files differs, so the build starts from no classes.
    Files.setLastModifiedTime(
        root.resolve("src/main/java"),
        Files.getLastModifiedTime(root.resolve("target/.metshub-build")));
    run(Map.of(), "--version");
    assertThat(mvnCalls()).hasSize(2);
    assertThat(root.resolve("target/classes/Old.class")).doesNotExist();
    assertThat(root.resolve("target/classes/A.class")).exists();
  }

  @Test
  void testRunsMavenVerifyWithItsArgumentsAndReturnsMavensStatus() throws Exception {
    jdk("jdk-21", 21);
    Run r = run(Map.of("FAKE_MVN_STATUS", "3"), "test", "-Dtest=X");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(mvnCalls()).containsExactly("-B verify -Dtest=X");
  }

  @Test
  void javaOptionsAreSplitAtSpaces() throws Exception {
    jdk("jdk-21", 21);
    Run r = run(Map.of("METSHUB_JAVA_OPTS", "-Xmx1g -Dx=y"), "--version");
    assertThat(r.out()).contains(" -Xmx1g -Dx=y ").doesNotContain("-Xmx2g");
    Run plain = run(Map.of(), "--version");
    assertThat(plain.out()).contains(" -Xmx2g ");
  }
}
