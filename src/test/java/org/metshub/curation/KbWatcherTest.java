package org.metshub.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KbWatcherTest {
  @TempDir Path kb;
  final List<List<String>> refreshed = new ArrayList<>();

  KbWatcher watcher() {
    return new KbWatcher(
        kb,
        paths -> {
          refreshed.add(paths);
          return "ok";
        });
  }

  @Test
  void nothingChangedMeansNoRefresh() throws Exception {
    Files.writeString(kb.resolve("a.md"), "one");
    KbWatcher w = watcher();
    assertThat(w.poll()).isEmpty();
    assertThat(refreshed).isEmpty();
  }

  @Test
  void addedChangedAndRemovedFilesAreRefreshedOnceEach() throws Exception {
    Files.createDirectories(kb.resolve("learn"));
    Files.writeString(kb.resolve("learn/a.md"), "one");
    Files.writeString(kb.resolve("b.md"), "two");
    KbWatcher w = watcher();
    Files.writeString(kb.resolve("learn/new.md"), "new");
    assertThat(w.poll()).containsExactly("learn/new.md");
    Files.writeString(kb.resolve("learn/a.md"), "one, longer");
    Files.delete(kb.resolve("b.md"));
    assertThat(w.poll()).containsExactly("b.md", "learn/a.md");
    assertThat(w.poll()).isEmpty();
    assertThat(refreshed).containsExactly(List.of("learn/new.md"), List.of("b.md", "learn/a.md"));
  }

  @Test
  void aSaveOfTheSameSizeIsSeenByItsTimeAndAReplaceByRenameByItsFile() throws Exception {
    Path a = kb.resolve("a.md");
    Files.writeString(a, "abc");
    Files.setLastModifiedTime(a, FileTime.fromMillis(1_000_000));
    KbWatcher w = watcher();
    Files.writeString(a, "xyz");
    Files.setLastModifiedTime(a, FileTime.fromMillis(2_000_000));
    assertThat(w.poll()).containsExactly("a.md");
    // An editor that writes a new file and renames it over the old one, same size and time.
    Path tmp = kb.resolve("a.md.tmp");
    Files.writeString(tmp, "qrs");
    Files.setLastModifiedTime(tmp, FileTime.fromMillis(2_000_000));
    Files.move(
        tmp,
        a,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    assertThat(w.poll()).containsExactly("a.md");
  }

  @Test
  void hiddenFoldersOtherFilesAndLinksAreNotKbFiles() throws Exception {
    KbWatcher w = watcher();
    Files.createDirectories(kb.resolve(".git/refs"));
    Files.writeString(kb.resolve(".git/refs/x.md"), "git's");
    Files.writeString(kb.resolve("notes.txt"), "not a KB file");
    Files.writeString(kb.resolve(".hidden.md"), "hidden");
    Path outside = Files.createTempFile("outside", ".md");
    try {
      Files.createSymbolicLink(kb.resolve("link.md"), outside);
      assertThat(w.poll()).isEmpty();
    } finally {
      Files.deleteIfExists(outside);
    }
    assertThat(refreshed).isEmpty();
  }

  @Test
  void aFailedRefreshIsTriedAgainAtTheNextLook() throws Exception {
    List<List<String>> calls = new ArrayList<>();
    AtomicBoolean fail = new AtomicBoolean(true);
    KbWatcher w =
        new KbWatcher(
            kb,
            paths -> {
              calls.add(paths);
              if (fail.get()) {
                throw new IllegalStateException("index busy");
              }
              return "ok";
            });
    Files.writeString(kb.resolve("a.md"), "one");
    assertThat(w.poll()).isEmpty();
    fail.set(false);
    assertThat(w.poll()).containsExactly("a.md");
    assertThat(w.poll()).isEmpty();
    assertThat(calls).containsExactly(List.of("a.md"), List.of("a.md"));
  }

  @Test
  void whilePausedNothingIsLookedAtAndTheChangesComeAfter() throws Exception {
    AtomicBoolean paused = new AtomicBoolean(true);
    KbWatcher w =
        new KbWatcher(
            kb,
            paths -> {
              refreshed.add(paths);
              return "ok";
            },
            paused::get);
    Files.writeString(kb.resolve("a.md"), "one");
    assertThat(w.poll()).isEmpty();
    assertThat(refreshed).isEmpty();
    paused.set(false);
    assertThat(w.poll()).containsExactly("a.md");
  }

  @Test
  void aBadPeriodOrASecondStartIsRefusedAndCloseIsSafeTwice() {
    KbWatcher w = watcher();
    assertThrows(IllegalArgumentException.class, () -> w.start(0));
    w.start(60_000);
    assertThrows(IllegalStateException.class, () -> w.start(60_000));
    w.close();
    w.close();
  }

  @Test
  void aFolderThatDisappearsIsLoggedNotThrown() throws Exception {
    Path gone = kb.resolve("sub");
    Files.createDirectories(gone);
    KbWatcher w = new KbWatcher(gone, paths -> "ok");
    Files.delete(gone);
    assertThat(w.poll()).isEmpty();
  }
}
