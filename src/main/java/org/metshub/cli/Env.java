package org.metshub.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import org.metshub.Config;
import org.metshub.ConfigException;
import org.metshub.ConfigReader;

/**
 * What every command writes to and reads the time from; tests pass their own. {@code terminal} says
 * whether standard error is a terminal (the launcher tells), which decides how progress is shown: a
 * bar redrawn in place, or a line every few seconds for logs. {@code sources} are the process's
 * {@code -D} properties and environment, captured once by {@link Main#main}; a command reads its
 * configuration from them and its own flags with {@link #configure}.
 */
record Env(
    PrintWriter out, PrintWriter err, Clock clock, boolean terminal, ConfigReader.Sources sources) {
  Env(PrintWriter out, PrintWriter err, Clock clock) {
    this(out, err, clock, false, ConfigReader.Sources.NONE);
  }

  /**
   * The configuration given the command's flags (by setting key: {@code kb}, {@code data}, {@code
   * db.url}), with the source of every setting.
   *
   * @throws UsageException when a setting has a bad value
   */
  ConfigReader.Result configure(Map<String, String> flags) {
    try {
      return ConfigReader.read(flags, sources);
    } catch (ConfigException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** Prints {@code value} to standard output as indented JSON (a command's {@code --json}). */
  void printJson(Object value) throws com.fasterxml.jackson.core.JsonProcessingException {
    out.println(
        new com.fasterxml.jackson.databind.ObjectMapper()
            .writerWithDefaultPrettyPrinter()
            .writeValueAsString(value));
  }

  /** The configuration given the command's flags ({@link #configure}). */
  Config config(Map<String, String> flags) {
    return configure(flags).config();
  }
}
