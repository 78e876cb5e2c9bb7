package org.metshub.kb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.NotFound;

/**
 * Files read from paths a person named on the command line, which may be hostile: only regular
 * files are read (a FIFO would block the reader for ever, {@code /dev/zero} would fill the memory),
 * their size is checked before a byte is read and the read stops at the limit whatever the size
 * said, and a symbolic link is followed only when its target lies inside the folder it was named in
 * or found in, unless the caller allows links to leave it. Whatever is not read is returned as a
 * {@link Skipped} entry with its reason, never dropped silently. Thread-safe (no state).
 */
public final class SafeFiles {
  private SafeFiles() {}

  /** An entry that was not read, and why (a fragment: "is a FIFO (named pipe), not a …"). */
  public record Skipped(Path path, String reason) {
    /** "path: skipped: reason". */
    public String describe() {
      return path + ": skipped: " + reason;
    }
  }

  /** The files to read under some paths, in path order, and what was skipped. */
  public record Listing(List<Path> files, List<Skipped> skipped) {
    public Listing {
      files = List.copyOf(files);
      skipped = List.copyOf(skipped);
    }
  }

  /**
   * Lists the regular files under each path whose name {@code accepts}, and the entries with an
   * accepted name that are skipped. A path that is a file is taken whatever its name.
   *
   * @throws NotFound when a named path does not exist
   * @throws BadInput when a folder cannot be listed
   */
  public static Listing list(List<Path> roots, Predicate<Path> accepts, boolean followLinks) {
    List<Path> files = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
        throw new NotFound(root + ": no such file or folder");
      }
      if (Files.isDirectory(root)) {
        walk(root, accepts, followLinks, files, skipped);
      } else {
        Optional<String> why = refusal(root, folderOf(root), followLinks);
        if (why.isPresent()) {
          skipped.add(new Skipped(root, why.get()));
        } else {
          files.add(root);
        }
      }
    }
    files.sort(Comparator.comparing(Path::toString));
    skipped.sort(Comparator.comparing(s -> s.path().toString()));
    return new Listing(files, skipped);
  }

  /**
   * Why {@code file} must not be read, if it must not: not a regular file, a broken link, or a link
   * whose target leaves {@code folder} (when links may not leave it).
   */
  public static Optional<String> refusal(Path file, Path folder, boolean followLinks) {
    if (Files.isSymbolicLink(file) && !followLinks) {
      Path target;
      try {
        target = file.toRealPath();
      } catch (IOException e) {
        return Optional.of("is a broken link");
      }
      Path inside;
      try {
        inside = folder.toRealPath();
      } catch (IOException e) {
        inside = folder.toAbsolutePath().normalize();
      }
      if (!target.startsWith(inside)) {
        return Optional.of(
            "is a link to "
                + target
                + ", outside "
                + folder
                + "; not followed (--follow-links follows it)");
      }
    }
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      return Optional.of(Files.isSymbolicLink(file) ? "is a broken link" : "cannot be read: " + e);
    }
    if (!a.isRegularFile()) {
      return Optional.of("is " + kind(file, a) + ", not a regular file");
    }
    return Optional.empty();
  }

  /**
   * The bytes of a regular file of at most {@code max} bytes: the type and size are checked first,
   * and the read stops past {@code max} even if the file grows meanwhile.
   *
   * @throws IOException with a message that says why (not a regular file, too large)
   */
  public static byte[] read(Path file, long max) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    if (!a.isRegularFile()) {
      throw new Refused("is " + kind(file, a) + ", not a regular file");
    }
    if (a.size() > max) {
      throw new TooLarge(a.size(), max);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (bytes.length > max) {
        throw new TooLarge(bytes.length, max);
      }
      return bytes;
    }
  }

  /** A file {@link #read} will not read; the message is a fragment: "is a FIFO …". */
  public static class Refused extends IOException {
    Refused(String message) {
      super(message);
    }
  }

  /** A file over the size limit. */
  public static final class TooLarge extends Refused {
    private final long size;

    TooLarge(long size, long max) {
      super("must be at most " + max + " bytes, got " + (size > max ? size + " bytes" : "more"));
      this.size = size;
    }

    /** The size seen (at least the limit plus one). */
    public long size() {
      return size;
    }
  }

  /** What kind of entry a non-regular file is, in words. */
  static String kind(Path file, BasicFileAttributes a) {
    if (a.isDirectory()) {
      return "a folder";
    }
    try {
      // The file type bits of st_mode (Linux, macOS): FIFO, character or block device, socket.
      int type = ((Integer) Files.getAttribute(file, "unix:mode")) & 0170000;
      return switch (type) {
        case 0010000 -> "a FIFO (named pipe)";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        case 0140000 -> "a socket";
        default -> "a special file";
      };
    } catch (IOException
        | UnsupportedOperationException
        | IllegalArgumentException
        | ClassCastException e) {
      return "a special file (a FIFO, device or socket)";
    }
  }

  private static Path folderOf(Path file) {
    Path parent = file.toAbsolutePath().normalize().getParent();
    return parent == null ? file.toAbsolutePath() : parent;
  }

  private static void walk(
      Path root,
      Predicate<Path> accepts,
      boolean followLinks,
      List<Path> files,
      List<Skipped> skipped) {
    Set<FileVisitOption> options =
        followLinks
            ? EnumSet.of(FileVisitOption.FOLLOW_LINKS)
            : EnumSet.noneOf(FileVisitOption.class);
    try {
      Files.walkFileTree(
          root,
          options,
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path p, BasicFileAttributes a) {
              if (!accepts.test(p)) {
                return FileVisitResult.CONTINUE;
              }
              if (a.isRegularFile()) {
                files.add(p);
              } else if (a.isSymbolicLink()) {
                // Only without FOLLOW_LINKS: a link to a file inside the folder is read; a link to
                // a folder inside is not walked twice; anything else is refused with its reason.
                Optional<String> why = refusal(p, root, /* followLinks= */ false);
                if (why.isPresent()) {
                  skipped.add(new Skipped(p, why.get()));
                } else if (Files.isDirectory(p)) {
                  skipped.add(
                      new Skipped(
                          p,
                          "is a link to a folder inside "
                              + root
                              + "; not walked (its files are read where they are)"));
                } else {
                  files.add(p);
                }
              } else {
                skipped.add(new Skipped(p, "is " + kind(p, a) + ", not a regular file"));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path p, IOException e) {
              if (e instanceof FileSystemLoopException) {
                skipped.add(new Skipped(p, "is a link that loops back to a folder above it"));
              } else if (accepts.test(p) || Files.isDirectory(p)) {
                skipped.add(new Skipped(p, "cannot be read: " + e));
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new BadInput("cannot list folder " + root + ": " + e.getMessage(), e);
    }
  }
}
