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
      "Runs the development split's questions, labels each candidate section gold or not,",
      "fits pairwise logistic regression and writes the weights file. Deterministic: the",
      "same labels and KB give the same file. Never train on the test split."
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
    var all = SectionEval.read(cases);
    try (App app = Commands.openApp(env, kbOptions)) {
      String yaml = SectionTraining.trainToYaml(app.answers(), all, app.documents(),
          cases.toString());
      Files.writeString(out, yaml);
      env.out().print(yaml);
      env.out().println("wrote " + out);
    }
    return Main.OK;
  }
}
