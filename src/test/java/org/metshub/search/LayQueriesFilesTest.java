package org.metshub.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The lay search labels (`bench lay`): both splits parse, every labelled page exists in the bundled
 * KB, ids are unique, and no question of the test split is also a dev question.
 */
class LayQueriesFilesTest {
  static final List<Path> SPLITS =
      List.of(Path.of("eval/lay-queries.jsonl"), Path.of("eval/lay-queries-test.jsonl"));

  @Test
  void bothSplitsAreWellFormedAndLabelPagesThatExist() throws Exception {
    Set<String> ids = new HashSet<>();
    Pattern id = Pattern.compile("(?m)^id:\\s*(\\S+)");
    try (Stream<Path> all = Files.walk(Path.of("kb"))) {
      for (Path p : (Iterable<Path>) all::iterator) {
        if (p.toString().endsWith(".md")) {
          Matcher m = id.matcher(Files.readString(p));
          if (m.find()) {
            ids.add(m.group(1));
          }
        }
      }
    }
    ObjectMapper json = new ObjectMapper();
    Set<String> qids = new HashSet<>();
    Map<String, String> questions = new HashMap<>();
    for (Path split : SPLITS) {
      List<String> lines = Files.readAllLines(split).stream().filter(l -> !l.isBlank()).toList();
      assertThat(lines).as(split.toString()).hasSizeGreaterThanOrEqualTo(40);
      for (String line : lines) {
        JsonNode q = json.readTree(line);
        String qid = q.path("qid").asText();
        assertThat(qids.add(qid)).as("unique qid " + qid).isTrue();
        String question = q.path("question").asText().strip().toLowerCase(Locale.ROOT);
        assertThat(question).as(qid).isNotEmpty();
        String before = questions.put(question, split + " " + qid);
        assertThat(before).as("'" + question + "' is in two places").isNull();
        assertThat(q.path("relevant").isArray() && !q.path("relevant").isEmpty()).as(qid).isTrue();
        for (JsonNode r : q.path("relevant")) {
          assertThat(ids).as(qid + " labels a page of the bundled KB").contains(r.asText());
        }
      }
    }
  }
}
