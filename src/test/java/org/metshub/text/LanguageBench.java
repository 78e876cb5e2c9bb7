package org.metshub.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.metshub.ingest.infer.LanguageDetector;
import org.metshub.safety.SafetyPolicy;

/**
 * Measures the language detectors on the labelled short queries ({@code text/short-queries.tsv})
 * and on the questions of the answer eval's development split, printing accuracy per language
 * and every error. Not a test: run it by hand, with Lingua on the class path to measure it too:
 * {@code java -cp target/test-classes:target/classes:target/lib/*:LINGUA_JARS
 * org.metshub.text.LanguageBench}.
 */
public final class LanguageBench {
  private LanguageBench() {}

  /** A query and the language it is written in. */
  record Labelled(String language, String text) {}

  /** The labelled short queries bundled with the tests. */
  static List<Labelled> shortQueries() throws IOException {
    try (InputStream in = LanguageBench.class.getResourceAsStream("/text/short-queries.tsv")) {
      List<Labelled> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", 2);
        out.add(new Labelled(f[0], f[1]));
      }
      return out;
    }
  }

  /** The last turn of each case of the development split, with its {@code language:}. */
  static List<Labelled> devQuestions(Path yaml) throws IOException {
    List<Labelled> out = new ArrayList<>();
    String turn = null;
    for (String line : Files.readAllLines(yaml)) {
      String s = line.strip();
      if (s.startsWith("turns:")) {
        String list = s.substring(s.indexOf('[') + 1, s.lastIndexOf(']'));
        String[] turns = list.split("\",\\s*\"");
        turn = turns[turns.length - 1].replace("\"", "");
      } else if (s.startsWith("language:") && turn != null) {
        out.add(new Labelled(s.substring("language:".length()).strip(), turn));
        turn = null;
      }
    }
    return out;
  }

  /** Prints accuracy per language and the errors of {@code detector} on {@code set}. */
  static int measure(String name, List<Labelled> set, UnaryOperator<String> detector) {
    Map<String, int[]> byLang = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    for (Labelled l : set) {
      String got = detector.apply(l.text());
      int[] c = byLang.computeIfAbsent(l.language(), k -> new int[2]);
      c[1]++;
      if (got.equals(l.language())) {
        c[0]++;
      } else {
        errors.add(l.language() + "->" + got + " '" + l.text() + "'");
      }
    }
    StringBuilder sb = new StringBuilder(String.format("%-28s", name));
    byLang.forEach((lang, c) -> sb.append(String.format("  %s %3d/%3d (%5.1f%%)", lang, c[0],
        c[1], 100.0 * c[0] / c[1])));
    sb.append(String.format("  errors %d", errors.size()));
    System.out.println(sb);
    errors.forEach(e -> System.out.println("    " + e));
    return errors.size();
  }

  public static void main(String[] args) throws Exception {
    Map<String, UnaryOperator<String>> detectors = new LinkedHashMap<>();
    detectors.put("text/LanguageGuess", q -> LanguageGuess.of(q));
    LanguageDetector ingest = new LanguageDetector();
    detectors.put("ingest/LanguageDetector", q -> ingest.detect(q).language());
    detectors.put("SafetyPolicy (site en)",
        q -> SafetyPolicy.bundled().classify(q, "en", Optional.empty()).language());
    Optional<UnaryOperator<String>> lingua = Lingua.detector();
    lingua.ifPresent(l -> detectors.put("Lingua (en, es; low acc.)", l));
    lingua.ifPresent(l -> detectors.put("LanguageGuess, else Lingua", q -> {
      String g = LanguageGuess.of(q, "?");
      return g.equals("?") ? l.apply(q) : g;
    }));
    List<Labelled> queries = shortQueries();
    List<Labelled> dev = devQuestions(Path.of("eval/answer-sections-dev.yaml"));
    System.out.println("Short queries (" + queries.size() + ")");
    detectors.forEach((n, d) -> measure(n, queries, d));
    System.out.println("Answer eval, dev split, last turns (" + dev.size() + ")");
    detectors.forEach((n, d) -> measure(n, dev, d));
  }

  /** Lingua through reflection, so the benchmark builds without it. */
  static final class Lingua {
    static Optional<UnaryOperator<String>> detector() throws ReflectiveOperationException {
      Class<?> language;
      try {
        language = Class.forName("com.github.pemistahl.lingua.api.Language");
      } catch (ClassNotFoundException e) {
        System.out.println("(Lingua not on the class path: not measured)");
        return Optional.empty();
      }
      Runtime rt = Runtime.getRuntime();
      System.gc();
      long before = rt.totalMemory() - rt.freeMemory();
      long start = System.nanoTime();
      Class<?> builderClass = Class.forName("com.github.pemistahl.lingua.api.LanguageDetectorBuilder");
      Object langs = java.lang.reflect.Array.newInstance(language, 2);
      java.lang.reflect.Array.set(langs, 0, language.getField("ENGLISH").get(null));
      java.lang.reflect.Array.set(langs, 1, language.getField("SPANISH").get(null));
      Object builder = builderClass.getMethod("fromLanguages", langs.getClass()).invoke(null, langs);
      builder = builderClass.getMethod("withLowAccuracyMode").invoke(builder);
      builder = builderClass.getMethod("withPreloadedLanguageModels").invoke(builder);
      Object detector = builderClass.getMethod("build").invoke(builder);
      var detect = detector.getClass().getMethod("detectLanguageOf", String.class);
      System.gc();
      long after = rt.totalMemory() - rt.freeMemory();
      System.out.printf("(Lingua built in %d ms, heap +%d MB)%n",
          (System.nanoTime() - start) / 1_000_000, (after - before) >> 20);
      Object spanish = language.getField("SPANISH").get(null);
      Object english = language.getField("ENGLISH").get(null);
      return Optional.of(q -> {
        try {
          Object l = detect.invoke(detector, q);
          return l.equals(spanish) ? "es" : l.equals(english) ? "en" : "en";
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      });
    }
  }
}
