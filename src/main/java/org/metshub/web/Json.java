package org.metshub.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import java.io.UncheckedIOException;

/**
 * JSON in and out of the web layer, through MetsHub's one mapper ({@link org.metshub.json.Json}):
 * responses indented, with the right content type; request bodies read strictly.
 */
final class Json {
  /**
   * Reads request bodies strictly: nothing may follow the value, a key may not repeat, and an error
   * message quotes at most 80 characters of the offending token and none of the body. The shared
   * mapper on a factory of its own, since these limits are the factory's.
   */
  static final com.fasterxml.jackson.databind.ObjectReader STRICT =
      org.metshub.json.Json.with(
              com.fasterxml.jackson.core.JsonFactory.builder()
                  .errorReportConfiguration(
                      com.fasterxml.jackson.core.ErrorReportConfiguration.builder()
                          .maxErrorTokenLength(80)
                          .maxRawContentLength(0)
                          .build())
                  .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .reader()
          .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  static String write(Object value) {
    try {
      return org.metshub.json.Json.PRETTY.writeValueAsString(value);
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
