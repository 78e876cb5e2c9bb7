package org.metshub.kb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.metshub.error.MetsHubException.Internal;
import org.metshub.json.Json;

/**
 * Writes a document back as front matter plus body, in MetsHub's canonical field order, with
 * unknown fields kept after the known ones exactly as they were read. Empty fields are left out.
 * Writing what {@link KbReader} read gives a file that reads back to the same front matter.
 * Thread-safe.
 */
public final class FrontMatterWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final ObjectMapper yaml;

  public FrontMatterWriter() {
    YAMLFactory factory =
        YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();
    // The shared mapper on a factory of its own: the layout above belongs to the YAML generator.
    this.yaml = Json.with(factory);
  }

  /** The front matter as an ordered YAML mapping node. */
  public ObjectNode toNode(FrontMatter fm) {
    ObjectNode n = NODES.objectNode();
    put(n, "id", fm.id());
    put(n, "title", fm.title());
    put(n, "docType", fm.docType());
    put(n, "url", fm.url());
    put(n, "citation", fm.citation());
    put(n, "source", fm.source());
    put(n, "sourceType", fm.sourceType());
    put(n, "language", fm.language());
    put(n, "audienceLevel", fm.audienceLevel());
    list(n, "cancerTypes", fm.cancerTypes());
    list(n, "metastaticSites", fm.metastaticSites());
    put(n, "summary", fm.summary());
    date(n, "lastReviewed", fm.lastReviewed());
    put(n, "reviewFrequency", fm.reviewFrequency());
    put(n, "reviewedBy", fm.reviewedBy());
    date(n, "datePublished", fm.datePublished());
    put(n, "status", fm.status());
    put(n, "license", fm.license());
    put(n, "version", fm.version());
    list(n, "countries", fm.countries());
    list(n, "tags", fm.tags());
    fm.extra().forEach(n::set);
    return n;
  }

  /** The whole file: {@code ---}, the YAML, {@code ---}, the body. */
  public String write(FrontMatter fm, String body) {
    try {
      String y = yaml.writeValueAsString(toNode(fm));
      return "---\n" + y + "---\n" + body + (body.isEmpty() || body.endsWith("\n") ? "" : "\n");
    } catch (JsonProcessingException e) {
      throw new Internal("cannot write front matter of " + fm.id() + ": " + e.getMessage(), e);
    }
  }

  private static void put(ObjectNode n, String k, String v) {
    if (!v.isEmpty()) {
      n.put(k, v);
    }
  }

  private static void date(ObjectNode n, String k, Optional<LocalDate> d) {
    d.ifPresent(x -> n.put(k, x.toString()));
  }

  private static void list(ObjectNode n, String k, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode a = n.putArray(k);
      values.forEach(a::add);
    }
  }

  /** Reads a node back as JSON text; used by tests and the JSON report. */
  static String json(JsonNode n) {
    return n.toString();
  }
}
