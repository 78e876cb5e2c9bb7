package org.metshub.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.metshub.testing.Golden;

/**
 * Golden files for the importers that write Markdown from pages: each input under {@code
 * golden/import-html} (saved HTML pages) and {@code golden/import-news} (news list pages) is
 * imported into an empty folder, and every file written (front matter and body), the warnings and
 * the rejections are compared with {@code NAME.out} beside it; see {@link Golden}. The imported
 * text depends on no clock: review dates come from the pages, never from today.
 */
class GoldenImportTest {
  private static final Path DIR = Path.of("src/test/resources/golden");

  @TempDir Path out;

  static Stream<Path> htmlPages() throws IOException {
    return inputs("import-html");
  }

  static Stream<Path> newsLists() throws IOException {
    return inputs("import-news");
  }

  private static Stream<Path> inputs(String folder) throws IOException {
    try (Stream<Path> s = Files.list(DIR.resolve(folder))) {
      return s.filter(p -> !p.toString().endsWith(".out")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("htmlPages")
  void anHtmlPageImportsAsExpected(Path page) {
    check(ImportKind.HTML, page);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("newsLists")
  void aNewsListImportsAsExpected(Path list) {
    check(ImportKind.NEWS, list);
  }

  private void check(ImportKind kind, Path input) {
    ImportReport r = ImportFixtures.run(kind, out, input);
    StringBuilder sb = new StringBuilder();
    for (ImportReport.FileEntry f : r.files()) {
      sb.append("=== ")
          .append(f.path())
          .append(" ===\n")
          .append(ImportFixtures.text(out, f.path()));
    }
    sb.append("=== warnings ===\n");
    r.warnings().forEach(w -> sb.append(w).append('\n'));
    sb.append("=== rejected ===\n");
    r.rejected().forEach(x -> sb.append(x.origin()).append(": ").append(x.reason()).append('\n'));
    String name = input.getFileName().toString();
    Golden.check(
        input.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".out"),
        sb.toString().replace(DIR.toString(), "golden"));
  }
}
