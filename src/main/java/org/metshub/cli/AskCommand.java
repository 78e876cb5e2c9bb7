package org.metshub.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.metshub.App;
import org.metshub.answer.Answer;
import org.metshub.answer.AnswerEngine.Question;
import org.metshub.api.AnswerJson;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code metshub ask}: a grounded, cited answer, or a clear refusal, urgent advice or silence. */
@Command(
    name = "ask",
    mixinStandardHelpOptions = true,
    description = {
      "Answer a question from the KB only, every sentence cited.",
      "The outcome is one of: answered (verbatim, cited sentences), abstained (no good answer",
      "in the KB), refused (diagnosis, report reading, treatment choice, doses) or urgent",
      "(urgent symptoms or self-harm: what to do now).",
      "Batch mode (--batch FILE) reads JSON lines with 'qid' and 'question' and prints one JSON",
      "answer per line, carrying its qid."
    })
final class AskCommand implements Callable<Integer> {
  private final Env env;

  @Mixin KbOptions kbOptions = new KbOptions();

  @Parameters(paramLabel = "QUESTION", arity = "0..1", description = "The question.")
  @Nullable String question;

  @Option(names = "--lang", paramLabel = "LANG", description = "en or es (default: detected).")
  @Nullable String lang;

  @Option(
      names = "--conversation",
      paramLabel = "ID",
      description = "Continue a conversation (the id of a previous answer).")
  @Nullable String conversation;

  @Option(
      names = "--country",
      paramLabel = "CC",
      description =
          "Your country (ISO code such as US, GB, ES, MX) for crisis lines and "
              + "emergency numbers.")
  @Nullable String country;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Option(names = "--batch", paramLabel = "FILE", description = "Answer every line of a file.")
  @Nullable Path batch;

  AskCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    if ((question == null) == (batch == null)) {
      throw new UsageException("give either a QUESTION or --batch FILE");
    }
    if (lang != null && !lang.equals("en") && !lang.equals("es")) {
      throw new UsageException("--lang must be en or es, got '" + lang + "'");
    }
    if (country != null && !country.matches("(?i)[a-z]{2}")) {
      throw new UsageException(
          "--country must be a two-letter code such as US, got '" + country + "'");
    }
    if (batch != null && !Files.isRegularFile(batch)) {
      throw new UsageException(batch + ": no such file");
    }
    Question q;
    try (App app = Commands.openApp(env, env.config(kbOptions.flags()))) {
      if (batch != null) {
        return batch(app, batch);
      }
      try {
        q =
            new Question(
                Objects.requireNonNull(question),
                Optional.ofNullable(lang),
                Optional.ofNullable(conversation),
                Optional.ofNullable(country).map(c -> c.toUpperCase(Locale.ROOT)));
      } catch (BadInput e) {
        throw new UsageException(e.getMessage());
      }
      Answer a = app.answers().answer(q);
      if (json) {
        env.out().println(Json.PRETTY.writeValueAsString(AnswerJson.of(a)));
      } else {
        env.out().print(AnswerText.of(a));
        env.out().println("(conversation " + a.conversationId() + ")");
      }
    }
    return Main.OK;
  }

  private int batch(App app, Path file) throws IOException {
    return JsonLines.run(
        file,
        env,
        "questions",
        (qid, question, line) -> {
          Question q =
              new Question(
                  question,
                  Optional.ofNullable(line.path("lang").textValue()),
                  Optional.empty(),
                  Optional.ofNullable(country));
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("qid", qid);
          out.putAll(AnswerJson.of(app.answers().answer(q)));
          return out;
        });
  }
}
