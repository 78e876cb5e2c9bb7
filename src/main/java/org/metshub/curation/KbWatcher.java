package org.metshub.curation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices KB files changed outside MetsHub (a {@code git pull} in the KB folder, a file saved in an
 * editor, a file deleted) and hands their paths to a refresh, so a running server serves them
 * without a restart.
 *
 * <p>It polls: every period it lists the folder's {@code .md} files with their size, modification
 * time and file key, and refreshes the ones added, changed or removed since the last look. Polling,
 * not {@link java.nio.file.WatchService}: it works the same on a network volume shared by several
 * nodes (where file-system events from other machines never arrive), on every platform, and catches
 * up by itself after a pause; listing a KB of 1,500 files costs a few milliseconds. Hidden folders
 * ({@code .git}) and symbolic links are not followed.
 *
 * <p>A refresh that fails (a file caught half-written that then breaks a rule across files, an I/O
 * error) is logged and its paths are tried again at the next look. Thread-safe: looks are
 * serialised.
 */
public final class KbWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KbWatcher.class);

  /** What a file looked like: enough to notice a save, a replace by rename, a deletion. */
  record Stamp(long size, long modifiedNanos, @Nullable Object fileKey) {}

  private final Path root;
  private final Function<List<String>, String> refresh;
  private final java.util.function.BooleanSupplier paused;
  private Map<String, Stamp> seen;
  private @Nullable ScheduledExecutorService timer;

  /**
   * A watcher over {@code root} whose current files are taken as already served.
   *
   * @param refresh refreshes the given paths (relative to {@code root}, '/'-separated) and returns
   *     a summary for the log; {@link KbLive#refresh(java.util.Collection)} in the server
   */
  public KbWatcher(Path root, Function<List<String>, String> refresh) {
    this(root, refresh, () -> false);
  }

  /**
   * As {@link #KbWatcher(Path, Function)}, not looking while {@code paused} says so (the server's
   * first index sync): what changes meanwhile is refreshed at the first look after.
   */
  public KbWatcher(
      Path root,
      Function<List<String>, String> refresh,
      java.util.function.BooleanSupplier paused) {
    this.root = Objects.requireNonNull(root, "root");
    this.refresh = Objects.requireNonNull(refresh, "refresh");
    this.paused = Objects.requireNonNull(paused, "paused");
    this.seen = list();
  }

  /**
   * Looks once: refreshes what changed since the last look and returns the paths refreshed (empty
   * when nothing changed or the refresh failed, in which case they are tried again).
   */
  public synchronized List<String> poll() {
    if (paused.getAsBoolean()) {
      return List.of();
    }
    Map<String, Stamp> now;
    try {
      now = list();
    } catch (UncheckedIOException e) {
      LOG.warn(
          "cannot list the KB folder {}: {}; trying again at the next look",
          root,
          Objects.requireNonNull(e.getCause()).getMessage()); // its constructor requires one
      return List.of();
    }
    TreeSet<String> changed = new TreeSet<>();
    for (var e : now.entrySet()) {
      if (!e.getValue().equals(seen.get(e.getKey()))) {
        changed.add(e.getKey());
      }
    }
    for (String old : seen.keySet()) {
      if (!now.containsKey(old)) {
        changed.add(old);
      }
    }
    if (changed.isEmpty()) {
      return List.of();
    }
    List<String> paths = List.copyOf(changed);
    try {
      String summary = refresh.apply(paths);
      LOG.info(
          "KB folder changed outside MetsHub ({} file(s): {}): {}",
          paths.size(),
          abbreviated(paths),
          summary);
    } catch (RuntimeException e) {
      LOG.warn(
          "KB folder changed ({} file(s): {}) but the refresh failed: {}; trying again at "
              + "the next look",
          paths.size(),
          abbreviated(paths),
          e.toString());
      return List.of();
    }
    seen = now;
    return paths;
  }

  /**
   * Starts looking every {@code periodMillis} on a daemon thread. A look that throws is logged and
   * the next one still runs.
   */
  public synchronized KbWatcher start(long periodMillis) {
    if (periodMillis <= 0) {
      throw new IllegalArgumentException("the period must be positive, got " + periodMillis);
    }
    if (timer != null) {
      throw new IllegalStateException("already started");
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "metshub-kb-watcher");
              t.setDaemon(true);
              return t;
            });
    var unused =
        timer.scheduleWithFixedDelay(
            () -> { // poll() logs its own failures
              try {
                poll();
              } catch (RuntimeException e) {
                LOG.warn("looking at the KB folder {} failed: {}", root, e.toString());
              }
            },
            periodMillis,
            periodMillis,
            TimeUnit.MILLISECONDS);
    return this;
  }

  @Override
  public void close() {
    ScheduledExecutorService t;
    synchronized (this) {
      t = timer;
      timer = null;
    }
    if (t != null) {
      t.shutdownNow();
      try {
        t.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The folder's KB files by relative path, with their stamps. */
  private Map<String, Stamp> list() {
    Map<String, Stamp> out = new HashMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      all.forEach(
          p -> {
            Path rel = root.relativize(p);
            for (Path part : rel) {
              if (part.toString().startsWith(".")) {
                return; // .git and other hidden folders and files
              }
            }
            if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")) {
              return;
            }
            try {
              BasicFileAttributes a =
                  Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
              if (a.isRegularFile()) {
                out.put(
                    rel.toString().replace(java.io.File.separatorChar, '/'),
                    new Stamp(
                        a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.fileKey()));
              }
            } catch (java.nio.file.NoSuchFileException gone) {
              // deleted while listing: absent from this look
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String abbreviated(List<String> paths) {
    List<String> shown = new ArrayList<>(paths.subList(0, Math.min(5, paths.size())));
    return String.join(", ", shown) + (paths.size() > 5 ? ", ..." : "");
  }
}
