package org.metshub.text;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Measures the language detector on the labelled short queries ({@code text/short-queries.tsv}) and
 * on the last turns of the answer eval's development split, printing accuracy per language and
 * every error, for {@link LanguageGuess} and for its two parts alone (our word lists, and Lingua).
 * Not a test: run it by hand from the project folder, after {@code mvn test-compile} and {@code mvn
 * package}: {@code java -cp "target/test-classes:target/classes:target/lib/*"
 * org.metshub.text.LanguageBench}. {@code LanguageGuessTest} holds the error counts it found.
 */
public final class LanguageBench {
  private LanguageBench() {}

  /** A query and the language it is written in. */
  public record Labelled(String language, String text) {}

  /** The labelled short queries bundled with the tests. */
  public static List<Labelled> shortQueries() throws IOException {
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
    byLang.forEach(
        (lang, c) ->
            sb.append(
                String.format("  %s %3d/%3d (%5.1f%%)", lang, c[0], c[1], 100.0 * c[0] / c[1])));
    sb.append(String.format("  errors %d", errors.size()));
    System.out.println(sb);
    errors.forEach(e -> System.out.println("    " + e));
    return errors.size();
  }

  public static void main(String[] args) throws Exception {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long before = rt.totalMemory() - rt.freeMemory();
    long start = System.nanoTime();
    LanguageDetector lingua =
        LanguageDetectorBuilder.fromLanguages(Language.ENGLISH, Language.SPANISH)
            .withLowAccuracyMode()
            .withPreloadedLanguageModels()
            .build();
    System.gc();
    System.out.printf(
        "(Lingua built in %d ms, heap +%d MB)%n",
        (System.nanoTime() - start) / 1_000_000,
        (rt.totalMemory() - rt.freeMemory() - before) >> 20);
    Map<String, UnaryOperator<String>> detectors = new LinkedHashMap<>();
    detectors.put("LanguageGuess (kept)", q -> LanguageGuess.of(q));
    detectors.put("its word lists alone", q -> LanguageGuess.evidence(q).language("en"));
    detectors.put(
        "Lingua alone (low acc.)",
        q -> lingua.detectLanguageOf(q) == Language.SPANISH ? "es" : "en");
    List<Labelled> queries = shortQueries();
    List<Labelled> dev = devQuestions(Path.of("eval/answer-sections-dev.yaml"));
    System.out.println("Short queries (" + queries.size() + ")");
    detectors.forEach((n, d) -> measure(n, queries, d));
    System.out.println("Answer eval, dev split, last turns (" + dev.size() + ")");
    detectors.forEach((n, d) -> measure(n, dev, d));
  }
}
