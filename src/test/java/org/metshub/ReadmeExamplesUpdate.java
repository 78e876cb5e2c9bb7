package org.metshub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.metshub.ReadmeExamples.Example;

/**
 * Re-runs every marked README example and rewrites its block with what the commands print now (the
 * lines its {@code keep} ranges select). For people, after a change that moves the output: run
 * {@code bench/readme-examples.sh}, then review {@code git diff README.md}. The test suite never
 * calls this; {@link ReadmeExamplesTest} only reads the README.
 *
 * <p>Run from the repository root: {@code ReadmeExamplesUpdate [README.md]}. Exits 1 when a command
 * fails, or when the README was edited while the examples ran (the README is then left as it was:
 * the whole file is written back, so writing it then would undo those edits).
 */
public final class ReadmeExamplesUpdate {
  private ReadmeExamplesUpdate() {}

  public static void main(String[] args) throws IOException {
    Path readme = Path.of(args.length > 0 ? args[0] : "README.md");
    List<String> lines = new ArrayList<>(Files.readAllLines(readme));
    List<String> read = List.copyOf(lines);
    List<Example> examples = ReadmeExamples.parse(lines);
    Path data = Files.createTempDirectory("metshub-readme-");
    ReadmeExampleRunner runner = new ReadmeExampleRunner(data);
    runner.index();
    int changed = 0;
    // Last first, so the line numbers of the blocks still to rewrite stay right.
    for (Example e : examples.reversed()) {
      List<String> block = new ArrayList<>();
      block.add(lines.get(e.markerLine() - 1));
      block.add("```console");
      for (ReadmeExampleRunner.Run r : runner.run(e)) {
        if (r.code() != 0) {
          System.err.println(
              e.where()
                  + ": `$ "
                  + r.text()
                  + "` exited "
                  + r.code()
                  + ": "
                  + r.err().strip()
                  + "\nREADME.md not changed.");
          System.exit(1);
        }
        block.add("$ " + r.text());
        List<String> out = new ArrayList<>(r.out().lines().toList());
        while (!out.isEmpty() && out.getLast().isBlank()) {
          out.removeLast();
        }
        block.addAll(ReadmeExamples.keptLines(out, r.command().keep(), e.where()));
      }
      block.add("```");
      List<String> old = lines.subList(e.markerLine() - 1, e.endLine());
      // Equal up to the masked parts (timings, random ids): keep the old text, so a re-run
      // shows in the diff only what really changed.
      boolean same = comparable(old, e).equals(comparable(block, e));
      System.out.println((same ? "unchanged " : "rewritten ") + e.where());
      if (!same) {
        changed++;
        old.clear();
        old.addAll(block);
      }
    }
    if (!writeUnlessEdited(readme, read, lines)) {
      System.err.println(
          readme + " was edited while the examples ran; it was not written. Run again.");
      deleteTree(data);
      System.exit(1);
    }
    System.out.println(
        examples.size()
            + " examples, "
            + changed
            + " rewritten; review with"
            + " 'git diff "
            + readme
            + "'");
    deleteTree(data);
  }

  /**
   * Writes {@code lines} to {@code file} unless the file no longer holds {@code read}, the lines
   * they were made from; false, and nothing written, when someone edited it in between.
   */
  static boolean writeUnlessEdited(Path file, List<String> read, List<String> lines)
      throws IOException {
    if (!Files.readAllLines(file).equals(read)) {
      return false;
    }
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return true;
  }

  private static List<String> comparable(List<String> block, Example e) {
    return block.stream()
        .map(l -> ReadmeExamples.masked(l, e.masks()).replaceAll("--conversation \\S+", ""))
        .toList();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
