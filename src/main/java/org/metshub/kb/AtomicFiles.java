package org.metshub.kb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Files written so that a reader (or a crash) sees the old content or the new, never a part: the
 * text goes to a temporary file in the same folder, is forced to disk, then renamed over the target
 * atomically, and the folder is forced so the rename itself survives a power cut. Used for every KB
 * file MetsHub writes: imports and curators' changes.
 *
 * <p>Permissions: a replaced file keeps its mode; a new file gets the process's umask, like any
 * file the user's tools create. (A temporary file from {@code Files.createTempFile} is 0600, and
 * the rename used to carry that onto every KB file.)
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Replaces (or creates) {@code target} with {@code text}, durably. */
  public static void write(Path target, String text) throws IOException {
    Path dir = parent(target);
    Files.createDirectories(dir);
    Path tmp = createTemp(dir, target.getFileName().toString());
    try {
      keepMode(target, tmp);
      try (FileChannel ch =
          FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      forceDir(dir);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * The name of a temporary file {@link #write} makes for a KB file ({@code .NAME.md.<n>.tmp}), so
   * that one a crash left behind can be told from anything else in the folder.
   */
  private static final java.util.regex.Pattern KB_TEMP =
      java.util.regex.Pattern.compile("\\..+\\.(?i:md)\\.[0-9]+\\.tmp");

  /** Whether {@code file}'s name is that of a temporary file {@link #write} makes for a KB file. */
  public static boolean isKbTemp(Path file) {
    Path name = file.getFileName();
    return name != null && KB_TEMP.matcher(name.toString()).matches();
  }

  /** The folder of {@code target}, made absolute: a file's path always has one. */
  private static Path parent(Path target) {
    return Objects.requireNonNull(target.toAbsolutePath().getParent(), target.toString());
  }

  /** {@code .NAME.<n>.tmp}, created with the umask's mode (createTempFile would force 0600). */
  private static Path createTemp(Path dir, String name) throws IOException {
    java.util.concurrent.ThreadLocalRandom rnd = java.util.concurrent.ThreadLocalRandom.current();
    for (int i = 0; ; i++) {
      Path tmp = dir.resolve("." + name + "." + Long.toUnsignedString(rnd.nextLong()) + ".tmp");
      try {
        return Files.createFile(tmp);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (i > 100) {
          throw e;
        }
      }
    }
  }

  /** Gives {@code tmp} the POSIX mode of {@code target} when it exists (and the FS has modes). */
  private static void keepMode(Path target, Path tmp) throws IOException {
    if (!Files.exists(target)) {
      return;
    }
    try {
      Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing to keep
    }
  }

  private static void forceDir(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some file systems cannot open a folder for reading; the rename is still atomic there.
    }
  }

  /** SHA-256 of a file's bytes in hex, or null when it does not exist. */
  public static @Nullable String hashOf(Path file) throws IOException {
    if (!Files.exists(file)) {
      return null;
    }
    return hash(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** SHA-256 of a text's UTF-8 bytes, in hex. */
  public static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
