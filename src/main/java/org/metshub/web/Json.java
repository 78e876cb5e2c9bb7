package org.metshub.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.UncheckedIOException;

/** JSON out of the web layer: one mapper (ISO dates), written with the right content type. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * Reads request bodies strictly: nothing may follow the value, a key may not repeat, and an
   * error message quotes at most 80 characters of the offending token and none of the body.
   */
  static final com.fasterxml.jackson.databind.ObjectReader STRICT = new ObjectMapper(
      com.fasterxml.jackson.core.JsonFactory.builder()
          .errorReportConfiguration(com.fasterxml.jackson.core.ErrorReportConfiguration
              .builder().maxErrorTokenLength(80).maxRawContentLength(0).build())
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build())
      .reader().with(com.fasterxml.jackson.databind.DeserializationFeature
          .FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write JSON for " + value.getClass().getName(), e);
    }
  }

  static void send(Context ctx, Object value) {
    ctx.contentType("application/json; charset=utf-8").result(write(value));
  }

  /** An object with its keys in the given order: {@code object("status", "ok", ...)}. */
  static java.util.Map<String, Object> object(Object... keysAndValues) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /** JSON safe inside an HTML script element: no {@code <}, {@code >} or {@code &}. */
  static String forScript(Object value) {
    return write(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }
}
