package org.metshub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.metshub.App;
import org.metshub.json.Json;
import org.metshub.kb.KbFile;
import org.metshub.kb.Problem;
import org.metshub.kb.ReviewSchedule;
import org.metshub.kb.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code metshub validate}: checks KB files and reports every problem with its line. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check KB files (Markdown with YAML front matter) against the format and vocabularies.",
      "Prints one line per problem, 'path:line: error|warning: field: rule, got 'value'',",
      "then a summary. Exit code 0 when no file has errors, 65 when any has, 64 on usage errors.",
      "Only regular files are read, each at most 16 MiB (checked before reading). An .md entry",
      "that is a FIFO, a device, a socket, a broken link or a link out of the folder it is in",
      "is not read and is reported as an error that says why."
    })
final class ValidateCommand implements Callable<Integer> {
  private final Env env;

  @Mixin KbOptions kbOptions = new KbOptions();

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Files or folders to check (default: the --kb folder).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Option(
      names = "--follow-links",
      description =
          "Follow symbolic links whose target is outside the folder they are named "
              + "in or found in (default: report them and read nothing through them).")
  boolean followLinks;

  ValidateCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    List<Path> roots = paths.isEmpty() ? List.of(env.config(kbOptions.flags()).kb()) : paths;
    for (Path p : roots) {
      if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        throw new UsageException(p + ": no such file or folder");
      }
    }
    ReviewSchedule schedule = App.reviewSchedule(env.clock());
    List<KbFile> checked = App.validatedKb(roots, followLinks, schedule);
    ValidationReport report = ValidationReport.of(checked, schedule);
    if (json) {
      env.out().println(Json.PRETTY.writeValueAsString(toJson(report)));
    } else {
      env.out().print(report.render());
    }
    return report.withErrors() > 0 ? Main.BAD_INPUT : Main.OK;
  }

  static Map<String, Object> toJson(ValidationReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("files", r.files());
    m.put("valid", r.valid());
    m.put("withWarnings", r.withWarnings());
    m.put("withErrors", r.withErrors());
    m.put("reviewStates", r.reviewStates());
    m.put("cancerTypes", r.cancerTypes());
    m.put("audiences", r.audiences());
    m.put("languages", r.languages());
    m.put("licenses", r.licenses());
    m.put("statuses", r.statuses());
    List<Map<String, Object>> docs = new ArrayList<>();
    for (ValidationReport.Entry e : r.documents()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("path", e.path());
      d.put("id", e.id());
      d.put("title", e.title());
      d.put("docType", e.docType());
      d.put("language", e.language());
      d.put("audienceLevel", e.audienceLevel());
      d.put("cancerTypes", e.cancerTypes());
      d.put("license", e.license());
      d.put("status", e.status());
      d.put("reviewState", e.reviewState());
      d.put("nextReviewDue", e.nextReviewDue().map(Object::toString).orElse(null));
      List<Map<String, Object>> problems = new ArrayList<>();
      for (Problem p : e.problems()) {
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("line", p.line());
        pm.put("severity", p.severity().label());
        pm.put("field", p.field());
        pm.put("message", p.message());
        problems.add(pm);
      }
      d.put("problems", problems);
      docs.add(d);
    }
    m.put("documents", docs);
    return m;
  }
}
