package org.metshub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.metshub.ingest.ImportKind;
import org.metshub.ingest.ImportOptions;
import org.metshub.ingest.ImportReport;
import org.metshub.ingest.Importer;
import org.metshub.json.Json;
import org.metshub.kb.Vocabularies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code metshub import}: turns sources into KB files, inferring and marking what it guesses. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Turn sources into KB files (drafts unless --status says otherwise).",
      "Infers language, cancer types, metastatic sites, audience and a readability grade, and",
      "marks every guessed field in 'inferred:'; corrected source values stay in 'original:'.",
      "Re-running on unchanged input changes no file; files edited since the import are kept.",
      "",
      "Kinds:",
      "  kb       another KB folder (Markdown + YAML front matter), with or without manifest.json",
      "  text     plain-text pages scraped from a web site (also lists candidate directory",
      "           entries for the organisations they mention, under candidates/)",
      "  html     saved HTML pages",
      "  news     list pages of dated news items: one news document per item, under news/",
      "  medquad  MedQuAD XML files: one document per page, one section per question type",
      "",
      "Only regular files are read, each at most 16 MiB (checked before reading). A FIFO, a",
      "device, a socket, a broken link or a link out of the folder it is named in or found in",
      "is not read: it is listed as rejected with its reason (--follow-links lets links leave).",
      "The analysis of one file may take at most 60 s (it is linear in the text: 1 MB on one",
      "line takes about a second); a file over that is rejected with that reason.",
      "",
      "Progress (files, rate, time left) goes to standard error: a bar on a terminal, a line",
      "every 5 s otherwise.",
      "",
      "Exit codes: 0 every item imported, 65 some item rejected (each with its reason),",
      "64 usage error, 70 internal error."
    })
final class ImportCommand implements Callable<Integer> {
  private final Env env;

  @Parameters(index = "0", paramLabel = "KIND", description = "kb, text, html, news or medquad.")
  String kind;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "SOURCE",
      description = "Files or folders to import (a folder is read for files of the kind).")
  List<Path> sources = new ArrayList<>();

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The KB folder to write into (created if needed).")
  Path out;

  @Option(
      names = "--dry-run",
      description = "Print what would be created or changed; write nothing.")
  boolean dryRun;

  @Option(
      names = "--status",
      defaultValue = "draft",
      paramLabel = "STATUS",
      description = "draft (default) or active. Candidate directory entries stay drafts.")
  String status;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "The URL the pages were saved from, for pages that do not say.")
  @Nullable String baseUrl;

  @Option(
      names = "--source",
      paramLabel = "NAME",
      description = "The publisher, for sources that do not say.")
  @Nullable String source;

  @Option(
      names = "--source-type",
      paramLabel = "ID",
      description = "The trust tier (vocab/source-types.yaml), for sources that do not say.")
  @Nullable String sourceType;

  @Option(
      names = "--license",
      paramLabel = "ID",
      description =
          "The licence (vocab/licenses.yaml), for sources that do not say;"
              + " otherwise link_only is inferred.")
  @Nullable String license;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Option(
      names = "--follow-links",
      description =
          "Follow symbolic links whose target is outside the folder they are named "
              + "in or found in (default: reject them and read nothing through them).")
  boolean followLinks;

  ImportCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    ImportKind k =
        ImportKind.of(kind)
            .orElseThrow(
                () ->
                    new UsageException(
                        "KIND must be one of "
                            + Arrays.stream(ImportKind.values()).map(ImportKind::id).toList()
                            + ", got '"
                            + kind
                            + "'"));
    if (!status.equals("draft") && !status.equals("active")) {
      throw new UsageException("--status must be draft or active, got '" + status + "'");
    }
    Vocabularies vocab = Vocabularies.bundled();
    if (sourceType != null && vocab.sourceTypes().resolve(sourceType).isEmpty()) {
      throw new UsageException(
          "--source-type must be one of "
              + vocab.sourceTypes().ids()
              + ", got '"
              + sourceType
              + "'");
    }
    if (license != null && vocab.licenses().resolve(license).isEmpty()) {
      throw new UsageException(
          "--license must be one of " + vocab.licenses().ids() + ", got '" + license + "'");
    }
    if (baseUrl != null && !baseUrl.matches("(?i)^https?://\\S+$")) {
      throw new UsageException("--base-url must be an absolute http(s) URL, got '" + baseUrl + "'");
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UsageException("--out must be a folder, got the file " + out);
    }
    // An option not given is "" to ImportOptions: nothing stated.
    ImportOptions options =
        new ImportOptions(
                status,
                dryRun,
                Objects.toString(baseUrl, ""),
                Objects.toString(source, ""),
                sourceType == null ? "" : vocab.sourceTypes().resolve(sourceType).get().id(),
                license == null ? "" : vocab.licenses().resolve(license).get().id())
            .withFollowLinks(followLinks);
    ProgressMeter meter = new ProgressMeter("files analysed", env);
    ImportReport report;
    try {
      report = new Importer(vocab, options).run(k, sources, out, meter::update);
    } finally {
      meter.finish();
    }
    if (json) {
      env.out().println(Json.PRETTY.writeValueAsString(report.toJson()));
    } else {
      env.out().print(report.render());
    }
    return report.rejected().isEmpty() ? Main.OK : Main.BAD_INPUT;
  }
}
