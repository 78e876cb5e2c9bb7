package org.metshub.answer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.json.Json;

/**
 * The evidence gate's learned model: gradient-boosted regression trees over named features. The
 * probability is the logistic of {@code base + shrinkage × Σ tree(x)}; each tree sends a feature
 * vector left when its feature is at most the split's value, down to a leaf's value. Written by
 * {@code metshub train-sections} ({@link GateTraining}) to {@code answer/gate-model.yaml}:
 *
 * <pre>
 * threshold: 0.9
 * base: 0.31
 * shrinkage: 0.1
 * trees:
 * - {if: share, le: 0.63, then: {if: asked, le: 0.4, then: -0.51, else: 0.12}, else: 0.9}
 * </pre>
 *
 * Trees, unlike one weight per feature, can learn that a feature matters only in part of its range
 * or only beside another one (a close curated question counts for less when the ranker is unsure).
 * Immutable.
 *
 * @param features the feature names, in the order of the vectors it reads
 * @param base the starting log-odds
 * @param shrinkage what each tree's value is multiplied by
 * @param trees the trees, in the order they were fitted
 * @param threshold the probability an answer needs
 * @param source what made it, for the file's header
 */
record BoostedTrees(
    List<String> features,
    double base,
    double shrinkage,
    List<BoostedTrees.Node> trees,
    double threshold,
    String source)
    implements GateModel {
  BoostedTrees {
    features = List.copyOf(features);
    trees = List.copyOf(trees);
  }

  /** A node of a tree. */
  sealed interface Node permits Leaf, Split {}

  /** A leaf: the value the tree gives. */
  record Leaf(double value) implements Node {}

  /** A split: {@code le} when feature {@code feature} is at most {@code at}, else {@code gt}. */
  record Split(int feature, double at, Node le, Node gt) implements Node {}

  /** The value a tree gives {@code x}. */
  static double value(Node node, double[] x) {
    Node n = node;
    while (n instanceof Split s) {
      n = x[s.feature()] <= s.at() ? s.le() : s.gt();
    }
    return ((Leaf) n).value();
  }

  /** The log-odds for {@code x}. */
  double score(double[] x) {
    double f = base;
    for (Node t : trees) {
      f += shrinkage * value(t, x);
    }
    return f;
  }

  @Override
  public double probability(double[] x) {
    return 1 / (1 + Math.exp(-score(x)));
  }

  /** The same trees with another threshold. */
  BoostedTrees withThreshold(double t) {
    return new BoostedTrees(features, base, shrinkage, trees, t, source);
  }

  /** Reads a model file shipped in the jar. */
  static BoostedTrees bundled(String name, List<String> features) {
    return read(name, LinearModel.resource(name), features);
  }

  /**
   * Reads a model file.
   *
   * @throws BadInput naming the file and field when it is not valid YAML, a number is missing or
   *     not a number, a tree names an unknown feature, or a node is neither a number nor a split
   */
  static BoostedTrees read(String source, String text, List<String> features) {
    JsonNode root;
    try {
      root = Json.YAML.readTree(text);
    } catch (IOException e) {
      throw new BadInput(source + ": not valid YAML: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new BadInput(source + ": must be a mapping with threshold, base, shrinkage and trees");
    }
    double threshold = number(source, root, "threshold");
    double base = number(source, root, "base");
    double shrinkage = number(source, root, "shrinkage");
    JsonNode list = root.get("trees");
    if (list == null || !list.isArray()) {
      throw new BadInput(source + ": trees: is required and must be a list");
    }
    List<Node> trees = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      trees.add(node(source, "trees[" + i + "]", list.get(i), features));
    }
    return new BoostedTrees(
        features, base, shrinkage, trees, threshold, root.path("madeBy").asText(""));
  }

  private static double number(String source, JsonNode root, String field) {
    JsonNode v = root.get(field);
    if (v == null || !v.isNumber()) {
      throw new BadInput(source + ": " + field + ": is required and must be a number");
    }
    return v.asDouble();
  }

  private static Node node(String source, String where, JsonNode n, List<String> features) {
    if (n.isNumber()) {
      return new Leaf(n.asDouble());
    }
    if (!n.isObject() || !n.has("if") || !n.has("le") || !n.has("then") || !n.has("else")) {
      throw new BadInput(
          source + ": " + where + ": must be a number or {if: FEATURE, le: N, then: …, else: …}");
    }
    String name = n.get("if").asText();
    int f = features.indexOf(name);
    if (f < 0) {
      throw new BadInput(
          source
              + ": "
              + where
              + ".if: unknown feature '"
              + name
              + "', expected one of "
              + features);
    }
    if (!n.get("le").isNumber()) {
      throw new BadInput(source + ": " + where + ".le: must be a number");
    }
    return new Split(
        f,
        n.get("le").asDouble(),
        node(source, where + ".then", n.get("then"), features),
        node(source, where + ".else", n.get("else"), features));
  }

  /** The file text: a header saying how it was made, then the model. */
  String toYaml(String header) {
    StringBuilder sb = new StringBuilder(header);
    sb.append("madeBy: ").append('"').append(source).append('"').append('\n');
    sb.append("threshold: ").append(threshold).append('\n');
    sb.append("base: ").append(base).append('\n');
    sb.append("shrinkage: ").append(shrinkage).append('\n');
    sb.append("trees:\n");
    for (Node t : trees) {
      sb.append("- ");
      write(sb, t);
      sb.append('\n');
    }
    return sb.toString();
  }

  private void write(StringBuilder sb, Node n) {
    switch (n) {
      case Leaf l -> sb.append(l.value());
      case Split s -> {
        sb.append("{if: ").append(features.get(s.feature())).append(", le: ").append(s.at());
        sb.append(", then: ");
        write(sb, s.le());
        sb.append(", else: ");
        write(sb, s.gt());
        sb.append('}');
      }
    }
  }
}
