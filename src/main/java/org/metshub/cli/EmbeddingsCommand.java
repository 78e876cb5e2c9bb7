package org.metshub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.metshub.App;
import org.metshub.Config;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.search.BgeSmallEmbedder;
import org.metshub.search.EmbeddingCache;
import org.metshub.search.EmbeddingSeed;
import org.metshub.search.KbIndexer;
import org.metshub.search.SearchIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code metshub embeddings refresh|check}: the embeddings shipped inside a KB folder ({@code
 * KB/embeddings.bin.gz}), which let a fresh clone index the KB without running the model on every
 * passage.
 */
@Command(
    name = "embeddings",
    mixinStandardHelpOptions = true,
    description = {
      "Manage embeddings outside an index: the vectors of a KB's texts (each",
      "passage's section lead, and its text when passages have vectors of their",
      "own), keyed by content hash and model.",
      "'refresh' writes KB/" + EmbeddingSeed.FILE_NAME + ", shipped in the KB folder so",
      "that index and serve on a fresh clone embed nothing already there (only what",
      "DATA/embeddings.bin and the old file lack is embedded); 'check' says whether",
      "it is current (exit 65 when stale). The build's tests fail when the bundled",
      "KB's file is stale: run 'metshub embeddings refresh' and commit it.",
      "'export' writes the vectors a node embedded itself (DATA/embeddings.bin; a",
      "KB's shipped file is not copied) to a file in the same format, and 'import'",
      "adds such a file to another node's cache, so a second node indexes a large",
      "KB without embedding it again."
    },
    subcommands = {
      EmbeddingsCommand.Refresh.class,
      EmbeddingsCommand.Check.class,
      EmbeddingsCommand.Export.class,
      EmbeddingsCommand.Import.class
    })
final class EmbeddingsCommand implements Callable<Integer> {
  private final Env env;

  EmbeddingsCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    throw new UsageException("give a subcommand: refresh or check");
  }

  static Map<String, SearchIndex.Hashed> documents(Env env, Path kb) {
    if (!Files.isDirectory(kb)) {
      throw new UsageException(kb + ": no such KB folder");
    }
    return KbIndexer.documents(App.validatedKb(kb, App.reviewSchedule(env.clock())));
  }

  @Command(
      name = "refresh",
      mixinStandardHelpOptions = true,
      description = "Write KB/" + EmbeddingSeed.FILE_NAME + " for the KB as it is now.")
  static final class Refresh implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand EmbeddingsCommand parent;
    @Mixin KbOptions kbOptions = new KbOptions();

    @Option(
        names = "--file",
        paramLabel = "FILE",
        description = "Write here instead of KB/" + EmbeddingSeed.FILE_NAME + ".")
    @Nullable Path file;

    @Override
    public Integer call() {
      Env env = parent.env;
      Config config = env.config(kbOptions.flags());
      Path kb = config.kb();
      var docs = documents(env, kb);
      Path out = file != null ? file : EmbeddingSeed.of(kb);
      BgeSmallEmbedder model = new BgeSmallEmbedder();
      ProgressMeter meter = new ProgressMeter("texts", env);
      long embedded;
      try (EmbeddingCache cache = EmbeddingCache.open(config.data().resolve("embeddings.bin"))) {
        EmbeddingSeed.load(EmbeddingSeed.of(kb), model.modelId(), model.dimension(), cache);
        embedded = EmbeddingSeed.refresh(out, docs, config.index(), model, cache, meter);
      } finally {
        meter.finish();
      }
      env.out()
          .printf(
              "%s: %s, %d embedded now (%.1f MB)%n",
              out,
              EmbeddingSeed.check(out, docs, config.index(), model),
              embedded,
              out.toFile().length() / 1e6);
      return Main.OK;
    }
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = "Say whether KB/" + EmbeddingSeed.FILE_NAME + " is current (exit 65 if not).")
  static final class Check implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand EmbeddingsCommand parent;
    @Mixin KbOptions kbOptions = new KbOptions();

    @Override
    public Integer call() {
      Env env = parent.env;
      Config config = env.config(kbOptions.flags());
      Path kb = config.kb();
      var s =
          EmbeddingSeed.check(
              EmbeddingSeed.of(kb), documents(env, kb), config.index(), new BgeSmallEmbedder());
      env.out().println(EmbeddingSeed.of(kb) + ": " + s);
      if (!s.current()) {
        env.err()
            .println(
                "metshub: run 'metshub embeddings refresh' and commit " + EmbeddingSeed.of(kb));
        return Main.BAD_INPUT;
      }
      return Main.OK;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Write every vector of DATA/embeddings.bin to FILE (gzip, by key).")
  static final class Export implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand EmbeddingsCommand parent;

    @Option(
        names = "--data",
        paramLabel = "DIR",
        defaultValue = "data",
        description = "The node's data folder, holding embeddings.bin (default: ./data).")
    Path data;

    @picocli.CommandLine.Parameters(paramLabel = "FILE", description = "The file to write.")
    Path file;

    @Override
    public Integer call() {
      Path cacheFile = data.resolve("embeddings.bin");
      if (!Files.isRegularFile(cacheFile)) {
        throw new UsageException(
            cacheFile + ": no embedding cache here (index a KB first," + " or give --data)");
      }
      Map<String, float[]> all;
      try (EmbeddingCache cache = EmbeddingCache.open(cacheFile)) {
        all = cache.snapshot();
      }
      EmbeddingSeed.write(file, BgeSmallEmbedder.MODEL_ID, BgeSmallEmbedder.DIMENSION, all);
      parent
          .env
          .out()
          .printf(
              "%s: %d vectors from %s (%.1f MB)%n",
              file, all.size(), cacheFile, file.toFile().length() / 1e6);
      return Main.OK;
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = "Add the vectors of FILE (from 'export' or 'refresh') to DATA/embeddings.bin.")
  static final class Import implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand EmbeddingsCommand parent;

    @Option(
        names = "--data",
        paramLabel = "DIR",
        defaultValue = "data",
        description = "The node's data folder, holding embeddings.bin (default: ./data).")
    Path data;

    @picocli.CommandLine.Parameters(paramLabel = "FILE", description = "The file to read.")
    Path file;

    @Override
    public Integer call() {
      EmbeddingSeed.Contents c = EmbeddingSeed.read(file);
      if (!c.modelId().equals(BgeSmallEmbedder.MODEL_ID)
          || c.dimension() != BgeSmallEmbedder.DIMENSION) {
        throw new BadInput(
            "embeddings file "
                + file
                + ": it was made with"
                + " model "
                + c.modelId()
                + " ("
                + c.dimension()
                + " dimensions), expected "
                + BgeSmallEmbedder.MODEL_ID
                + " ("
                + BgeSmallEmbedder.DIMENSION
                + ")");
      }
      Path cacheFile = data.resolve("embeddings.bin");
      int added;
      int held;
      try (EmbeddingCache cache = EmbeddingCache.open(cacheFile)) {
        added = cache.absorb(c.vectors());
        held = cache.size();
      }
      parent
          .env
          .out()
          .printf(
              "%s: %d of %d vectors added to %s (%d held now)%n",
              file, added, c.vectors().size(), cacheFile, held);
      return Main.OK;
    }
  }
}
