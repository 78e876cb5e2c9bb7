package org.metshub.curation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.metshub.kb.KbFile;
import org.metshub.kb.ReviewSchedule;
import org.metshub.kb.Vocabularies;

/**
 * A live KB over a temporary folder: the same {@link KbFolder} the application uses, counting
 * refreshes. Fixture documents are copied from the project's own {@code kb} folder at run time.
 */
final class TestKb implements KbLive {
  static final Path PROJECT_KB = Path.of("kb");

  private final KbFolder folder;
  private final AtomicInteger refreshes = new AtomicInteger();

  TestKb(Path root, Clock clock) {
    Vocabularies vocab = Vocabularies.bundled();
    this.folder =
        new KbFolder(
            root.toAbsolutePath().normalize(),
            vocab,
            new ReviewSchedule(clock, vocab.reviewFrequencies()),
            fresh -> {
              refreshes.incrementAndGet();
              return fresh.size() + " files";
            });
  }

  /** A KB folder in {@code dir} holding copies of the named project documents. */
  static TestKb withDocs(Path dir, Clock clock, String... relativePaths) {
    Path root = dir.resolve("kb");
    try {
      Files.createDirectories(root);
      for (String rel : relativePaths) {
        Path target = root.resolve(rel);
        Files.createDirectories(target.getParent());
        Files.copy(PROJECT_KB.resolve(rel), target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TestKb(root, clock);
  }

  @Override
  public Path root() {
    return folder.root();
  }

  @Override
  public List<KbFile> files() {
    return folder.files();
  }

  @Override
  public KbFile check(String relativePath, String text) {
    return folder.check(relativePath, text);
  }

  @Override
  public String refresh() {
    return folder.refresh();
  }

  @Override
  public String refresh(java.util.Collection<String> changedRelativePaths) {
    return folder.refresh(changedRelativePaths);
  }

  int refreshes() {
    return refreshes.get();
  }

  /** Every regular file under the root, as paths relative to it with '/' separators. */
  List<String> allFiles() {
    Path root = folder.root();
    try (var s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
