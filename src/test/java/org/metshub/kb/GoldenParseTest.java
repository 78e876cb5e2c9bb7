package org.metshub.kb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: each {@code golden/parse/NAME.md} is parsed and compared with {@code NAME.json}
 * beside it. Run with {@code -Dgolden.update=true} to write the expectations (after a deliberate
 * change, or for a new input), then review the diff; without it, a missing expectation fails.
 */
class GoldenParseTest {
  private static final Path DIR = Path.of("src/test/resources/golden/parse");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static Stream<Path> inputs() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".md")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void parsesAsExpected(Path input) throws IOException {
    KbFile f = new KbReader(Vocabularies.bundled()).read(input);
    String actual = JSON.writeValueAsString(describe(f)) + "\n";
    org.metshub.testing.Golden.check(
        Path.of(input.toString().replaceAll("\\.md$", ".json")), actual);
  }

  private static Map<String, Object> describe(KbFile f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", f instanceof KbDocument ? "document" : "unreadable");
    if (f instanceof KbDocument d) {
      FrontMatter fm = d.frontMatter();
      Map<String, Object> front = new LinkedHashMap<>();
      front.put("id", fm.id());
      front.put("title", fm.title());
      front.put("docType", fm.docType());
      front.put("url", fm.url());
      front.put("language", fm.language());
      front.put("audienceLevel", fm.audienceLevel());
      front.put("cancerTypes", fm.cancerTypes());
      front.put("metastaticSites", fm.metastaticSites());
      front.put("lastReviewed", fm.lastReviewed().map(Object::toString).orElse(""));
      front.put("reviewFrequency", fm.reviewFrequency());
      front.put("status", fm.status());
      front.put("license", fm.license());
      front.put("countries", fm.countries());
      front.put("tags", fm.tags());
      front.put("extra", fm.extra());
      m.put("frontMatter", front);
      List<Map<String, Object>> sections = new ArrayList<>();
      for (Section s : d.sections()) {
        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("headingPath", s.headingPath());
        sm.put("line", s.line());
        sm.put("text", s.text());
        sm.put("links", s.links());
        sections.add(sm);
      }
      m.put("sections", sections);
    }
    m.put(
        "problems",
        f.problems().stream().map(p -> p.format().replace(DIR.toString(), "golden")).toList());
    return m;
  }
}
