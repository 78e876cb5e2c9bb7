package org.metshub.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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

  /** The flags given, by setting key, for {@link Env#config}. */
  Map<String, String> flags() {
    Map<String, String> flags = new HashMap<>();
    if (kb != null) {
      flags.put("kb", kb.toString());
    }
    if (data != null) {
      flags.put("data", data.toString());
    }
    return flags;
  }
}
