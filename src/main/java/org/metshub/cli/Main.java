package org.metshub.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.metshub.ConfigReader;
import org.metshub.error.MetsHubException;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.Conflict;
import org.metshub.error.MetsHubException.Internal;
import org.metshub.error.MetsHubException.NotFound;
import org.metshub.error.MetsHubException.Unavailable;
import picocli.CommandLine;

/**
 * The {@code metshub} command line. {@code main} only exits with the code of {@link #run}; the
 * commands are thin callers of the core packages. Exit codes follow sysexits: 0 success, 64 usage
 * error, 65 bad input, 66 not found, 70 internal error, 75 try again later (a running server holds
 * the index that {@code index} would write). A failure of the core is a {@link MetsHubException},
 * and {@link #exitCode} is the one table from its kind to the code.
 */
public final class Main {
  public static final int OK = 0;
  public static final int USAGE = 64;
  public static final int BAD_INPUT = 65;
  public static final int NOT_FOUND = 66;
  public static final int INTERNAL = 70;
  public static final int TEMP_FAIL = 75;

  /**
   * Lucene reports its vector-API setup through java.util.logging; the console is kept for what the
   * user asked. Held in a field because JUL keeps loggers only weakly.
   */
  private static final java.util.logging.Logger LUCENE_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene");

  private Main() {}

  public static void main(String[] args) {
    LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    // The one place the process's -D properties and environment are read; the commands get
    // their configuration from these (ConfigReader), never from System.
    Properties system = System.getProperties();
    Map<String, String> properties = new HashMap<>();
    for (String k : system.stringPropertyNames()) {
      properties.put(k, system.getProperty(k));
    }
    // The launcher says whether standard error is a terminal (Java 21 cannot tell reliably).
    System.exit(
        run(
            args,
            out,
            err,
            Clock.systemDefaultZone(),
            Boolean.parseBoolean(properties.get("metshub.terminal")),
            new ConfigReader.Sources(properties, System.getenv())));
  }

  /**
   * Runs the CLI with the given arguments, writers and clock, with no {@code -D} properties and no
   * environment (every setting its default unless flagged: what tests want); returns the exit code.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Clock clock) {
    return run(args, out, err, clock, /* terminal= */ false, ConfigReader.Sources.NONE);
  }

  /**
   * Runs the CLI; progress is drawn as a bar when {@code terminal}, else as log lines; settings
   * come from the flags and then {@code sources}.
   */
  public static int run(
      String[] args,
      PrintWriter out,
      PrintWriter err,
      Clock clock,
      boolean terminal,
      ConfigReader.Sources sources) {
    CommandLine cl = commandLine(new Env(out, err, clock, terminal, sources));
    int code;
    try {
      code = cl.execute(args);
    } catch (RuntimeException | Error e) {
      // picocli hands errors thrown while building commands straight through; a user still
      // gets one line, never a stack trace.
      err.println("metshub: internal error: " + e);
      if (System.getenv("METSHUB_DEBUG") != null) {
        e.printStackTrace(err);
      }
      code = INTERNAL;
    }
    out.flush();
    err.flush();
    return code;
  }

  static CommandLine commandLine(Env env) {
    CommandLine cl = new CommandLine(new MetsHubCommand());
    cl.addSubcommand(new ValidateCommand(env));
    cl.addSubcommand(new ImportCommand(env));
    cl.addSubcommand(new IndexCommand(env));
    cl.addSubcommand(new EmbeddingsCommand(env));
    cl.addSubcommand(new SearchCommand(env));
    cl.addSubcommand(new AskCommand(env));
    cl.addSubcommand(new ChatCommand(env, System.in));
    cl.addSubcommand(new EvalCommand(env));
    cl.addSubcommand(new TrainSectionsCommand(env));
    cl.addSubcommand(new CoverageCommand(env));
    cl.addSubcommand(new BenchCommand(env));
    cl.addSubcommand(new ServeCommand(env));
    cl.addSubcommand(new UserCommand(env, System.in));
    cl.addSubcommand(new ReviewDueCommand(env));
    cl.addSubcommand(new GapsCommand(env));
    cl.addSubcommand(new BackupCommand.Backup(env));
    cl.addSubcommand(new BackupCommand.Restore(env));
    cl.addSubcommand(new ConfigCommand(env));
    cl.setOut(env.out());
    cl.setErr(env.err());
    cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine c = ex.getCommandLine();
          env.err().println("metshub: " + ex.getMessage());
          env.err().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
          return USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          if (ex instanceof MetsHubException e && !(e instanceof Internal)) {
            env.err().println("metshub: " + e.getMessage());
            return exitCode(e);
          }
          // Our own failure: the operator reads what failed, and the stack with METSHUB_DEBUG.
          env.err()
              .println(
                  "metshub: internal error: "
                      + (ex instanceof Internal ? ex.getMessage() : ex.toString()));
          if (System.getenv("METSHUB_DEBUG") != null) {
            ex.printStackTrace(env.err());
          }
          return INTERNAL;
        });
    return cl;
  }

  /**
   * The exit code of each kind of failure: the CLI's one table of them. A conflict is bad input
   * (65): the request contradicts the data as it is now, and trying again does not help; a service
   * that is unavailable may be tried again later (75), like HTTP's 503.
   */
  static int exitCode(MetsHubException e) {
    return switch (e) {
      case UsageException usage -> USAGE;
      case BadInput badInput -> BAD_INPUT;
      case NotFound notFound -> NOT_FOUND;
      case Conflict conflict -> BAD_INPUT;
      case Unavailable unavailable -> TEMP_FAIL;
      case Internal internal -> INTERNAL;
    };
  }
}
