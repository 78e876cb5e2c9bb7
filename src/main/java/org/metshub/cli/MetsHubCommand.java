package org.metshub.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code metshub} command: lists the subcommands. */
@Command(
    name = "metshub",
    mixinStandardHelpOptions = true,
    version = "metshub 0.1.0",
    description = {
      "MetsHub: trusted, cited information about metastatic cancer.",
      "",
      "Settings (folders, database, form limits, ranking) come from flags, then -D "
          + "properties, then METSHUB_* environment variables, then defaults; 'metshub config'"
          + " shows them and where each came from.",
      "",
      "Exit codes: 0 success, 64 usage error, 65 bad input (or a conflict with the data),",
      "66 not found, 70 internal error, 75 unavailable now (try again later)."
    },
    footer = {"", "Run 'metshub COMMAND --help' for the options of a command."})
final class MetsHubCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
