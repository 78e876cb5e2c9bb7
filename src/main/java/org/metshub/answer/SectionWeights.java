package org.metshub.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.metshub.kb.KbException;

/**
 * The weights of {@link SectionChoice}'s features, read from {@code answer/section-weights.yaml}
 * (written by {@code metshub train-sections}). A candidate's score is the weighted sum of its
 * features. Immutable.
 *
 * @param weights one weight per name of {@link SectionChoice#FEATURES}, in that order
 * @param source what made them, for the file's header
 */
record SectionWeights(List<Double> weights, String source) {
  SectionWeights {
    weights = List.copyOf(weights);
    if (weights.size() != SectionChoice.FEATURES.size()) {
      throw new IllegalArgumentException("need " + SectionChoice.FEATURES.size()
          + " weights, got " + weights.size());
    }
  }

  private static final class Holder {
    static final SectionWeights BUNDLED = read("answer/section-weights.yaml", resource());
  }

  static SectionWeights bundled() {
    return Holder.BUNDLED;
  }

  double score(double[] features) {
    double s = 0;
    for (int i = 0; i < features.length; i++) {
      s += weights.get(i) * features[i];
    }
    return s;
  }

  private static String resource() {
    try (InputStream in = SectionWeights.class.getResourceAsStream("/answer/section-weights.yaml")) {
      if (in == null) {
        throw new KbException("answer/section-weights.yaml: missing from the class path");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read answer/section-weights.yaml", e);
    }
  }

  /** Reads a weights file; every feature must have a number, and no other key may appear. */
  static SectionWeights read(String source, String text) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (IOException e) {
      throw new KbException(source + ": not valid YAML: " + e.getMessage());
    }
    JsonNode w = root == null ? null : root.get("weights");
    if (w == null || !w.isObject()) {
      throw new KbException(source + ": weights: is required and must be a mapping");
    }
    for (var it = w.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!SectionChoice.FEATURES.contains(name)) {
        throw new KbException(source + ": weights." + name + ": unknown feature, expected one of "
            + SectionChoice.FEATURES);
      }
    }
    List<Double> out = new java.util.ArrayList<>();
    for (String f : SectionChoice.FEATURES) {
      JsonNode v = w.get(f);
      if (v == null || !v.isNumber()) {
        throw new KbException(source + ": weights." + f + ": is required and must be a number");
      }
      out.add(v.asDouble());
    }
    return new SectionWeights(out, root.path("madeBy").asText(""));
  }

  /** The file text: a header saying how it was made, then one weight per line. */
  String toYaml(String header) {
    StringBuilder sb = new StringBuilder(header);
    sb.append("madeBy: ").append('"').append(source).append('"').append('\n');
    sb.append("weights:\n");
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < weights.size(); i++) {
      m.put(SectionChoice.FEATURES.get(i), weights.get(i));
    }
    m.forEach((k, v) -> sb.append("  ").append(k).append(": ")
        .append(String.format(Locale.ROOT, "%.4f", v)).append('\n'));
    return sb.toString();
  }
}
