package org.metshub.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.metshub.App;
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
      "Runs the development split's questions, labels each candidate section gold or not, fits a listwise ranker and writes its weights; then fits the evidence gate (logistic regression: is the best section a fit?) and writes its weights and the lowest threshold that keeps wrong answers within --wrong-budget of the split (10%% by default). With --keep-ranker the shipped ranker is kept and only the gate is fitted. Deterministic: the same labels and KB give the same files. Never train on the test split."
    })
final class TrainSectionsCommand implements Callable<Integer> {
  private final Env env;

  @Mixin KbOptions kbOptions = new KbOptions();

  @Option(names = "--cases", paramLabel = "FILE",
      defaultValue = "eval/answer-sections-dev.yaml",
      description = "Labelled questions (default: ${DEFAULT-VALUE}).")
  Path cases;

  @Option(names = "--out", paramLabel = "FILE",
      defaultValue = "src/main/resources/answer/section-weights.yaml",
      description = "Where to write the weights (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--gate-out", paramLabel = "FILE",
      defaultValue = "src/main/resources/answer/gate-weights.yaml",
      description = "Where to write the gate's weights and threshold (default: ${DEFAULT-VALUE}).")
  Path gateOut;

  @Option(names = "--keep-ranker",
      description = "Keep the shipped ranker's weights (--out is not written) and fit only the"
          + " evidence gate on its order.")
  boolean keepRanker;

  @Option(names = "--wrong-budget", paramLabel = "SHARE", defaultValue = "0.10",
      description = "Wrong answers the gate's threshold may allow on the split, as a share of"
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
    var all = SectionEval.read(cases);
    try (App app = Commands.openApp(env, kbOptions)) {
      SectionTraining.Files files = SectionTraining.train(app.answers(), all, app.documents(),
          cases.toString(), wrongBudget, keepRanker);
      if (!keepRanker) {
        Files.writeString(out, files.sections());
        env.out().print(files.sections());
        env.out().println("wrote " + out);
      }
      Files.writeString(gateOut, files.gate());
      env.out().print(files.gate());
      env.out().println("wrote " + gateOut);
    }
    return Main.OK;
  }
}
