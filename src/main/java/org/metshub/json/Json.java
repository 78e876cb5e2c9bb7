package org.metshub.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one configured Jackson mapper of MetsHub, and the mappers derived from it. {@link #MAPPER}
 * reads and writes JSON: {@code java.time} values as ISO text ({@code 2026-11-22}), fields in
 * declaration order. What the API and every {@code --json} print goes through {@link #PRETTY}; JSON
 * lines (one object per line, for batch runs) through {@link #MAPPER} itself.
 *
 * <p>A mapper that needs another factory (YAML data files, front matter with loader limits, a
 * strict request reader) is {@link #MAPPER} copied onto that factory, so it shares the same modules
 * and features; only the factory differs, and the caller says why. This package depends on nothing
 * else in MetsHub, so the core may use it too. Mappers are thread-safe once built.
 */
public final class Json {
  /** JSON in and out: ISO dates, compact. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  /** Indented JSON, as the API answers and every {@code --json} option prints. */
  public static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

  /** YAML data files read as trees (vocabularies, messages, lexicons, models, eval cases). */
  public static final ObjectMapper YAML = with(new YAMLFactory());

  private Json() {}

  /**
   * {@link #MAPPER}'s configuration over another factory: YAML with loader limits or writer
   * features, or JSON with stricter parsing.
   */
  public static ObjectMapper with(JsonFactory factory) {
    return MAPPER.copyWith(factory);
  }
}
