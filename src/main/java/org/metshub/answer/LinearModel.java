package org.metshub.answer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.Internal;
import org.metshub.json.Json;

/**
 * A learned linear model read from a data file in {@code answer/}: one weight per named feature,
 * and for a classifier the threshold its decision uses. The section ranker ({@code
 * section-weights.yaml}) is one, written by {@code metshub train-sections}; as a classifier it is
 * the evidence gate of tests over small made-up KBs (the shipped gate is {@link BoostedTrees}).
 * Immutable.
 *
 * @param features the feature names, in the order of the weights
 * @param weights one weight per feature
 * @param threshold the decision threshold, NaN for a ranker
 * @param source what made them, for the file's header
 */
record LinearModel(List<String> features, List<Double> weights, double threshold, String source)
    implements GateModel {
  LinearModel {
    features = List.copyOf(features);
    weights = List.copyOf(weights);
    if (weights.size() != features.size()) {
      throw new IllegalArgumentException(
          "need " + features.size() + " weights, got " + weights.size());
    }
  }

  /**
   * Reads a weights file shipped in the jar.
   *
   * @param name its path on the class path, such as {@code answer/section-weights.yaml}
   */
  static LinearModel bundled(String name, List<String> features) {
    return read(name, resource(name), features);
  }

  /** The weighted sum of the features. */
  double score(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += weights.get(i) * x[i];
    }
    return s;
  }

  /** The logistic of the score: a probability, for a classifier. */
  @Override
  public double probability(double[] x) {
    return 1 / (1 + Math.exp(-score(x)));
  }

  /** The text of a file shipped in the jar ({@code answer/…}), for the models read from it. */
  static String resource(String name) {
    try (InputStream in = LinearModel.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new Internal(name + ": missing from the class path");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new Internal("cannot read " + name, e);
    }
  }

  /**
   * Reads a weights file.
   *
   * @throws BadInput naming the file and field when it is not valid YAML, a feature is unknown or
   *     missing, a weight is not a number, or the threshold is not a number
   */
  static LinearModel read(String source, String text, List<String> features) {
    JsonNode root;
    try {
      root = Json.YAML.readTree(text);
    } catch (IOException e) {
      throw new BadInput(source + ": not valid YAML: " + e.getMessage());
    }
    JsonNode w = root == null ? null : root.get("weights");
    if (w == null || !w.isObject()) {
      throw new BadInput(source + ": weights: is required and must be a mapping");
    }
    for (var it = w.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!features.contains(name)) {
        throw new BadInput(
            source + ": weights." + name + ": unknown feature, expected one of " + features);
      }
    }
    List<Double> out = new ArrayList<>();
    for (String f : features) {
      JsonNode v = w.get(f);
      if (v == null || !v.isNumber()) {
        throw new BadInput(source + ": weights." + f + ": is required and must be a number");
      }
      out.add(v.asDouble());
    }
    double threshold = Double.NaN;
    JsonNode t = root.get("threshold");
    if (t != null) {
      if (!t.isNumber()) {
        throw new BadInput(source + ": threshold: must be a number");
      }
      threshold = t.asDouble();
    }
    return new LinearModel(features, out, threshold, root.path("madeBy").asText(""));
  }

  /** The file text: a header saying how it was made, the threshold if any, the weights. */
  String toYaml(String header) {
    StringBuilder sb = new StringBuilder(header);
    sb.append("madeBy: ").append('"').append(source).append('"').append('\n');
    if (!Double.isNaN(threshold)) {
      sb.append("threshold: ").append(String.format(Locale.ROOT, "%.4f", threshold)).append('\n');
    }
    sb.append("weights:\n");
    for (int i = 0; i < weights.size(); i++) {
      sb.append("  ")
          .append(features.get(i))
          .append(": ")
          .append(String.format(Locale.ROOT, "%.4f", weights.get(i)))
          .append('\n');
    }
    return sb.toString();
  }
}
