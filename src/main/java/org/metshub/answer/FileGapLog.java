package org.metshub.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import org.metshub.kb.KbException;

/**
 * A gap log appended to a JSON-lines file ({@code DATA/gaps.jsonl}): one line per abstained
 * question with its scrubbed text, language, reason and day (no time of day, no client data).
 * Grouping reads the file back. Thread-safe (synchronised).
 */
public final class FileGapLog implements GapLog {
  private final Path file;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public FileGapLog(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  @Override
  public synchronized void record(String scrubbedQuestion, String language, String reason) {
    var line = json.createObjectNode()
        .put("question", scrubbedQuestion)
        .put("language", language)
        .put("reason", reason)
        .put("day", java.time.LocalDate.now(clock).toString());
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, json.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new KbException("cannot record a content gap in " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized List<Gap> gaps(int limit) {
    MemoryGapLog grouped = new MemoryGapLog();
    if (Files.exists(file)) {
      try {
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (l.isBlank()) {
            continue;
          }
          JsonNode n = json.readTree(l);
          grouped.record(n.path("question").asText(), n.path("language").asText(),
              n.path("reason").asText());
        }
      } catch (IOException e) {
        throw new KbException("cannot read content gaps from " + file + ": " + e.getMessage(), e);
      }
    }
    return grouped.gaps(limit);
  }
}
