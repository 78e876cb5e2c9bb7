package org.metshub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metshub.ingest.ImportFixtures.fixture;
import static org.metshub.ingest.ImportFixtures.run;
import static org.metshub.ingest.ImportFixtures.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {
  @TempDir Path dir;

  private Path out() {
    return dir.resolve("kb");
  }

  private Map<Path, FileTime> times(Path root) throws Exception {
    Map<Path, FileTime> m = new HashMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(p, Files.getLastModifiedTime(p));
      }
    }
    return m;
  }

  @Test
  void aSecondRunOnUnchangedInputChangesNoFile() throws Exception {
    ImportReport first = run(ImportKind.HTML, out(), fixture("html"));
    Map<Path, FileTime> before = times(out());
    // Make any rewrite visible even on file systems with coarse timestamps.
    for (Path p : before.keySet()) {
      Files.setLastModifiedTime(p, FileTime.fromMillis(1_000_000_000_000L));
    }
    ImportReport second = run(ImportKind.HTML, out(), fixture("html"));
    assertThat(second.outcomes())
        .containsEntry("unchanged", first.files().size())
        .containsEntry("created", 0)
        .containsEntry("changed", 0);
    assertThat(times(out()).values()).allMatch(t -> t.toMillis() == 1_000_000_000_000L);
  }

  @Test
  void aDryRunWritesNothingAndSaysWhatItWouldDo() {
    ImportReport r =
        run(
            ImportKind.TEXT,
            ImportOptions.defaults().withDryRun(true),
            out(),
            fixture("text/support-page.txt"));
    assertThat(Files.exists(out())).isFalse();
    assertThat(r.outcomes()).containsEntry("created", 4);
    assertThat(r.render())
        .contains("would be created support-after-a-diagnosis.md")
        .contains("dry run, nothing written");
  }

  @Test
  void aFileEditedSinceTheImportIsKept() throws Exception {
    run(ImportKind.TEXT, out(), fixture("text/support-page.txt"));
    Path page = out().resolve("support-after-a-diagnosis.md");
    String edited = Files.readString(page).replace("status: draft", "status: active");
    Files.writeString(page, edited);
    ImportReport r = run(ImportKind.TEXT, out(), fixture("text/support-page.txt"));
    assertThat(r.files())
        .filteredOn(f -> f.path().equals("support-after-a-diagnosis.md"))
        .extracting(ImportReport.FileEntry::outcome)
        .containsExactly("kept");
    assertThat(Files.readString(page)).isEqualTo(edited);
    assertThat(r.warnings()).anyMatch(w -> w.contains("edited since the last import"));
  }

  @Test
  void aFileTheImportDidNotWriteIsNeverOverwritten() throws Exception {
    Files.createDirectories(out());
    Path mine = out().resolve("support-after-a-diagnosis.md");
    Files.writeString(mine, "---\ntitle: Mine\n---\nWritten by a curator.\n");
    ImportReport r = run(ImportKind.TEXT, out(), fixture("text/support-page.txt"));
    assertThat(r.outcomes()).containsEntry("kept", 1);
    assertThat(Files.readString(mine)).contains("Written by a curator.");
  }

  @Test
  void aChangedSourceChangesItsFile() throws Exception {
    Path page = dir.resolve("page.txt");
    Files.writeString(page, "A Page\n\nFirst words about metastatic cancer.\n");
    run(ImportKind.TEXT, out(), page);
    Files.writeString(page, "A Page\n\nNew words about metastatic cancer.\n");
    ImportReport r = run(ImportKind.TEXT, out(), page);
    assertThat(r.outcomes()).containsEntry("changed", 1);
    assertThat(text(out(), "a-page.md")).contains("New words");
  }

  @Test
  void badSourcesAreRejectedWithClearReasonsAndCounted() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.txt"), "");
    Path binary = Files.write(dir.resolve("binary.txt"), new byte[] {'P', 'K', 3, 4, 0, 0, 1});
    Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', (byte) 0xE1});
    Path missing = dir.resolve("nope.txt");
    ImportReport r =
        run(
            ImportKind.TEXT,
            out(),
            empty,
            binary,
            latin1,
            missing,
            fixture("text/support-page.txt"));
    assertThat(r.itemsRead()).isEqualTo(r.files().size() + r.rejected().size());
    assertThat(r.rejected())
        .extracting(ImportReport.Rejection::reason)
        .containsExactly(
            empty + ": is empty",
            binary + ": is binary, not text (it contains NUL bytes)",
            latin1 + ": must be UTF-8 text, got undecodable bytes",
            missing + ": no such file or folder");
    assertThat(r.render()).contains("rejected: " + missing + ": no such file or folder");
  }

  @Test
  void itemsThatWouldShareAFileGetDistinctNames() throws Exception {
    Path a = Files.writeString(dir.resolve("a.txt"), "Same Title\n\nOne text about cancer.\n");
    Path b = Files.writeString(dir.resolve("b.txt"), "Same Title\n\nAnother text.\n");
    ImportReport r = run(ImportKind.TEXT, out(), a, b);
    assertThat(r.files())
        .extracting(ImportReport.FileEntry::path)
        .containsExactly("same-title.md", "same-title-2.md");
    assertThat(ImportFixtures.validationErrors(out())).isEmpty();
  }

  @Test
  void theStatusIsDraftUnlessTheCommandSaysOtherwise() {
    run(ImportKind.HTML, out(), fixture("html/article.html"));
    assertThat(text(out(), "when-cancer-spreads-to-the-bone.md")).contains("status: draft\n");
    run(
        ImportKind.HTML,
        ImportOptions.defaults().withStatus("active"),
        dir.resolve("active"),
        fixture("html/article.html"));
    assertThat(text(dir.resolve("active"), "when-cancer-spreads-to-the-bone.md"))
        .contains("status: active\n");
  }

  @Test
  void aFolderSourceIsReadForFilesOfTheKindInOrder() {
    ImportReport r = run(ImportKind.MEDQUAD, out(), fixture("medquad"));
    assertThat(r.itemsRead()).isEqualTo(3);
    assertThat(r.rejected())
        .extracting(ImportReport.Rejection::origin)
        .allMatch(o -> o.endsWith("malformed.xml") || o.endsWith("no-answers.xml"));
  }
}
