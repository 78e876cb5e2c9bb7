package org.metshub.cli;

import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.metshub.Config;
import org.metshub.search.IndexHeldException;
import org.metshub.search.SearchIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code metshub index}: builds or updates the search index from the KB. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Build or update the search index in DATA/index from the KB folder.",
      "Only changed, added or deleted files are re-indexed; passage embeddings are cached in",
      "DATA/embeddings.bin by content hash. Files with validation errors are skipped, each",
      "named on standard error with its first error ('metshub: skipped PATH:LINE: FIELD: ...').",
      "Progress (passages, rate, time left) is a bar on a terminal, a line every 5 s otherwise.",
      "Exit code 75 when a running server holds the index (the server keeps it up to date)."
    })
final class IndexCommand implements Callable<Integer> {
  private final Env env;

  @Mixin KbOptions kbOptions = new KbOptions();

  @Option(names = "--rebuild", description = "Delete the index and build it from scratch.")
  boolean rebuild;

  IndexCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Config config = env.config(kbOptions.flags());
    if (!Files.isDirectory(config.kb())) {
      throw new UsageException(config.kb() + ": no such KB folder");
    }
    try (SearchIndex index = SearchOptions.openSynced(env, config, rebuild, /* quiet= */ false)) {
      env.out()
          .printf(
              "%d passages in %s (%.1f MB on disk)%n",
              index.passageCount(), config.data().resolve("index"), index.sizeOnDisk() / 1e6);
    } catch (IndexHeldException held) {
      env.err()
          .println(
              "metshub: a running server ('metshub serve') holds the index "
                  + held.indexDir()
                  + ", so it cannot be updated from here. The server keeps it up to "
                  + "date itself: changes made through the curator console are indexed at once, and "
                  + "files edited by hand (an editor, a git pull) within --kb-poll seconds (3 by "
                  + "default; 0 turns that off, and then a restart re-reads every file).");
      return Main.exitCode(held);
    }
    return Main.OK;
  }
}
