package org.metshub;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.metshub.ReadmeExamples.Command;
import org.metshub.ReadmeExamples.Example;
import org.metshub.cli.Main;
import org.metshub.testing.Fixtures;

/**
 * Runs the README's examples in-process, the way {@code ./metshub} would from the repository root,
 * on the bundled KB and one data folder that every example shares (indexed once, by {@link
 * #index}). The clock is fixed at {@link #AS_OF}, so review states ("current", "overdue") read the
 * same whenever the examples are checked. Not thread-safe: examples run one after another.
 */
final class ReadmeExampleRunner {
  /** The day the examples are run as of; review states in their output depend on it. */
  static final LocalDate AS_OF = LocalDate.of(2026, 12, 5);

  /** What one command printed, and its command line as run (follow-up ids filled in). */
  record Run(Command command, String text, int code, String out, String err) {}

  private final Path data;
  private final Clock clock = Fixtures.clockAt(AS_OF);

  ReadmeExampleRunner(Path data) {
    this.data = data;
  }

  /** Builds the shared index; fails with the command's standard error when it cannot. */
  void index() {
    Run r = run(List.of("index"));
    if (r.code() != 0) {
      throw new IllegalStateException("metshub index failed (" + r.code() + "): " + r.err());
    }
  }

  /** Runs every command of {@code example} in order. */
  List<Run> run(Example example) {
    List<Run> runs = new ArrayList<>();
    Optional<String> conversation = Optional.empty();
    for (Command c : example.commands()) {
      List<String> args = new ArrayList<>(c.args());
      String text = c.text();
      int flag = args.indexOf("--conversation");
      if (flag >= 0 && flag + 1 < args.size() && conversation.isPresent()) {
        text = text.replace(args.get(flag + 1), conversation.get());
        args.set(flag + 1, conversation.get());
      }
      Run r = run(args);
      runs.add(new Run(c, text, r.code(), r.out(), r.err()));
      Optional<String> printed = ReadmeExamples.conversationOf(r.out());
      if (printed.isPresent()) {
        conversation = printed;
      }
    }
    return runs;
  }

  private Run run(List<String> args) {
    List<String> all = new ArrayList<>(args);
    // The bundled KB and the shared data folder, unless the README's command names its own.
    if (!args.contains("--kb")) {
      all.addAll(List.of("--kb", "kb"));
    }
    if (!args.contains("--data")) {
      all.addAll(List.of("--data", data.toString()));
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), clock);
    return new Run(null, String.join(" ", args), code, out.toString(), err.toString());
  }
}
