package org.metshub.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.metshub.App;
import org.metshub.kb.Coverage;
import org.metshub.kb.KbDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code metshub coverage}: what the KB covers, per language, cancer type, site and country. */
@Command(
    name = "coverage",
    mixinStandardHelpOptions = true,
    description = {
      "Print what the KB covers as Markdown tables, so that gaps show: documents per language",
      "and kind, reader pages per cancer type and per metastatic site in each language, the",
      "directory's organisations per cancer type and country, and reader pages without a",
      "translation. Zeros are in bold. --out writes the report to a file (docs/COVERAGE.md)."
    })
final class CoverageCommand implements Callable<Integer> {
  private final Env env;

  @Mixin KbOptions kbOptions = new KbOptions();

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE.")
  @Nullable Path out;

  CoverageCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    Path kb = env.config(kbOptions.flags()).kb();
    if (!Files.isDirectory(kb)) {
      throw new UsageException(kb + ": no such folder");
    }
    List<KbDocument> docs =
        App.readKb(kb).stream()
            .filter(f -> f instanceof KbDocument)
            .map(f -> (KbDocument) f)
            .toList();
    String report = Coverage.markdown(docs);
    if (out != null) {
      Files.writeString(out, report);
      env.out().println("wrote " + out + " (" + docs.size() + " documents)");
    } else {
      env.out().print(report);
    }
    return Main.OK;
  }
}
