package org.metshub.curation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.metshub.kb.KbFile;
import org.metshub.kb.KbReader;
import org.metshub.kb.ReviewSchedule;
import org.metshub.kb.Validator;
import org.metshub.kb.Vocabularies;

/**
 * A live KB over a temporary folder, read and validated the way {@code App.Live} does it: the
 * real reader and validator, every file re-read on {@link #refresh()}. Fixture documents are
 * copied from the project's own {@code kb} folder at run time.
 */
final class TestKb implements KbLive {
  static final Path PROJECT_KB = Path.of("kb");

  private final Path root;
  private final Vocabularies vocab = Vocabularies.bundled();
  private final ReviewSchedule schedule;
  private volatile List<KbFile> files;
  private volatile int refreshes;

  TestKb(Path root, Clock clock) {
    this.root = root.toAbsolutePath().normalize();
    this.schedule = new ReviewSchedule(clock, vocab.reviewFrequencies());
    refresh();
    refreshes = 0;
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
    return root;
  }

  @Override
  public List<KbFile> files() {
    return files;
  }

  @Override
  public KbFile check(String relativePath, String text) {
    Path p = root.resolve(relativePath);
    String name = p.getFileName().toString();
    KbFile f = new KbReader(vocab).parse(p.toString(),
        name.endsWith(".md") ? name.substring(0, name.length() - 3) : name, text);
    return new Validator(vocab, schedule).validate(List.of(f)).get(0);
  }

  @Override
  public synchronized String refresh() {
    files = new Validator(vocab, schedule).validate(new KbReader(vocab).readAll(List.of(root)));
    refreshes++;
    return files.size() + " files";
  }

  int refreshes() {
    return refreshes;
  }

  /** Every regular file under the root, as paths relative to it with '/' separators. */
  List<String> allFiles() {
    try (var s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
