package org.metshub.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.json.Json;

/**
 * Batch input for evaluators: JSON lines, each with {@code qid} and {@code question}. Every
 * non-blank line is accounted for: handled, or rejected with its line number and reason on stderr.
 * Returns exit code 0 when nothing was rejected, 65 otherwise.
 */
final class JsonLines {
  /** What to do with one accepted line; returns the JSON object to print for it. */
  interface Handler {
    Map<String, Object> handle(String qid, String question, JsonNode line);
  }

  private JsonLines() {}

  static int run(Path file, Env env, String noun, Handler handler) throws IOException {
    ObjectMapper mapper = Json.MAPPER; // compact: one JSON object per line
    int read = 0;
    int rejected = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        read++;
        try {
          JsonNode node = mapper.readTree(line);
          if (node == null || !node.hasNonNull("qid") || !node.hasNonNull("question")) {
            throw new BadInput("needs 'qid' and 'question'");
          }
          env.out()
              .println(
                  mapper.writeValueAsString(
                      handler.handle(
                          node.get("qid").asText(), node.get("question").asText(), node)));
        } catch (IOException | BadInput e) {
          rejected++;
          env.err()
              .println(
                  file
                      + ":"
                      + n
                      + ": rejected: "
                      + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
      }
    }
    env.err()
        .printf(
            Locale.ROOT,
            "metshub: %d %s read, %d answered, %d rejected%n",
            read,
            noun,
            read - rejected,
            rejected);
    return rejected > 0 ? Main.BAD_INPUT : Main.OK;
  }
}
