package org.metshub.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.metshub.kb.KbDocument;
import org.metshub.kb.KbFile;
import org.metshub.kb.KbReader;
import org.metshub.kb.Severity;
import org.metshub.kb.Validator;
import org.metshub.kb.Vocabularies;
import org.metshub.testing.Fixtures;

/** Fixture paths, import runs and checks of their output, for the ingest tests. */
final class ImportFixtures {
  static final Path DIR = Path.of("src/test/resources/ingest");

  private ImportFixtures() {}

  static Path fixture(String relative) {
    return DIR.resolve(relative);
  }

  static ImportReport run(ImportKind kind, Path out, Path... sources) {
    return run(kind, ImportOptions.defaults(), out, sources);
  }

  static ImportReport run(ImportKind kind, ImportOptions options, Path out, Path... sources) {
    return new Importer(Vocabularies.bundled(), options).run(kind, List.of(sources), out);
  }

  /** The document written at {@code relative} under {@code out}. */
  static KbDocument written(Path out, String relative) {
    KbFile f = new KbReader(Vocabularies.bundled()).read(out.resolve(relative));
    if (f instanceof KbDocument d) {
      return d;
    }
    throw new AssertionError(relative + " is not a document: " + f.problems());
  }

  static String text(Path out, String relative) {
    try {
      return Files.readString(out.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every problem of severity error in the folder, as validate reports them. */
  static List<String> validationErrors(Path out) {
    List<KbFile> files = new KbReader(Vocabularies.bundled()).readAll(List.of(out));
    return new Validator(Vocabularies.bundled(), Fixtures.schedule())
        .validate(files).stream()
            .flatMap(f -> f.problems().stream())
            .filter(p -> p.severity() == Severity.ERROR)
            .map(p -> p.format())
            .toList();
  }

  static long fileCount(Path dir) {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
