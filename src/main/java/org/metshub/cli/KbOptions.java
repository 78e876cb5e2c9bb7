package org.metshub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command shares: where the KB and the data folder are. */
final class KbOptions {
  @Option(
      names = "--kb",
      paramLabel = "DIR",
      description = "The KB folder (default: the bundled kb/ at the repository root).")
  Path kb;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Where the index and database live (default: ./data).")
  Path data;

  /** The KB folder: --kb, else the bundled one beside the launcher, else ./kb. */
  Path kbDir() {
    if (kb != null) {
      return kb;
    }
    String home = System.getProperty("metshub.home");
    if (home != null && Files.isDirectory(Path.of(home, "kb"))) {
      return Path.of(home, "kb");
    }
    return Path.of("kb");
  }

  Path dataDir() {
    return data != null ? data : Path.of("data");
  }
}
