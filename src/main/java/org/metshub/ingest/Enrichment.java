package org.metshub.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.metshub.ingest.infer.AudienceInference;
import org.metshub.ingest.infer.CancerTypeInference;
import org.metshub.ingest.infer.DocumentText;
import org.metshub.ingest.infer.SiteInference;
import org.metshub.kb.FrontMatter;
import org.metshub.kb.MarkdownSections;
import org.metshub.kb.Readability;
import org.metshub.kb.Section;
import org.metshub.kb.Slugs;
import org.metshub.kb.Term;
import org.metshub.kb.Vocabularies;
import org.metshub.text.LanguageGuess;

/**
 * Completes a draft for writing: infers what the source does not say (language, cancer types,
 * metastatic sites, audience), corrects the source's audience and cancer types where the text
 * contradicts them, measures readability, hashes the content and sets the status. Every guessed
 * field is listed in {@code inferred:}; every source value it replaced is kept in {@code
 * original:}. Thread-safe.
 */
final class Enrichment {
  /** Front-matter fields the import writes; a re-imported file's own are replaced. */
  static final List<String> IMPORT_FIELDS =
      List.of(
          "inferred",
          "original",
          "readabilityGrade",
          "readabilityFormula",
          "contentHash",
          "importedFrom",
          ImportWriter.IMPORT_HASH);

  /** Fields whose source value is kept in {@code original:} when the import changes it. */
  private static final List<String> KEPT_WHEN_CHANGED =
      List.of(
          "id",
          "title",
          "language",
          "audienceLevel",
          "cancerTypes",
          "docType",
          "license",
          "reviewFrequency",
          "status",
          "lastReviewed",
          "datePublished");

  /** A professional audience needs no correction when professional markers are found. */
  private static final Set<String> PROFESSIONAL = Set.of("clinician", "researcher");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A draft ready to write: its final front matter and body, and what changed. */
  record Prepared(
      ImportItem.Draft draft,
      FrontMatter frontMatter,
      String body,
      List<Section> sections,
      List<Correction> corrections,
      List<String> warnings,
      Readability readability,
      int normalisedTypes) {}

  private final Vocabularies vocab;
  private final ImportOptions options;
  private final String kind;
  private final CancerTypeInference types;
  private final SiteInference sites;
  private final AudienceInference audience = new AudienceInference();

  Enrichment(Vocabularies vocab, ImportOptions options, String kind) {
    this.vocab = vocab;
    this.options = options;
    this.kind = kind;
    this.types = new CancerTypeInference(vocab.cancerTypes());
    this.sites = new SiteInference(vocab.metastaticSites());
  }

  Prepared prepare(ImportItem.Draft d) {
    String path = d.relativePath();
    FrontMatterBuilder b = FrontMatterBuilder.from(d.given());
    b.id = d.id(); // the file's name, made unique by the importer
    Set<String> stated = d.stated();
    LinkedHashSet<String> inferred = new LinkedHashSet<>();
    List<String> warnings = new ArrayList<>();
    d.notes().forEach(n -> warnings.add(path + ": " + n));
    List<Correction> corrections = new ArrayList<>();
    JsonNode oldOriginal = b.extra.get("original");
    IMPORT_FIELDS.forEach(b.extra::remove);

    List<Section> sections = MarkdownSections.parse(d.body(), b.url, 1);
    if (!stated.contains("title")) {
      inferred.add("title");
    }
    DocumentText text = DocumentText.of(b.title, b.url, sections);

    // Language: the source's, else detected; a contradiction is only reported.
    String body = String.join(" ", text.bodyTokens().list());
    LanguageGuess.Evidence guess = LanguageGuess.evidence(body);
    if (b.language.isEmpty() || !stated.contains("language")) {
      b.language = LanguageGuess.of(body);
      inferred.add("language");
      if (!guess.decided()) {
        warnings.add(
            path + ": language: too few common words to tell; guessed '" + b.language + "'");
      }
    } else if (guess.decided()
        && guess.confidence() >= 0.8
        && !b.language.split("-")[0].equals(guess.language("en"))) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%s: language: the source says '%s' but the text"
                  + " reads as '%s' (%.0f%% of function words); kept '%s'",
              path,
              b.language,
              guess.language("en"),
              100 * guess.confidence(),
              b.language));
    }
    Readability readability = Readability.of(sections, b.language);

    defaults(b, stated, inferred);
    int normalised = cancerTypes(d, b, text, inferred, corrections, path);
    if (b.metastaticSites.isEmpty() || !stated.contains("metastaticSites")) {
      List<String> found = sites.infer(text);
      if (!found.isEmpty()) {
        b.metastaticSites = new ArrayList<>(found);
        inferred.add("metastaticSites");
      }
    }
    List<String> headings = sections.stream().map(Section::heading).toList();
    audience(d, b, text, readability, headings, inferred, corrections, warnings, path);
    b.status = d.type() == ImportItem.Type.CANDIDATE ? "draft" : options.status();

    ObjectNode original = original(d, b.build(), oldOriginal);
    if (!inferred.isEmpty()) {
      ArrayNode arr = NODES.arrayNode();
      FrontMatter.KNOWN_FIELDS.stream().filter(inferred::contains).forEach(arr::add);
      b.extra.put("inferred", arr);
    }
    if (!original.isEmpty()) {
      b.extra.put("original", original);
    }
    b.extra.put("readabilityGrade", NODES.numberNode(readability.grade()));
    b.extra.put("readabilityFormula", NODES.textNode(readability.formula()));
    b.extra.put("contentHash", NODES.textNode(contentHash(b.title, d.body())));
    b.extra.put("importedFrom", NODES.textNode(kind + ":" + shortOrigin(d)));
    corrections.forEach(c -> warnings.add(c.format()));
    return new Prepared(
        d, b.build(), d.body(), sections, corrections, warnings, readability, normalised);
  }

  /** Document type, licence and review cycle: readers set defaults; unstated ones are guesses. */
  private static void defaults(FrontMatterBuilder b, Set<String> stated, Set<String> inferred) {
    if (b.docType.isEmpty()) {
      b.docType = "article";
    }
    if (b.license.isEmpty()) {
      b.license = StatedFields.SAFE_LICENSE;
    }
    if (b.reviewFrequency.isEmpty()) {
      b.reviewFrequency = "annual";
    }
    for (String f : List.of("docType", "license", "reviewFrequency")) {
      if (!stated.contains(f)) {
        inferred.add(f);
      }
    }
  }

  /** Infers or corrects cancer types; returns how many source values were synonyms. */
  private int cancerTypes(
      ImportItem.Draft d,
      FrontMatterBuilder b,
      DocumentText text,
      Set<String> inferred,
      List<Correction> corrections,
      String path) {
    CancerTypeInference.Result result = types.infer(text);
    List<String> given = List.copyOf(b.cancerTypes);
    if (!d.stated().contains("cancerTypes") || given.isEmpty()) {
      b.cancerTypes = new ArrayList<>(mentioned(result.types(), text));
      inferred.add("cancerTypes");
      return 0;
    }
    List<String> known = new ArrayList<>();
    List<String> moved = new ArrayList<>();
    for (String v : given) {
      if (vocab.cancerTypes().byId(v).isPresent()) {
        known.add(v);
      } else {
        moved.add(v);
        String tag = Slugs.of(v);
        if (!b.tags.contains(tag)) {
          b.tags.add(tag);
        }
      }
    }
    CancerTypeInference.Reconciled rec = types.reconcile(known, result);
    List<String> after = rec.types();
    List<CancerTypeInference.Change> changes = new ArrayList<>(rec.changes());
    List<String> checked = mentioned(after, text);
    if (!checked.equals(after)) {
      for (String id : after) {
        if (!checked.contains(id)) {
          changes.add(
              new CancerTypeInference.Change(
                  id, false, "none of its vocabulary words is in the text"));
        }
      }
      if (checked.equals(List.of(CancerTypeInference.GENERAL))) {
        checked = mentioned(result.types(), text);
        for (String id : checked) {
          if (!after.contains(id)) {
            changes.add(
                new CancerTypeInference.Change(
                    id,
                    true,
                    id.equals(CancerTypeInference.GENERAL)
                        ? "no listed type is named in the text"
                        : result.of(id).describe()));
          }
        }
      }
      after = checked;
    }
    if (!moved.isEmpty() || !after.equals(known)) {
      List<String> reasons = new ArrayList<>();
      moved.forEach(v -> reasons.add("moved " + v + " to tags: not a cancer type"));
      int dropped = 0;
      int added = 0;
      for (CancerTypeInference.Change c : changes) {
        reasons.add((c.added() ? "added " : "dropped ") + c.value() + ": " + c.reason());
        if (c.added()) {
          added++;
        } else {
          dropped++;
        }
      }
      corrections.add(
          Correction.cancerTypes(
              path, given, after, String.join("; ", reasons), dropped, added, moved.size()));
      inferred.add("cancerTypes");
    }
    b.cancerTypes = new ArrayList<>(after);
    return synonyms(d.raw().get("cancerTypes"));
  }

  /**
   * The types the text mentions by the vocabulary's own rule (the validator's "listed but never
   * mentioned" check), so that the import never writes what validation would flag; {@code general}
   * when none is left.
   */
  private List<String> mentioned(List<String> ids, DocumentText text) {
    String all = text.title() + "\n" + text.headings() + "\n" + text.body();
    List<String> out = new ArrayList<>();
    for (String id : ids) {
      Term t = vocab.cancerTypes().byId(id).orElseThrow();
      if (!vocab.cancerTypes().hasMentionWords(t) || vocab.cancerTypes().mentions(t, all)) {
        out.add(id);
      }
    }
    return out.isEmpty() ? List.of(CancerTypeInference.GENERAL) : out;
  }

  /** How many raw cancer-type values were written as synonyms rather than ids. */
  private int synonyms(@Nullable JsonNode raw) {
    int n = 0;
    for (String v : texts(raw)) {
      var t = vocab.cancerTypes().resolve(v);
      if (t.isPresent() && !t.get().id().equals(v)) {
        n++;
      }
    }
    return n;
  }

  private void audience(
      ImportItem.Draft d,
      FrontMatterBuilder b,
      DocumentText text,
      Readability readability,
      List<String> headings,
      Set<String> inferred,
      List<Correction> corrections,
      List<String> warnings,
      String path) {
    AudienceInference.Result r = audience.infer(text, readability, fileName(d), b.url, headings);
    String given = b.audienceLevel;
    boolean valid = vocab.audienceLevels().byId(given).isPresent();
    if (d.stated().contains("audienceLevel") && valid) {
      boolean professional = PROFESSIONAL.contains(given);
      if (r.marked() && r.audience().equals(AudienceInference.CLINICIAN) && !professional) {
        b.audienceLevel = AudienceInference.CLINICIAN;
      } else if (r.marked() && r.audience().equals(AudienceInference.PATIENT) && professional) {
        b.audienceLevel = AudienceInference.PATIENT;
      }
      if (!b.audienceLevel.equals(given)) {
        corrections.add(Correction.audience(path, given, b.audienceLevel, r.reason()));
        inferred.add("audienceLevel");
      }
      return;
    }
    if (d.stated().contains("audienceLevel") && !given.isEmpty()) {
      warnings.add(
          path
              + ": audienceLevel: '"
              + given
              + "' is not in the vocabulary; inferred '"
              + r.audience()
              + "' ("
              + r.reason()
              + ")");
    }
    b.audienceLevel = r.audience();
    inferred.add("audienceLevel");
  }

  /** The source values the import replaced, by field; a re-import keeps the first originals. */
  private ObjectNode original(ImportItem.Draft d, FrontMatter now, @Nullable JsonNode oldOriginal) {
    ObjectNode o = NODES.objectNode();
    for (String f : KEPT_WHEN_CHANGED) {
      JsonNode raw = d.raw().get(f);
      if (raw != null && !sameValue(f, raw, now)) {
        o.set(f, raw);
      }
    }
    if (oldOriginal != null && oldOriginal.isObject()) {
      oldOriginal.properties().forEach(e -> o.set(e.getKey(), e.getValue()));
    }
    return o;
  }

  private boolean sameValue(String field, JsonNode raw, FrontMatter fm) {
    return switch (field) {
      case "cancerTypes" -> Set.copyOf(resolved(texts(raw))).equals(Set.copyOf(fm.cancerTypes()));
      case "audienceLevel" ->
          resolvedOne(vocab.audienceLevels().resolve(raw.asText("")), raw)
              .equals(fm.audienceLevel());
      case "docType" ->
          resolvedOne(vocab.docTypes().resolve(raw.asText("")), raw).equals(fm.docType());
      case "license" ->
          resolvedOne(vocab.licenses().resolve(raw.asText("")), raw).equals(fm.license());
      case "reviewFrequency" ->
          resolvedOne(vocab.reviewFrequencies().resolve(raw.asText("")), raw)
              .equals(fm.reviewFrequency());
      case "status" ->
          resolvedOne(vocab.statuses().resolve(raw.asText("")), raw).equals(fm.status());
      case "language" -> raw.asText("").strip().toLowerCase(Locale.ROOT).equals(fm.language());
      case "lastReviewed" ->
          datePrefix(raw).equals(fm.lastReviewed().map(Object::toString).orElse(""));
      case "datePublished" ->
          datePrefix(raw).equals(fm.datePublished().map(Object::toString).orElse(""));
      case "id" -> raw.asText("").strip().equals(fm.id());
      case "title" -> raw.asText("").strip().equals(fm.title());
      default -> true;
    };
  }

  private static String resolvedOne(java.util.Optional<Term> t, JsonNode raw) {
    return t.map(Term::id).orElse(raw.asText("").strip());
  }

  private static String datePrefix(JsonNode raw) {
    String s = raw.asText("").strip();
    return s.length() >= 10 ? s.substring(0, 10) : s;
  }

  private List<String> resolved(List<String> values) {
    return values.stream()
        .map(v -> vocab.cancerTypes().resolve(v).map(Term::id).orElse(v))
        .toList();
  }

  /** A raw list value as strings: a list, or a scalar (comma-separated) as the binder reads it. */
  private static List<String> texts(@Nullable JsonNode raw) {
    List<String> out = new ArrayList<>();
    if (raw == null || raw.isNull()) {
      return out;
    }
    if (raw.isArray()) {
      raw.forEach(
          x -> {
            if (x.isValueNode() && !x.asText().isBlank()) {
              out.add(x.asText().strip());
            }
          });
    } else if (raw.isValueNode()) {
      for (String p : raw.asText().split(",")) {
        if (!p.isBlank()) {
          out.add(p.strip());
        }
      }
    }
    return out;
  }

  static String contentHash(String title, String body) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] h = md.digest((title + "\n" + body).getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(h);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The source file name of a draft, for the "-hp-" marker. */
  private static String fileName(ImportItem.Draft d) {
    String p = sourcePath(d.origin());
    int slash = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
    return p.substring(slash + 1);
  }

  private static String sourcePath(String origin) {
    int cut = origin.length();
    for (String sep : List.of(" #", " → ", " + ")) {
      int i = origin.indexOf(sep);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    return origin.substring(0, cut);
  }

  /** Where a draft came from, without the machine's folders: {@code cancer-types/x.md}. */
  private static String shortOrigin(ImportItem.Draft d) {
    String name = fileName(d);
    // No item number: an item's place on its page changes when the page gains items.
    boolean kbFolder = d.type() == ImportItem.Type.DOCUMENT && !d.dir().isEmpty();
    return (kbFolder ? d.dir() + "/" : "") + name;
  }
}
