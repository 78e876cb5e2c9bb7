package org.metshub.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options every command shares: where the KB and the data folder are. */
final class KbOptions {
  @Option(
      names = "--kb",
      paramLabel = "DIR",
      description = "The KB folder (default: the bundled kb/ at the repository root).")
  @Nullable Path kb;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Where the index and database live (default: ./data).")
  @Nullable Path data;

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
