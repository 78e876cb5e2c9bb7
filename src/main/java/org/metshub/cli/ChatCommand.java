package org.metshub.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.metshub.App;
import org.metshub.answer.Answer;
import org.metshub.answer.AnswerEngine.Question;
import org.metshub.error.MetsHubException.BadInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code metshub chat}: questions and follow-ups, one per line, until an empty line or EOF. */
@Command(
    name = "chat",
    mixinStandardHelpOptions = true,
    description = {
      "Ask questions interactively, with follow-ups.",
      "Follow-ups such as 'what about the liver?' use the previous question's topic, cancer",
      "type and site. An empty line, 'quit' or end of input ends the chat."
    })
final class ChatCommand implements Callable<Integer> {
  private final Env env;
  private final java.io.InputStream in;

  @Mixin KbOptions kbOptions = new KbOptions();

  @Option(names = "--lang", paramLabel = "LANG", description = "en or es (default: detected).")
  @Nullable String lang;

  @Option(
      names = "--country",
      paramLabel = "CC",
      description =
          "Your country (ISO code such as US, GB, ES, MX) for crisis lines and "
              + "emergency numbers.")
  @Nullable String country;

  ChatCommand(Env env, java.io.InputStream in) {
    this.env = env;
    this.in = in;
  }

  @Override
  public Integer call() throws IOException {
    if (lang != null && !lang.equals("en") && !lang.equals("es")) {
      throw new UsageException("--lang must be en or es, got '" + lang + "'");
    }
    if (country != null && !country.matches("(?i)[a-z]{2}")) {
      throw new UsageException(
          "--country must be a two-letter code such as US, got '" + country + "'");
    }
    try (App app = Commands.openApp(env, env.config(kbOptions.flags()))) {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String conversation = null;
      env.out().println("Ask a question about metastatic cancer (empty line to quit).");
      while (true) {
        env.out().print("> ");
        env.out().flush();
        String line = reader.readLine();
        if (line == null || line.isBlank() || line.strip().equalsIgnoreCase("quit")) {
          break;
        }
        Question q;
        try {
          q =
              new Question(
                  line,
                  Optional.ofNullable(lang),
                  Optional.ofNullable(conversation),
                  Optional.ofNullable(country).map(c -> c.toUpperCase(java.util.Locale.ROOT)));
        } catch (BadInput e) {
          env.out().println(e.getMessage());
          continue;
        }
        Answer a = app.answers().answer(q);
        conversation = a.conversationId();
        env.out().println();
        env.out().print(AnswerText.of(a));
        env.out().println();
      }
    }
    return Main.OK;
  }
}
