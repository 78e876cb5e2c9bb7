package org.metshub.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.NotFound;
import org.metshub.kb.FrontMatter;
import org.metshub.kb.KbDocument;
import org.metshub.kb.KbFile;

/**
 * The documents the public may see ({@code status: active}, no errors), by id, with the lists the
 * pages browse: news by date, documents by cancer type or site, related documents. Immutable and
 * thread-safe.
 */
public final class PublicDocuments {
  /** What a document id looks like; anything else is refused before any lookup. */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

  private final Map<String, KbDocument> byId;

  /** Translations by document id, both ways: a link named on either side counts for both. */
  private final Map<String, Map<String, String>> translations;

  private final Map<String, Glossary> glossaries;

  /**
   * Document bodies as HTML, rendered on first view: the rendering (Markdown, cleaning, glossary
   * links) depends only on this snapshot's documents, and a KB change makes a new snapshot.
   */
  private final Map<String, String> bodies = new ConcurrentHashMap<>();

  PublicDocuments(List<KbFile> files) {
    Map<String, KbDocument> m = new LinkedHashMap<>();
    for (KbFile f : files) {
      if (f instanceof KbDocument d && !d.hasErrors() && d.frontMatter().isPublic()) {
        m.putIfAbsent(d.id(), d);
      }
    }
    this.byId = java.util.Collections.unmodifiableMap(m);
    Map<String, Map<String, String>> links = new LinkedHashMap<>();
    for (KbDocument d : byId.values()) {
      d.frontMatter()
          .extra("translations")
          .ifPresent(
              node ->
                  node.properties()
                      .forEach(
                          e -> {
                            KbDocument target = byId.get(e.getValue().asText());
                            if (target != null && !target.id().equals(d.id())) {
                              links
                                  .computeIfAbsent(d.id(), k -> new LinkedHashMap<>())
                                  .putIfAbsent(e.getKey(), target.id());
                              links
                                  .computeIfAbsent(target.id(), k -> new LinkedHashMap<>())
                                  .putIfAbsent(d.frontMatter().language(), d.id());
                            }
                          }));
    }
    this.translations = links;
    Map<String, Glossary> g = new LinkedHashMap<>();
    for (KbDocument d : byId.values()) {
      if ("glossary".equals(d.frontMatter().docType())) {
        g.putIfAbsent(d.frontMatter().language(), Glossary.of(d));
      }
    }
    this.glossaries = g;
  }

  /**
   * The body of one of these documents as HTML, rendered by {@code render} on its first view and
   * kept while this snapshot serves.
   */
  String body(KbDocument d, java.util.function.Function<KbDocument, String> render) {
    return bodies.computeIfAbsent(d.id(), id -> render.apply(d));
  }

  /** The glossary of a language, when the KB has one. */
  Optional<Glossary> glossary(String lang) {
    return Optional.ofNullable(glossaries.get(lang));
  }

  /**
   * The documents a reader of {@code lang} sees in a list: those in their language, and those in
   * another language that have no translation into theirs (shown marked with their language). A
   * story is never listed twice.
   */
  List<KbDocument> forReader(List<KbDocument> docs, String lang) {
    return docs.stream()
        .filter(d -> d.frontMatter().language().equals(lang) || !translations(d).containsKey(lang))
        .toList();
  }

  /** What a page is for a reader, the groups of the cancer-type and site pages. */
  enum Kind {
    LEARN,
    LIVING,
    RESEARCH,
    NEWS
  }

  /**
   * The kind of a document: news and events by type; otherwise by the KB folder it lives in ({@code
   * living/} and {@code side-effects/} are about living with cancer, {@code research/} about
   * research), a translation taking the kind of the page it translates.
   */
  Kind kind(KbDocument d) {
    String type = d.frontMatter().docType();
    if (type.equals("news") || type.equals("event")) {
      return Kind.NEWS;
    }
    String folder = folder(d);
    if (folder.equals("es")) {
      String en = translations(d).get("en");
      KbDocument original = en == null ? null : byId.get(en);
      if (original != null && !folder(original).equals("es")) {
        return kind(original);
      }
    }
    if (folder.equals("living") || folder.equals("side-effects")) {
      return Kind.LIVING;
    }
    String audience = d.frontMatter().audienceLevel();
    if (folder.equals("research")
        || audience.equals("researcher")
        || audience.equals("clinician")) {
      return Kind.RESEARCH;
    }
    return Kind.LEARN;
  }

  /** The name of the folder a document's file is in ("living" for kb/living/x.md). */
  private static String folder(KbDocument d) {
    String path = d.path().replace('\\', '/');
    int end = path.lastIndexOf('/');
    return end < 0 ? "" : path.substring(path.lastIndexOf('/', end - 1) + 1, end);
  }

  /**
   * The main page of a cancer type or site in {@code lang}: an article for patients (or everyone)
   * about that one type or site and nothing narrower, the shortest title first.
   */
  Optional<KbDocument> mainPage(
      List<KbDocument> docs, String lang, java.util.function.Predicate<FrontMatter> aboutOnlyThat) {
    return docs.stream()
        .filter(d -> d.frontMatter().language().equals(lang))
        .filter(d -> "article".equals(d.frontMatter().docType()))
        .filter(d -> List.of("patient", "general").contains(d.frontMatter().audienceLevel()))
        .filter(d -> aboutOnlyThat.test(d.frontMatter()))
        .min(
            Comparator.comparingInt((KbDocument d) -> d.frontMatter().title().length())
                .thenComparing(KbDocument::id));
  }

  /** The document with this id; 400 for an id that cannot be one, 404 for an unknown one. */
  KbDocument get(String id) {
    if (!ID.matcher(id).matches() || id.contains("..")) {
      throw new BadInput(
          "a document id is letters, digits, '.', '_' and '-' "
              + "(at most 200), got '"
              + Text.clip(id, 60)
              + "'");
    }
    KbDocument d = byId.get(id);
    if (d == null) {
      throw new NotFound("there is no document with id '" + id + "'");
    }
    return d;
  }

  Optional<KbDocument> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  List<KbDocument> all() {
    return List.copyOf(byId.values());
  }

  int size() {
    return byId.size();
  }

  /** News documents, newest first, optionally only those about a cancer type. */
  List<KbDocument> news(Optional<String> cancerType) {
    return byId.values().stream()
        .filter(d -> "news".equals(d.frontMatter().docType()))
        .filter(d -> cancerType.map(c -> d.frontMatter().cancerTypes().contains(c)).orElse(true))
        .sorted(
            Comparator.comparing(PublicDocuments::published)
                .reversed()
                .thenComparing(KbDocument::id))
        .toList();
  }

  static LocalDate published(KbDocument d) {
    FrontMatter fm = d.frontMatter();
    return fm.datePublished().or(fm::lastReviewed).orElse(LocalDate.EPOCH);
  }

  /** Readable documents (not organisations) about a cancer type, by title. */
  List<KbDocument> aboutCancerType(String id) {
    return readable().filter(d -> d.frontMatter().cancerTypes().contains(id)).toList();
  }

  /** Readable documents (not organisations) about a metastatic site, by title. */
  List<KbDocument> aboutSite(String id) {
    return readable().filter(d -> d.frontMatter().metastaticSites().contains(id)).toList();
  }

  private java.util.stream.Stream<KbDocument> readable() {
    return byId.values().stream()
        .filter(d -> !"organization".equals(d.frontMatter().docType()))
        .sorted(Comparator.comparing(d -> d.frontMatter().title()));
  }

  /** Up to {@code max} documents sharing most cancer types and sites with {@code doc}. */
  List<KbDocument> related(KbDocument doc, int max) {
    FrontMatter fm = doc.frontMatter();
    List<KbDocument> out =
        new ArrayList<>(
            readable()
                .filter(d -> !d.id().equals(doc.id()))
                .filter(d -> d.frontMatter().language().equals(fm.language()))
                .filter(d -> overlap(d.frontMatter(), fm) > 0)
                .sorted(Comparator.comparingInt((KbDocument d) -> -overlap(d.frontMatter(), fm)))
                .toList());
    return out.subList(0, Math.min(max, out.size()));
  }

  private static int overlap(FrontMatter a, FrontMatter b) {
    int n = 0;
    for (String c : a.cancerTypes()) {
      // "metastatic cancer" is on almost every page: it says nothing about relatedness.
      if (b.cancerTypes().contains(c) && !c.equals("metastatic cancer")) {
        n += 2;
      }
    }
    for (String s : a.metastaticSites()) {
      if (b.metastaticSites().contains(s)) {
        n += 3;
      }
    }
    return n;
  }

  /**
   * The translations of a document that exist, by language: those its front matter names ({@code
   * translations: {es: id}}) and those whose front matter names it.
   */
  Map<String, String> translations(KbDocument d) {
    return java.util.Collections.unmodifiableMap(translations.getOrDefault(d.id(), Map.of()));
  }
}
