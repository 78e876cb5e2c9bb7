package org.metshub.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, defect 4: every KB file MetsHub wrote became 0600 whatever the umask. */
class AtomicFilesModeTest {
  @Test
  void aReplacedFileKeepsItsMode(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("doc.md");
    Files.writeString(f, "old");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
    AtomicFiles.write(f, "new");
    assertThat(Files.readString(f)).isEqualTo("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
        .isEqualTo("rw-r-----");
  }

  @Test
  void aNewFileGetsTheUmasksModeLikeAnyOtherNewFile(@TempDir Path dir) throws Exception {
    Path reference = Files.createFile(dir.resolve("reference")); // mode from the umask
    Path f = dir.resolve("sub/new.md");
    AtomicFiles.write(f, "text");
    assertThat(Files.getPosixFilePermissions(f))
        .isEqualTo(Files.getPosixFilePermissions(reference));
    try (var left = Files.list(f.getParent())) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("new.md");
    }
  }
}
