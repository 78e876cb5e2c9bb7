package org.metshub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, defect 11: paths given to {@code validate} and {@code import} that are not plain files.
 * A FIFO made them hang, a link to /dev/zero filled the memory, a link out of the folder was
 * followed (a KB file was written from /etc/passwd), and FIFOs met in a folder were skipped without
 * a word. Each test has a timeout, as a hang is one of the faults.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostilePathsTest {
  private static final Path KB_DOC = Path.of("kb/learn/bone-metastases.md");
  private static final String PAGE = "src/test/resources/ingest/text/support-page.txt";

  @TempDir Path dir;
  Path secret;

  @BeforeEach
  void outside() throws Exception {
    // A file outside the folders the commands are given, standing in for /etc/passwd.
    secret = dir.resolve("outside/secret.txt");
    Files.createDirectories(secret.getParent());
    Files.writeString(
        secret,
        "root:x:0:0:root:/root:/bin/bash\n"
            + "Metastatic breast cancer support group meets on Mondays.\n");
  }

  private static void mkfifo(Path p) throws Exception {
    Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
    assertThat(mk.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(mk.exitValue()).isZero();
  }

  @Test
  void validateNamesAFifoInTheFolderAndAFifoOnTheCommandLineWithoutHanging() throws Exception {
    Path kb = dir.resolve("kb");
    Files.createDirectories(kb);
    Files.copy(KB_DOC, kb.resolve("bone-metastases.md"));
    mkfifo(kb.resolve("pipe.md"));
    CliRun r = CliRun.of("validate", kb.toString());
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(65);
    assertThat(r.out())
        .contains(
            kb.resolve("pipe.md")
                + ":1: error: file: skipped: is a FIFO "
                + "(named pipe), not a regular file");

    CliRun named = CliRun.of("validate", kb.resolve("pipe.md").toString());
    assertThat(named.code()).isEqualTo(65);
    assertThat(named.out()).contains("is a FIFO (named pipe), not a regular file");
  }

  @Test
  void aLinkToDevZeroIsNotRead() throws Exception {
    Path kb = dir.resolve("kb");
    Files.createDirectories(kb);
    Files.createSymbolicLink(kb.resolve("zero.md"), Path.of("/dev/zero"));
    CliRun r = CliRun.of("validate", kb.toString());
    assertThat(r.code()).isEqualTo(65);
    assertThat(r.out())
        .contains(
            kb.resolve("zero.md")
                + ":1: error: file: skipped: is a link "
                + "to /dev/zero, outside "
                + kb);
    // Even when links may leave the folder, a device is not a file.
    CliRun followed = CliRun.of("validate", "--follow-links", kb.toString());
    assertThat(followed.code()).isEqualTo(65);
    assertThat(followed.out())
        .contains(
            "zero.md:1: error: file: skipped: is a character " + "device, not a regular file");

    CliRun imported =
        CliRun.of(
            "import",
            "text",
            "--follow-links",
            kb.resolve("zero.md").toString(),
            "--out",
            dir.resolve("out").toString());
    assertThat(imported.code()).isEqualTo(65);
    assertThat(imported.out()).contains("is a character device, not a regular file");
  }

  @Test
  void importFollowsNoLinkOutOfTheFolderUnlessAskedTo() throws Exception {
    Path pages = dir.resolve("pages");
    Files.createDirectories(pages);
    Files.copy(Path.of(PAGE), pages.resolve("support-page.txt"));
    Files.createSymbolicLink(pages.resolve("passwd.txt"), secret);
    Files.createSymbolicLink(pages.resolve("inside.txt"), pages.resolve("support-page.txt"));
    mkfifo(pages.resolve("pipe.txt"));
    Path out = dir.resolve("out");

    CliRun r = CliRun.of("import", "text", pages.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(65);
    assertThat(r.out())
        .contains(
            pages.resolve("passwd.txt")
                + ": skipped: is a link to "
                + secret
                + ", outside "
                + pages
                + "; not followed (--follow-links follows it)")
        .contains(
            pages.resolve("pipe.txt")
                + ": skipped: is a FIFO (named pipe), not a "
                + "regular file");
    try (var written = Files.walk(out)) {
      assertThat(
              written
                  .filter(Files::isRegularFile)
                  .map(p -> readQuietly(p))
                  .filter(t -> t.contains("root:x:0:0")))
          .isEmpty();
    }

    // Named on the command line, a link out of its folder is refused the same way.
    CliRun named =
        CliRun.of(
            "import",
            "text",
            pages.resolve("passwd.txt").toString(),
            "--out",
            dir.resolve("out2").toString());
    assertThat(named.code()).isEqualTo(65);
    assertThat(named.out()).contains("is a link to " + secret);
    assertThat(dir.resolve("out2")).doesNotExist();

    // Asked to, it follows the link.
    CliRun followed =
        CliRun.of(
            "import",
            "text",
            "--follow-links",
            pages.resolve("passwd.txt").toString(),
            "--out",
            dir.resolve("out3").toString());
    assertThat(followed.out()).doesNotContain("is a link to");
  }

  @Test
  void importOfAFifoNamedOnTheCommandLineDoesNotHang() throws Exception {
    Path fifo = dir.resolve("page.txt");
    mkfifo(fifo);
    CliRun r = CliRun.of("import", "text", fifo.toString(), "--out", dir.resolve("out").toString());
    assertThat(r.code()).isEqualTo(65);
    assertThat(r.out()).contains(fifo + ": skipped: is a FIFO (named pipe), not a regular file");

    Path kbFolder = dir.resolve("other-kb");
    Files.createDirectories(kbFolder);
    mkfifo(kbFolder.resolve("manifest.json"));
    Files.copy(KB_DOC, kbFolder.resolve("bone-metastases.md"));
    mkfifo(kbFolder.resolve("pipe.md"));
    CliRun kb =
        CliRun.of(
            "import",
            "kb",
            kbFolder.toString(),
            "--out",
            dir.resolve("out-kb").toString(),
            "--dry-run");
    assertThat(kb.code()).isEqualTo(65);
    assertThat(kb.out())
        .contains(kbFolder.resolve("pipe.md") + ": skipped: is a FIFO")
        .contains(kbFolder.resolve("manifest.json") + ": skipped: is a FIFO");
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
