package org.metshub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.json.Json;

/** Queries with their relevant document ids, read from a JSON-lines file. */
record EvalSet(List<Query> queries) {
  /** One query: its id, text, every id that counts as relevant, and the strict one. */
  record Query(String qid, String question, Set<String> relevant, String answerId) {}

  static EvalSet read(Path jsonl) {
    ObjectMapper m = Json.MAPPER;
    List<Query> out = new ArrayList<>();
    try {
      int line = 0;
      for (String l : Files.readAllLines(jsonl)) {
        line++;
        if (l.isBlank()) {
          continue;
        }
        JsonNode n = m.readTree(l);
        Set<String> rel = new LinkedHashSet<>();
        n.path("relevant").forEach(x -> rel.add(x.asText()));
        String answer = n.path("answer_id").asText(rel.isEmpty() ? "" : rel.iterator().next());
        if (rel.isEmpty() && !answer.isEmpty()) {
          rel.add(answer);
        }
        if (!n.hasNonNull("qid") || !n.hasNonNull("question") || rel.isEmpty()) {
          throw new BadInput(jsonl + ":" + line + ": needs qid, question and relevant ids");
        }
        out.add(new Query(n.get("qid").asText(), n.get("question").asText(), rel, answer));
      }
    } catch (IOException e) {
      throw new BadInput("cannot read " + jsonl + ": " + e.getMessage(), e);
    }
    return new EvalSet(List.copyOf(out));
  }
}
