package org.metshub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.ReadmeExamples.Example;
import org.metshub.ReadmeExamples.Mask;

/**
 * Runs every marked example of README.md on the bundled KB (one index for all, in a temporary
 * folder) and checks that the lines the README quotes are still what the commands print. It only
 * reads the README; {@code bench/readme-examples.sh} rewrites the examples, for a person to review.
 */
class ReadmeExamplesTest {
  @TempDir static Path data;
  static ReadmeExampleRunner runner;

  @BeforeAll
  static void index() {
    runner = new ReadmeExampleRunner(data);
    runner.index();
  }

  @TestFactory
  Stream<DynamicTest> everyMarkedExamplePrintsWhatTheReadmeQuotes() throws Exception {
    List<Example> examples = ReadmeExamples.read(Path.of("README.md"));
    assertThat(examples).as("marked examples in README.md").hasSizeGreaterThanOrEqualTo(5);
    return examples.stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.id(),
                    () -> {
                      List<String> problems = new ArrayList<>();
                      for (ReadmeExampleRunner.Run r : runner.run(e)) {
                        if (r.code() != 0) {
                          problems.add(
                              e.where()
                                  + ": `$ "
                                  + r.text()
                                  + "` exited "
                                  + r.code()
                                  + ": "
                                  + r.err());
                          continue;
                        }
                        ReadmeExamples.mismatch(e, r.command(), r.out()).ifPresent(problems::add);
                      }
                      assertThat(problems).as("README example '%s'", e.id()).isEmpty();
                    }));
  }

  // ---- the format itself --------------------------------------------------------------------

  static final List<String> BLOCK =
      List.of(
          "intro",
          "<!-- example: two; mask: timing, conversation; keep: -1 | 1-2 -->",
          "```console",
          "$ ./metshub ask \"what is it?\" --lang en   # a comment",
          "…",
          "(conversation abcdefghijklmnopqrstuv)",
          "$ ./metshub search 'bone pain'",
          "3 results (hybrid, en, 12.5 ms)",
          "```");

  @Test
  void theUpdaterNeverWritesOverEditsMadeWhileTheExamplesRan(@TempDir Path dir) throws Exception {
    Path readme = dir.resolve("README.md");
    java.nio.file.Files.writeString(readme, "intro\nold output\n");
    List<String> read = java.nio.file.Files.readAllLines(readme);
    // Nobody touched it: the new output is written.
    assertThat(ReadmeExamplesUpdate.writeUnlessEdited(readme, read, List.of("intro", "new")))
        .isTrue();
    assertThat(java.nio.file.Files.readString(readme)).isEqualTo("intro\nnew\n");
    // Edited in between (a paragraph added elsewhere): nothing is written, the edit stays.
    List<String> before = java.nio.file.Files.readAllLines(readme);
    java.nio.file.Files.writeString(readme, "intro\nnew\na paragraph written meanwhile\n");
    assertThat(ReadmeExamplesUpdate.writeUnlessEdited(readme, before, List.of("intro", "newer")))
        .isFalse();
    assertThat(java.nio.file.Files.readString(readme))
        .isEqualTo("intro\nnew\na paragraph written meanwhile\n");
  }

  @Test
  void aMarkedBlockGivesItsCommandsQuotesMasksAndKeepRanges() {
    Example e = ReadmeExamples.parse(BLOCK).get(0);
    assertThat(e.id()).isEqualTo("two");
    assertThat(e.markerLine()).isEqualTo(2);
    assertThat(e.endLine()).isEqualTo(9);
    assertThat(e.masks()).containsExactly(Mask.TIMING, Mask.CONVERSATION);
    assertThat(e.commands()).hasSize(2);
    assertThat(e.commands().get(0).args()).containsExactly("ask", "what is it?", "--lang", "en");
    assertThat(e.commands().get(0).keep()).isEqualTo("-1");
    assertThat(e.commands().get(1).args()).containsExactly("search", "bone pain");
    assertThat(e.commands().get(1).quoted()).containsExactly("3 results (hybrid, en, 12.5 ms)");
  }

  @Test
  void quotedLinesMustAppearInOrderWithMasksApplied() {
    Example e = ReadmeExamples.parse(BLOCK).get(0);
    var search = e.commands().get(1);
    assertThat(ReadmeExamples.mismatch(e, search, "3 results (hybrid, en, 0.9 ms)\nmore\n"))
        .isEmpty();
    assertThat(ReadmeExamples.mismatch(e, search, "4 results (hybrid, en, 0.9 ms)\n"))
        .hasValueSatisfying(
            m ->
                assertThat(m)
                    .contains("README.md:2 (example 'two')")
                    .contains("  ! 3 results (hybrid, en, 12.5 ms)")
                    .contains("4 results"));
    var ask = e.commands().get(0);
    assertThat(ReadmeExamples.mismatch(e, ask, "text\n(conversation ZZZZ-zzzz_ZZZZzzzzZZZZ)"))
        .isEmpty();
  }

  @Test
  void keepRangesShowLeftOutLinesAsOneEllipsis() {
    List<String> out = List.of("a", "b", "c", "d", "e");
    assertThat(ReadmeExamples.keptLines(out, "1-2, -1", "x")).containsExactly("a", "b", "…", "e");
    assertThat(ReadmeExamples.keptLines(out, "none", "x")).containsExactly("…");
    assertThat(ReadmeExamples.keptLines(out, "all", "x")).isEqualTo(out);
  }

  @Test
  void malformedMarkersNameTheirLine() {
    var bad =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ReadmeExamples.parse(
                    List.of(
                        "<!-- example: x; mask: dates -->", "```console", "$ ./metshub x", "```")));
    assertThat(bad.getMessage()).contains("README.md:1").contains("unknown mask 'dates'");
    var noBlock =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReadmeExamples.parse(List.of("<!-- example: x -->", "text")));
    assertThat(noBlock.getMessage()).contains("followed by a ```console block");
    var notOurs =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ReadmeExamples.parse(
                    List.of("<!-- example: x -->", "```console", "$ curl -s localhost", "```")));
    assertThat(notOurs.getMessage()).contains("must start with './metshub'");
  }
}
