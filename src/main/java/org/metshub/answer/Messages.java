package org.metshub.answer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.metshub.error.MetsHubException.Internal;
import org.metshub.json.Json;

/** The fixed texts around answers ({@code answer/messages.yaml}), in English and Spanish. */
final class Messages {
  private final JsonNode root;

  private Messages(JsonNode root) {
    this.root = root;
  }

  static Messages bundled() {
    try (InputStream in = Messages.class.getResourceAsStream("/answer/messages.yaml")) {
      if (in == null) {
        throw new Internal("answer/messages.yaml is missing from the class path");
      }
      return new Messages(Json.YAML.readTree(in));
    } catch (IOException e) {
      throw new Internal("cannot read answer/messages.yaml: " + e.getMessage(), e);
    }
  }

  /** The text for a key in a language (English when missing), with {placeholders} filled. */
  String get(String language, String key, Map<String, String> values) {
    JsonNode n = root.path("es".equals(language) ? "es" : "en").path(key);
    if (n.isMissingNode()) {
      n = root.path("en").path(key);
    }
    if (n.isMissingNode()) {
      throw new Internal("answer/messages.yaml has no text for '" + key + "'");
    }
    String s = n.asText();
    for (var e : values.entrySet()) {
      s = s.replace("{" + e.getKey() + "}", e.getValue());
    }
    return s;
  }

  String get(String language, String key) {
    return get(language, key, Map.of());
  }
}
