package org.metshub.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a node keeps nothing per client that another node behind the load balancer would need.
 * Sessions, CSRF tokens, conversations, login lockouts, rate limits, content gaps and feedback live
 * in the database; what a node may keep in memory is listed in {@link #ALLOWED}, each with why it
 * is per node by nature or derived from shared data.
 *
 * <p>This test lists every field of a class under {@code org.metshub} (records and enums aside:
 * they are values) whose type is a map or a queue, the shapes a per-client store takes, and fails
 * on any that is not in the list. A new one is either moved to the database or added here with its
 * reason, in review.
 */
class PerNodeStateTest {
  /** Class#field, and why it may stay in this node's memory. */
  static final Map<String, String> ALLOWED =
      Map.ofEntries(
          Map.entry(
              "org.metshub.web.ClientConnections#open",
              "open TCP connections per client "
                  + "address on this node: a limit on this node's sockets, meaningless elsewhere"),
          Map.entry(
              "org.metshub.web.ClientConnections#deadlines",
              "this node's connection " + "deadlines"),
          Map.entry("org.metshub.web.ClientConnections#counted", "this node's connections"),
          Map.entry("org.metshub.web.LogLimit#slots", "throttles this node's own log lines"),
          Map.entry(
              "org.metshub.web.PublicDocuments#bodies",
              "document bodies rendered as HTML, "
                  + "held by one immutable snapshot of the shared KB: derived from it"),
          Map.entry(
              "org.metshub.search.CachedSearch#recent",
              "a cache of search responses, keyed "
                  + "by the index generation: derived from the shared KB, never per client"),
          Map.entry(
              "org.metshub.search.QueryEmbeddingCache#recent",
              "a cache of query vectors: " + "derived from the text alone"),
          Map.entry(
              "org.metshub.search.EmbeddingCache#vectors",
              "passage vectors by content " + "hash: derived from the KB"),
          Map.entry(
              "org.metshub.answer.GenericWords#byLanguage",
              "analysed generic words: " + "derived from the bundled answer/words.yaml"),
          Map.entry(
              "org.metshub.answer.IntentLexicon#fitsByHeading",
              "the intents a heading "
                  + "fits: derived from the heading's text and a constant lexicon"),
          Map.entry(
              "org.metshub.answer.IntentLexicon#intentByQuestion",
              "the intent of a curated "
                  + "question: derived from the question's text and a constant lexicon"),
          Map.entry(
              "org.metshub.search.CachedSearch#termsByText",
              "analysed terms of a text: " + "derived from the text alone"),
          Map.entry(
              "org.metshub.search.CachedSearch#similarities",
              "passage similarities, keyed "
                  + "by the index generation: derived from the shared KB, never per client"),
          Map.entry(
              "org.metshub.curation.KbFolder#checked",
              "validation results of this node's " + "reading of the shared KB folder"),
          Map.entry(
              "org.metshub.curation.KbFolder#readings",
              "this node's reading of the shared " + "KB folder"),
          Map.entry(
              "org.metshub.curation.KbWatcher#seen",
              "what this node last saw of the shared " + "KB folder"),
          Map.entry(
              "org.metshub.ingest.FrontMatterBuilder#extra",
              "a builder's fields, for one " + "import command"),
          Map.entry(
              "org.metshub.search.SearchRequest#filters",
              "SearchRequest.Builder's filters," + " for the one request it builds"));

  /** A field given a mutable map or queue where it is declared. */
  private static final java.util.regex.Pattern DECLARED =
      java.util.regex.Pattern.compile(
          "^  (?:[ \\t]*)(?:private |protected |public |static |final |volatile )+[^=;(]*?\\b(\\w+)\\s*="
              + "\\s*(?:new (?:Concurrent\\w+|LinkedBlocking\\w+|ArrayDeque|HashMap|LinkedHashMap|"
              + "TreeMap|WeakHashMap|IdentityHashMap|EnumMap|Lru)\\b|Collections\\.synchronized)",
          java.util.regex.Pattern.MULTILINE);

  /** A field assigned one in a constructor ("this.recent = new LinkedHashMap<>(...)"). */
  private static final java.util.regex.Pattern ASSIGNED =
      java.util.regex.Pattern.compile(
          "this\\.(\\w+)\\s*=\\s*(?:new (?:Concurrent\\w+|LinkedBlocking\\w+|ArrayDeque|HashMap|"
              + "LinkedHashMap|TreeMap|WeakHashMap|IdentityHashMap|EnumMap|Lru)\\b|Collections\\"
              + ".synchronized)");

  /**
   * Every field under {@code src/main/java} that holds a mutable map or queue: given one in the
   * source (a declaration or a constructor's assignment), or a map or queue field that is not final
   * (reassigned while serving). Keys are the top-level class and the field.
   */
  static TreeSet<String> mutableStores() throws IOException {
    TreeSet<String> found = new TreeSet<>();
    Path src = Path.of("src/main/java");
    try (Stream<Path> all = Files.walk(src)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        if (!p.toString().endsWith(".java")) {
          continue;
        }
        String cls = src.relativize(p).toString().replace('/', '.').replaceAll("\\.java$", "");
        // The whole file at once: a formatter may put "=" and "new ..." on two lines.
        String text = Files.readString(p);
        for (java.util.regex.Pattern pattern : new java.util.regex.Pattern[] {DECLARED, ASSIGNED}) {
          java.util.regex.Matcher m = pattern.matcher(text);
          while (m.find()) {
            found.add(cls + "#" + m.group(1));
          }
        }
      }
    }
    Path classes = Path.of("target/classes");
    try (Stream<Path> all = Files.walk(classes)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        String name = classes.relativize(p).toString();
        if (!name.endsWith(".class") || !name.startsWith("org/metshub/")) {
          continue;
        }
        Class<?> c;
        try {
          c =
              Class.forName(
                  name.substring(0, name.length() - 6).replace('/', '.'),
                  false,
                  PerNodeStateTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
          throw new AssertionError(e);
        }
        for (Field f : c.getDeclaredFields()) {
          boolean store =
              Map.class.isAssignableFrom(f.getType()) || Queue.class.isAssignableFrom(f.getType());
          if (store && !f.isSynthetic() && !Modifier.isFinal(f.getModifiers())) {
            String top = c.getName().replaceAll("\\$.*", "");
            found.add(top + "#" + f.getName());
          }
        }
      }
    }
    return found;
  }

  @Test
  void noNodeKeepsPerClientStateInMemoryOutsideTheList() throws Exception {
    TreeSet<String> found = mutableStores();
    TreeSet<String> unlisted = new TreeSet<>(found);
    unlisted.removeAll(ALLOWED.keySet());
    assertThat(unlisted)
        .as(
            "mutable maps and queues kept in a node's memory: move per-client "
                + "state to the database, or list the field in PerNodeStateTest.ALLOWED with why it is "
                + "per node")
        .isEmpty();
    assertThat(found).as("every listed field still exists").containsAll(ALLOWED.keySet());
  }

  @Test
  void theScanFindsAStoreOfTheKindItGuardsAgainst() throws Exception {
    // The rate limits that used to be kept per node would be caught by the declaration pattern.
    assertThat(
            DECLARED
                .matcher(
                    "    private final Map<String, Deque<Instant>> events = new "
                        + "ConcurrentHashMap<>();")
                .find())
        .isTrue();
    assertThat(
            DECLARED
                .matcher(
                    "  private final Map<String, Integer> tries = "
                        + "Collections.synchronizedMap(new HashMap<>());")
                .find())
        .isTrue();
    assertThat(ASSIGNED.matcher("    this.recent = new LinkedHashMap<>(16, 0.75f, true) {").find())
        .isTrue();
    // A lookup built once into an immutable copy is not a store.
    assertThat(
            DECLARED.matcher("  private final Map<String, Integer> byId = Map.copyOf(x);").find())
        .isFalse();
  }
}
