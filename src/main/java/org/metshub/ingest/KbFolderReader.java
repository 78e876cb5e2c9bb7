package org.metshub.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.NotFound;
import org.metshub.json.Json;
import org.metshub.kb.FrontMatter;
import org.metshub.kb.FrontMatterBinder;
import org.metshub.kb.FrontMatterException;
import org.metshub.kb.FrontMatterReader;
import org.metshub.kb.KbReader;
import org.metshub.kb.Problem;
import org.metshub.kb.RawFrontMatter;
import org.metshub.kb.SafeFiles;
import org.metshub.kb.Severity;
import org.metshub.kb.Vocabularies;

/**
 * Reads another KB folder (Markdown with YAML front matter, the format of the NCI corpus), with or
 * without a {@code manifest.json} of metadata, keeping each file's folder. Values are normalised to
 * the vocabularies by the shared binder; what is certain is fixed (CRLF, quoting, an id that is not
 * a slug, {@code published_at} for {@code datePublished}, an empty title taken from the first
 * heading or the URL); what cannot be understood is dropped with a note, and its source value kept
 * in {@code original:}; a file that cannot be read at all, or whose {@code url} is not a URL, is
 * rejected.
 *
 * <p>{@code manifest.json}, at the folder's top, gives fields for files that lack them: either
 * {@code {"defaults": {...}, "files": {"sub/file.md": {...}}}}, or a list of objects each with a
 * {@code path}. The file's own value wins when both give one. A listed file that does not exist is
 * rejected. Thread-safe.
 */
final class KbFolderReader implements SourceReader {
  static final String MANIFEST = "manifest.json";

  /** Names other KBs use for the publication date. */
  private static final List<String> PUBLISHED_ALIASES =
      List.of("published_at", "publishedAt", "date_published", "published");

  private final FrontMatterReader reader = new FrontMatterReader();
  private final FrontMatterBinder binder;

  private final boolean followLinks;

  KbFolderReader(Vocabularies vocab, boolean followLinks) {
    this.binder = new FrontMatterBinder(vocab);
    this.followLinks = followLinks;
  }

  @Override
  public boolean accepts(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md");
  }

  /** The metadata a manifest gives: defaults for every file, and fields per relative path. */
  private record Manifest(
      Map<String, JsonNode> defaults, Map<String, Map<String, JsonNode>> files) {
    static final Manifest NONE = new Manifest(Map.of(), Map.of());
  }

  @Override
  public List<ImportItem> read(Path source) {
    Path root =
        Files.isDirectory(source)
            ? source
            : Objects.requireNonNull(source.toAbsolutePath().getParent());
    SafeFiles.Listing listing;
    try {
      listing = KbReader.markdownFiles(List.of(source), followLinks);
    } catch (BadInput | NotFound e) {
      return List.of(new ImportItem.Rejected(source.toString(), e.getMessage()));
    }
    List<Path> files = listing.files();
    List<ImportItem> items = new ArrayList<>();
    for (SafeFiles.Skipped s : listing.skipped()) {
      items.add(new ImportItem.Rejected(s.path().toString(), s.describe()));
    }
    Manifest manifest = Manifest.NONE;
    Path manifestFile = root.resolve(MANIFEST);
    if (Files.exists(manifestFile, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Optional<String> refused = SafeFiles.refusal(manifestFile, root, followLinks);
      if (refused.isPresent()) {
        items.add(
            new ImportItem.Rejected(
                manifestFile.toString(),
                new SafeFiles.Skipped(manifestFile, refused.get()).describe()));
      } else {
        try {
          manifest = manifest(manifestFile);
        } catch (BadInput e) {
          items.add(new ImportItem.Rejected(manifestFile.toString(), e.getMessage()));
        }
      }
    }
    Set<String> seen = new HashSet<>();
    Manifest m = manifest;
    for (Path f : files) {
      seen.add(relative(root, f));
    }
    // Reading is independent per file; the list keeps the files' sorted order.
    items.addAll(
        files.parallelStream()
            .map(
                f -> {
                  String rel = relative(root, f);
                  return readFile(
                      f, folderOf(rel), m.files().getOrDefault(rel, Map.of()), m.defaults());
                })
            .toList());
    if (Files.isDirectory(source)) {
      for (String listed : manifest.files().keySet()) {
        if (!seen.contains(listed)) {
          items.add(
              new ImportItem.Rejected(
                  manifestFile + ": " + listed,
                  "listed in " + MANIFEST + " but there is no such file in " + source));
        }
      }
    }
    return items;
  }

  private static String relative(Path root, Path file) {
    return root.toAbsolutePath().relativize(file.toAbsolutePath()).toString().replace('\\', '/');
  }

  private static String folderOf(String rel) {
    int slash = rel.lastIndexOf('/');
    return slash < 0 ? "" : rel.substring(0, slash);
  }

  private ImportItem readFile(
      Path file, String dir, Map<String, JsonNode> listed, Map<String, JsonNode> defaults) {
    String origin = file.toString();
    RawFrontMatter raw;
    try {
      raw = reader.read(SourceFile.read(file));
    } catch (FrontMatterException e) {
      return new ImportItem.Rejected(origin, e.toProblem(origin).format());
    } catch (BadInput e) {
      return new ImportItem.Rejected(origin, e.getMessage());
    }
    List<String> notes = new ArrayList<>();
    Map<String, JsonNode> fields = new LinkedHashMap<>(raw.fields());
    for (Map<String, JsonNode> extra : List.of(listed, defaults)) {
      extra.forEach(
          (k, v) -> {
            if (!fields.containsKey(k)) {
              fields.put(k, v);
            } else if (!fields.get(k).equals(v) && extra == listed) {
              notes.add(
                  MANIFEST
                      + " gives "
                      + k
                      + " "
                      + v
                      + ", the file "
                      + fields.get(k)
                      + "; kept the file's");
            }
          });
    }
    for (String alias : PUBLISHED_ALIASES) {
      if (fields.containsKey(alias) && !fields.containsKey("datePublished")) {
        fields.put("datePublished", fields.remove(alias));
        notes.add(alias + " read as datePublished");
      }
    }
    RawFrontMatter merged = new RawFrontMatter(fields, raw.lines(), raw.body(), raw.bodyLine());
    String stem = SourceFile.stem(file);
    FrontMatterBinder.Bound bound = binder.bind(origin, stem, merged);
    FrontMatterBuilder b = FrontMatterBuilder.from(bound.frontMatter());
    Set<String> stated = new LinkedHashSet<>(fields.keySet());
    for (Problem p : bound.problems()) {
      if (p.severity() != Severity.ERROR) {
        continue;
      }
      Optional<String> rejection = fix(p, b, stated, notes, raw.body(), stem);
      if (rejection.isPresent()) {
        return new ImportItem.Rejected(origin, rejection.get());
      }
    }
    b.extra.keySet().removeAll(PUBLISHED_ALIASES);
    if (raw.body().chars().filter(c -> c == '\uFFFD').count() > 10) {
      notes.add("the body looks like binary content decoded as text (replacement characters)");
    }
    FrontMatter fm = b.build();
    return new ImportItem.Draft(
        origin, ImportItem.Type.DOCUMENT, dir, fm.id(), fm, stated, fields, raw.body(), notes);
  }

  /**
   * Fixes a binding error where the fix is certain or the field can be inferred; returns the reason
   * to reject the file otherwise.
   */
  private static Optional<String> fix(
      Problem p,
      FrontMatterBuilder b,
      Set<String> stated,
      List<String> notes,
      String body,
      String stem) {
    switch (p.field()) {
      case "title" -> {
        b.title = titleFromBody(body).orElseGet(() -> titleFromUrl(b.url, stem));
        stated.remove("title");
        notes.add(
            "title is empty; '"
                + b.title
                + "' taken from "
                + (titleFromBody(body).isPresent() ? "the first heading" : "the URL"));
      }
      case "id" -> {
        String slug = FrontMatterBinder.slug(b.id);
        notes.add("id '" + b.id + "' is not a slug; written as '" + slug + "'");
        b.id = slug;
      }
      case "language" -> {
        b.language = "";
        stated.remove("language");
        notes.add("language '" + p.value() + "' is not a language tag; detected from the text");
      }
      case "status" -> b.status = ""; // the import sets the status anyway
      case "reviewFrequency", "docType", "license" -> {
        notes.add(
            p.field()
                + " '"
                + p.value()
                + "' is not in the vocabulary; "
                + (p.field().equals("license") ? "cite and link only (link_only)" : "a default")
                + " is used until a curator decides");
        stated.remove(p.field());
        switch (p.field()) {
          case "reviewFrequency" -> b.reviewFrequency = "";
          case "docType" -> b.docType = "";
          default -> b.license = "";
        }
      }
      case "lastReviewed", "datePublished" ->
          notes.add(p.field() + " '" + p.value() + "' is not a date; left out");
      case "countries" -> {
        b.countries.removeIf(c -> !c.matches("^([A-Z]{2}|INT)$"));
        notes.add("country '" + p.value() + "' is not an ISO code; left out");
      }
      default -> {
        return Optional.of(p.format());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> titleFromBody(String body) {
    for (String line : body.split("\n")) {
      String s = line.strip();
      if (s.matches("^#{1,6}\\s+\\S.*")) {
        return Optional.of(s.replaceFirst("^#{1,6}\\s+", "").strip());
      }
    }
    return Optional.empty();
  }

  /** "…/coping-with-advance-cancer.mobi" gives "Coping with advance cancer". */
  static String titleFromUrl(String url, String stem) {
    String s = url.replaceAll("[?#].*$", "").replaceAll("/+$", "");
    s = s.isEmpty() ? stem : s.substring(s.lastIndexOf('/') + 1);
    int dot = s.lastIndexOf('.');
    if (dot > 0) {
      s = s.substring(0, dot);
    }
    s = s.replace('-', ' ').replace('_', ' ').strip();
    if (s.isEmpty()) {
      s = stem;
    }
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static Manifest manifest(Path file) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(SafeFiles.read(file, KbReader.MAX_FILE_BYTES));
    } catch (SafeFiles.Refused e) {
      throw new BadInput(file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new BadInput(
          file
              + ": is not valid JSON: "
              + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
          e);
    }
    Map<String, JsonNode> defaults = new LinkedHashMap<>();
    Map<String, Map<String, JsonNode>> files = new LinkedHashMap<>();
    JsonNode list = root;
    if (root != null && root.isObject()) {
      if (root.has("defaults")) {
        if (!root.get("defaults").isObject()) {
          throw new BadInput(file + ": 'defaults' must be an object of fields");
        }
        root.get("defaults").properties().forEach(e -> defaults.put(e.getKey(), e.getValue()));
      }
      list = root.path("files");
    }
    if (list.isObject()) {
      list.properties().forEach(e -> files.put(e.getKey(), fieldsOf(file, e.getValue())));
    } else if (list.isArray()) {
      for (JsonNode entry : list) {
        String path = entry.path("path").asText(entry.path("file").asText(""));
        if (path.isEmpty()) {
          throw new BadInput(file + ": every entry needs a 'path', got " + entry);
        }
        Map<String, JsonNode> f = fieldsOf(file, entry);
        f.remove("path");
        f.remove("file");
        files.put(path, f);
      }
    } else if (!list.isMissingNode()) {
      throw new BadInput(file + ": 'files' must be an object or a list, got " + list);
    }
    return new Manifest(defaults, files);
  }

  private static Map<String, JsonNode> fieldsOf(Path file, JsonNode entry) {
    if (!entry.isObject()) {
      throw new BadInput(file + ": a file's metadata must be an object, got " + entry);
    }
    Map<String, JsonNode> m = new LinkedHashMap<>();
    entry.properties().forEach(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }
}
