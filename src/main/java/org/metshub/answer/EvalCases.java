package org.metshub.answer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.json.Json;

/**
 * Reads answer evaluation cases from YAML: a list of {@code {id, turns: [...], lang?, country?,
 * expect: {outcome?, minCitations?, citedCancerTypes?, citedDocs?, mustContain?, mustNotContain?,
 * disclaimer?, language?}}}, and runs them.
 */
public final class EvalCases {
  private static final Set<String> OUTCOMES = Set.of("answered", "abstained", "refused", "urgent");

  private EvalCases() {}

  public static List<EvalCase> read(Path file) {
    JsonNode root;
    try {
      root = Json.YAML.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new BadInput(file + ": cannot read eval cases: " + firstLine(e.getMessage()), e);
    }
    if (root == null || !root.isArray()) {
      throw new BadInput(file + ": eval cases must be a YAML list");
    }
    List<EvalCase> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int i = 0;
    for (JsonNode n : root) {
      i++;
      String id = n.path("id").asText("case-" + i);
      if (!ids.add(id)) {
        throw new BadInput(file + ": case id '" + id + "' appears twice");
      }
      List<String> turns = texts(n.path("turns"));
      if (turns.isEmpty() && n.hasNonNull("question")) {
        turns = List.of(n.get("question").asText());
      }
      JsonNode e = n.path("expect");
      Optional<String> outcome = opt(e, "outcome").map(s -> s.toLowerCase(Locale.ROOT));
      if (outcome.isPresent() && !OUTCOMES.contains(outcome.get())) {
        throw new BadInput(
            file
                + ": case "
                + id
                + ": outcome must be one of "
                + OUTCOMES
                + ", got '"
                + outcome.get()
                + "'");
      }
      try {
        out.add(
            new EvalCase(
                id,
                turns,
                opt(n, "lang"),
                opt(n, "country"),
                outcome,
                e.path("minCitations").asInt(0),
                texts(e.path("citedCancerTypes")),
                texts(e.path("citedDocs")),
                texts(e.path("mustContain")),
                texts(e.path("mustNotContain")),
                e.path("disclaimer").asBoolean(true),
                opt(e, "language")));
      } catch (IllegalArgumentException x) {
        throw new BadInput(file + ": " + x.getMessage(), x);
      }
    }
    return out;
  }

  private static Optional<String> opt(JsonNode n, String field) {
    return n.hasNonNull(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
  }

  private static List<String> texts(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(x -> out.add(x.asText()));
    } else if (n.isValueNode() && !n.isNull()) {
      out.add(n.asText());
    }
    return out;
  }

  private static String firstLine(@Nullable String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  /** The result of one case: passed, or the reasons it failed, and the final answer. */
  public record Result(EvalCase testCase, List<String> failures, Answer answer) {
    public boolean passed() {
      return failures.isEmpty();
    }
  }

  /** Runs one case through the engine (each case is its own conversation). */
  public static Result run(AnswerEngine engine, EvalCase c) {
    Optional<String> conversation = Optional.empty();
    Answer a = null;
    for (String turn : c.turns()) {
      a = engine.answer(new AnswerEngine.Question(turn, c.language(), conversation, c.country()));
      conversation = Optional.of(a.conversationId());
    }
    Objects.requireNonNull(a, "a case has at least one turn");
    return new Result(c, check(c, a), a);
  }

  static List<String> check(EvalCase c, Answer a) {
    List<String> f = new ArrayList<>();
    c.outcome()
        .ifPresent(
            o -> {
              if (!o.equals(a.outcome())) {
                f.add(
                    "outcome "
                        + a.outcome()
                        + ", expected "
                        + o
                        + (a instanceof Answer.Abstained ab ? " (" + ab.reason() + ")" : ""));
              }
            });
    List<Citation> cites = a instanceof Answer.Answered ok ? ok.citations() : List.of();
    if (cites.size() < c.minCitations()) {
      f.add(cites.size() + " citations, expected at least " + c.minCitations());
    }
    if (!c.citedCancerTypes().isEmpty()
        && cites.stream()
            .noneMatch(x -> x.cancerTypes().stream().anyMatch(c.citedCancerTypes()::contains))) {
      f.add("no cited document is about " + c.citedCancerTypes());
    }
    if (!c.citedDocs().isEmpty()
        && cites.stream().noneMatch(x -> c.citedDocs().contains(x.docId()))) {
      f.add(
          "none of "
              + c.citedDocs()
              + " is cited (cited: "
              + cites.stream().map(Citation::docId).distinct().toList()
              + ")");
    }
    String text = said(a).toLowerCase(Locale.ROOT);
    for (String m : c.mustContain()) {
      if (!text.contains(m.toLowerCase(Locale.ROOT))) {
        f.add("does not contain '" + m + "'");
      }
    }
    for (String m : c.mustNotContain()) {
      if (text.contains(m.toLowerCase(Locale.ROOT))) {
        f.add("contains '" + m + "'");
      }
    }
    if (c.disclaimer() && a.disclaimer().isBlank()) {
      f.add("no disclaimer");
    }
    c.replyLanguage()
        .ifPresent(
            l -> {
              if (!l.equals(a.language())) {
                f.add("reply in " + a.language() + ", expected " + l);
              }
            });
    return f;
  }

  /**
   * Everything an answer says, as the reader gets it in any medium: the message, the quoted text
   * (the excerpts, else the cited sentences), the sources, a refusal's questions, an urgent reply's
   * crisis lines and emergency numbers, the next steps and the disclaimer. The words an edge adds
   * around them ("Sources:") are not the answer's, so no case can pass on them.
   */
  static String said(Answer a) {
    List<String> parts = new ArrayList<>();
    parts.add(a.message());
    switch (a) {
      case Answer.Answered ok -> {
        if (ok.excerpts().isEmpty()) {
          ok.sentences().forEach(s -> parts.add(s.text()));
        }
        for (Excerpt e : ok.excerpts()) {
          parts.add(e.heading());
          e.blocks()
              .forEach(
                  b ->
                      parts.add(
                          String.join(
                              " ", b.sentences().stream().map(Excerpt.Sentence::text).toList())));
        }
        for (Citation c : ok.citations()) {
          parts.add(
              String.join(
                  " ",
                  c.title(),
                  c.heading(),
                  c.source(),
                  c.url(),
                  c.lastReviewed().map(Object::toString).orElse(""),
                  c.reviewState().label()));
        }
      }
      case Answer.Abstained ab -> {}
      case Answer.Refused r -> parts.addAll(r.questionsToAsk());
      case Answer.Urgent u -> {
        u.crisisLines().forEach(l -> parts.add(PolicyScreen.line(l)));
        u.emergencyNumbers().forEach(n -> parts.add(n.number() + " (" + n.where() + ")"));
      }
    }
    parts.addAll(a.nextSteps());
    parts.add(a.disclaimer());
    return String.join("\n", parts);
  }
}
