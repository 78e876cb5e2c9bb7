package org.metshub.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.metshub.App;
import org.metshub.Config;
import org.metshub.answer.SectionEval;
import org.metshub.answer.SectionTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code metshub train-sections}: learns the section-choice weights from labelled questions. */
@Command(
    name = "train-sections",
    mixinStandardHelpOptions = true,
    description = {
      "Learn the weights the answer path chooses sections by, from labelled questions.",
      "Runs the development split's questions, labels each candidate section gold or not, fits a listwise ranker and writes its weights; then fits the evidence gate (is the best section a fit? the average of five gradient-boosted gates, each fitted without one fifth of the questions) and writes it with the lowest threshold that keeps wrong answers within --wrong-budget of the split (10%% by default), judged by 5-fold cross-validation (each question scored by a gate fitted without it) and taken as the median over five partitions into folds. With --keep-ranker the shipped ranker is kept and only the gate is fitted. Deterministic: the same labels and KB give the same files. Never train on the test split."
    })
final class TrainSectionsCommand implements Callable<Integer> {
  private final Env env;

  @Mixin KbOptions kbOptions = new KbOptions();

  @Option(
      names = "--cases",
      paramLabel = "FILE",
      defaultValue = "eval/answer-sections-dev.yaml",
      description = "Labelled questions (default: ${DEFAULT-VALUE}).")
  Path cases;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      defaultValue = "src/main/resources/answer/section-weights.yaml",
      description = "Where to write the weights (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--gate-out",
      paramLabel = "FILE",
      defaultValue = "src/main/resources/answer/gate-model.yaml",
      description = "Where to write the gate's model and threshold (default: ${DEFAULT-VALUE}).")
  Path gateOut;

  @Option(
      names = "--keep-ranker",
      description =
          "Keep the shipped ranker's weights (--out is not written) and fit only the"
              + " evidence gate on its order.")
  boolean keepRanker;

  @Option(
      names = "--also",
      paramLabel = "KB,DATA,CASES",
      description =
          "Train on the development split of another KB's labelled questions too:"
              + " its KB folder, its data folder (with its index) and its cases file, comma-separated"
              + " (cases marked split: test are left out). Repeatable.")
  java.util.List<String> also = new java.util.ArrayList<>();

  @Option(
      names = "--wrong-budget",
      paramLabel = "SHARE",
      defaultValue = "0.10",
      description =
          "Wrong answers the gate's threshold may allow on the split, as a share of"
              + " its cases, 0-1 (default: ${DEFAULT-VALUE}).")
  double wrongBudget;

  TrainSectionsCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(cases)) {
      throw new UsageException(cases + ": no such file");
    }
    if (cases.getFileName().toString().contains("-test")) {
      throw new UsageException(cases + ": the test split is for reporting, never for training");
    }
    if (!(wrongBudget >= 0 && wrongBudget <= 1)) {
      throw new UsageException("--wrong-budget must be between 0 and 1, got " + wrongBudget);
    }
    java.util.List<String[]> others = new java.util.ArrayList<>();
    for (String a : also) {
      String[] parts = a.split(",", -1);
      if (parts.length != 3 || java.util.Arrays.stream(parts).anyMatch(String::isBlank)) {
        throw new UsageException(
            "--also needs KB,DATA,CASES (three folders and files,"
                + " comma-separated), got '"
                + a
                + "'");
      }
      if (!Files.isDirectory(Path.of(parts[0]))) {
        throw new UsageException("--also: " + parts[0] + ": no such KB folder");
      }
      if (!Files.isRegularFile(Path.of(parts[2]))) {
        throw new UsageException("--also: " + parts[2] + ": no such file");
      }
      if (Path.of(parts[2]).getFileName().toString().contains("-test")) {
        throw new UsageException(
            "--also: " + parts[2] + ": the test split is for reporting, never for training");
      }
      others.add(parts);
    }
    var all = SectionEval.read(cases);
    String args =
        SectionTraining.arguments(cases.toString(), keepRanker, wrongBudget)
            + also.stream().map(a -> " --also " + a).collect(java.util.stream.Collectors.joining());
    java.util.List<App> opened = new java.util.ArrayList<>();
    Config config = env.config(kbOptions.flags());
    try (App app = Commands.openApp(env, config)) {
      SectionEval.requireKnownSections(cases, all, app.documents());
      java.util.List<SectionTraining.Labelled> sets =
          new java.util.ArrayList<>(
              java.util.List.of(new SectionTraining.Labelled(app.answers(), all, app.documents())));
      for (String[] o : others) {
        App other = Commands.openApp(env, config.withFolders(Path.of(o[0]), Path.of(o[1])));
        opened.add(other);
        var otherCases = SectionEval.read(Path.of(o[2]));
        SectionEval.requireKnownSections(Path.of(o[2]), otherCases, other.documents());
        sets.add(new SectionTraining.Labelled(other.answers(), otherCases, other.documents()));
      }
      SectionTraining.Files files = SectionTraining.train(sets, args, wrongBudget, keepRanker);
      if (!keepRanker) {
        Files.writeString(out, files.sections());
        env.out().print(files.sections());
        env.out().println("wrote " + out);
      }
      Files.writeString(gateOut, files.gate());
      env.out().print(files.gate());
      env.out().println("wrote " + gateOut);
    } finally {
      opened.forEach(App::close);
    }
    return Main.OK;
  }
}
