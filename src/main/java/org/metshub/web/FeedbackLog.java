package org.metshub.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reader feedback on answers (helpful or not, an optional comment), appended as one JSON object
 * per line to {@code DATA/feedback.jsonl}. The question is stored scrubbed of numbers, e-mail
 * addresses and names, as the gap log does. Thread-safe (appends are serialised).
 */
final class FeedbackLog {
  static final int MAX_COMMENT = 1000;

  private final Path file;
  private final Clock clock;

  FeedbackLog(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  record Entry(String question, String conversationId, String outcome, boolean helpful,
      String comment) {}

  synchronized void record(Entry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", clock.instant().toString());
    m.put("question", org.metshub.answer.QuestionScrubber.scrub(e.question()));
    m.put("conversationId", e.conversationId());
    m.put("outcome", e.outcome());
    m.put("helpful", e.helpful());
    m.put("comment", org.metshub.answer.QuestionScrubber.scrub(e.comment()));
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, Json.MAPPER.writer().without(
              com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(m) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e2) {
      throw new UncheckedIOException("cannot append feedback to " + file, e2);
    }
  }

  Path file() {
    return file;
  }
}
