package org.metshub.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.metshub.testing.Fixtures;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A command that throws the failure it is given, run through the CLI's own handling (the command
 * line of {@link Main}, its exception handler and exit-code table), for tests of that table from
 * outside this package.
 */
@Command(name = "throw")
public final class ThrowingCommand implements Callable<Integer> {
  private final RuntimeException failure;

  private ThrowingCommand(RuntimeException failure) {
    this.failure = failure;
  }

  @Override
  public Integer call() {
    throw failure;
  }

  /** What the CLI did with a failure: the exit code and standard error. */
  public record Outcome(int code, String err) {}

  /** Runs {@code metshub throw}, which throws {@code failure}. */
  public static Outcome run(RuntimeException failure) {
    StringWriter err = new StringWriter();
    Env env = new Env(new PrintWriter(new StringWriter()), new PrintWriter(err), Fixtures.clock());
    CommandLine cl = Main.commandLine(env);
    cl.addSubcommand("throw", new ThrowingCommand(failure));
    int code = cl.execute("throw");
    env.err().flush();
    return new Outcome(code, err.toString());
  }
}
