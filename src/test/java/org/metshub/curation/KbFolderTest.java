package org.metshub.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.metshub.kb.KbDocument;
import org.metshub.kb.KbFile;
import org.metshub.kb.ReviewSchedule;
import org.metshub.kb.Vocabularies;
import org.metshub.testing.MutableClock;

/**
 * {@link KbFolder}'s refresh of named files must give exactly what a full re-read gives for those
 * changes (same files, same order, same problems), re-read only the named files, and refuse names
 * that are not KB files under its root.
 */
class KbFolderTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  final Vocabularies vocab = Vocabularies.bundled();
  final ReviewSchedule schedule = new ReviewSchedule(CLOCK, vocab.reviewFrequencies());
  final AtomicInteger published = new AtomicInteger();

  @TempDir Path dir;
  Path root;

  @BeforeEach
  void copyTheProjectKb() throws IOException {
    root = dir.resolve("kb");
    Path from = TestKb.PROJECT_KB;
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = root.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  KbFolder folder() {
    return new KbFolder(
        root,
        vocab,
        schedule,
        fresh -> {
          published.incrementAndGet();
          return fresh.size() + " files";
        });
  }

  /** What a reader of the KB sees of each file: path, title and every problem. */
  static List<String> view(List<KbFile> files) {
    List<String> out = new ArrayList<>();
    for (KbFile f : files) {
      String title = f instanceof KbDocument d ? d.frontMatter().title() : "-";
      out.add(f.path() + " | " + title + " | " + f.problems());
    }
    return out;
  }

  static void replace(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  @Test
  void refreshingNamedFilesGivesWhatAFullReadGives() throws IOException {
    KbFolder folder = folder();
    int before = folder.files().size();
    // One file changed, one added (re-using an existing id: a cross-file error), one deleted.
    replace(
        root.resolve("learn/bone-metastases.md"),
        "title: When cancer spreads to the bone",
        "title: When cancer spreads to the bones");
    Files.writeString(
        root.resolve("learn/zz-copy.md"),
        Files.readString(root.resolve("learn/bone-metastases.md")));
    Path deleted = root.resolve("directory/inspire.md");
    Files.delete(deleted);

    String summary =
        folder.refresh(
            List.of("learn/bone-metastases.md", "learn/zz-copy.md", "directory/inspire.md"));

    assertThat(summary).isEqualTo(before + " files");
    assertThat(view(folder.files())).containsExactlyElementsOf(view(folder().files()));
    assertThat(folder.files()).hasSize(before);
    KbFile copy =
        folder.files().stream()
            .filter(f -> f.path().endsWith("zz-copy.md"))
            .findFirst()
            .orElseThrow();
    assertThat(copy.problems().toString()).contains("must be unique");
    assertThat(folder.files()).noneMatch(f -> f.path().endsWith("inspire.md"));
    assertThat(view(folder.files())).anyMatch(v -> v.contains("When cancer spreads to the bones"));
  }

  @Test
  void onlyTheNamedFilesAreReadAgain() throws IOException {
    KbFolder folder = folder();
    replace(
        root.resolve("learn/bone-metastases.md"),
        "title: When cancer spreads to the bone",
        "title: Changed but not named");
    Path other = root.resolve("directory/inspire.md");
    replace(other, "\ntitle: ", "\ntitle: Renamed ");

    folder.refresh(List.of("directory/inspire.md"));

    assertThat(view(folder.files()))
        .noneMatch(v -> v.contains("Changed but not named"))
        .anyMatch(v -> v.contains("| Renamed "));
    folder.refresh();
    assertThat(view(folder.files())).anyMatch(v -> v.contains("Changed but not named"));
  }

  @Test
  void aChangeThatBreaksATranslationLinkIsSeenOnTheOtherFile() throws IOException {
    KbFolder folder = folder();
    assertThat(spanishBonePage(folder).problems().toString()).doesNotContain("translations");
    // The Spanish page names bone-metastases as its translation; deleting that page must
    // surface on the Spanish page, which is not re-read, exactly as a full read would.
    Files.delete(root.resolve("learn/bone-metastases.md"));
    folder.refresh(List.of("learn/bone-metastases.md"));
    assertThat(spanishBonePage(folder).problems().toString()).contains("translations");
    assertThat(view(folder.files())).containsExactlyElementsOf(view(folder().files()));
  }

  @Test
  void whenTheDateMovesOnKeptFilesAreCheckedAgain() {
    // bone-metastases was reviewed 2026-11-22, annually: overdue from 2027-11-23.
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    KbFolder folder =
        new KbFolder(
            root, vocab, new ReviewSchedule(clock, vocab.reviewFrequencies()), fresh -> "ok");
    assertThat(bonePage(folder).problems().toString()).doesNotContain("overdue");
    folder.refresh(List.of("directory/inspire.md"));
    assertThat(bonePage(folder).problems().toString()).doesNotContain("overdue");
    clock.advance(java.time.Duration.ofDays(400));
    folder.refresh(List.of("directory/inspire.md"));
    assertThat(bonePage(folder).problems().toString()).contains("review is overdue");
  }

  static KbFile bonePage(KbFolder folder) {
    return folder.files().stream()
        .filter(f -> f.path().endsWith("learn/bone-metastases.md"))
        .findFirst()
        .orElseThrow();
  }

  static KbFile spanishBonePage(KbFolder folder) {
    return folder.files().stream()
        .filter(f -> f.path().endsWith("es/metastasis-en-los-huesos.md"))
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../outside.md",
        "/etc/passwd.md",
        "learn/../learn/x.md",
        "",
        "learn/notes.txt",
        "learn/./bone-metastases.md"
      })
  void namesThatAreNotKbFilesUnderTheRootAreRefusedAndChangeNothing(String rel) {
    KbFolder folder = folder();
    List<String> beforeView = view(folder.files());
    int publishedBefore = published.get();
    assertThatThrownBy(() -> folder.refresh(List.of(rel)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a KB file under");
    assertThat(view(folder.files())).isEqualTo(beforeView);
    assertThat(published.get()).isEqualTo(publishedBefore);
  }

  @Test
  void aFailingIndexUpdateLeavesTheLastReadingInPlace() throws IOException {
    KbFolder folder =
        new KbFolder(
            root,
            vocab,
            schedule,
            fresh -> {
              throw new IllegalStateException("index is closed");
            });
    List<String> beforeView = view(folder.files());
    replace(root.resolve("directory/inspire.md"), "\ntitle: ", "\ntitle: Renamed ");
    assertThatThrownBy(() -> folder.refresh(List.of("directory/inspire.md")))
        .hasMessageContaining("index is closed");
    assertThat(view(folder.files())).isEqualTo(beforeView);
  }
}
