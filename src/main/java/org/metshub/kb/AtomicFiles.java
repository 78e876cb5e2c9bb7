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

/**
 * Files written so that a reader (or a crash) sees the old content or the new, never a part: the
 * text goes to a temporary file in the same folder, is forced to disk, then renamed over the
 * target atomically, and the folder is forced so the rename itself survives a power cut. Used for
 * every KB file MetsHub writes: imports and curators' changes.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Replaces (or creates) {@code target} with {@code text}, durably. */
  public static void write(Path target, String text) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      forceDir(dir);
    } finally {
      Files.deleteIfExists(tmp);
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
  public static String hashOf(Path file) throws IOException {
    if (!Files.exists(file)) {
      return null;
    }
    return hash(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** SHA-256 of a text's UTF-8 bytes, in hex. */
  public static String hash(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
