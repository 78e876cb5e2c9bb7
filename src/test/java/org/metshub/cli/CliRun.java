package org.metshub.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.metshub.ConfigReader;
import org.metshub.testing.Fixtures;

/** Runs the CLI in-process with string writers and the fixed test clock. */
record CliRun(int code, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), Fixtures.clock());
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Runs with the given -D properties and environment, as main would pass the process's. */
  static CliRun withSources(ConfigReader.Sources sources, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args,
            new PrintWriter(out),
            new PrintWriter(err),
            Fixtures.clock(),
            /* terminal= */ false,
            sources);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Runs with {@code stdin} as standard input (for commands that read a password). */
  static synchronized CliRun withInput(String stdin, String... args) {
    java.io.InputStream saved = System.in;
    System.setIn(
        new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    try {
      return of(args);
    } finally {
      System.setIn(saved);
    }
  }
}
