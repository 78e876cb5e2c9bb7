package org.metshub.search;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metshub.kb.FrontMatterWriter;
import org.metshub.kb.KbDocument;
import org.metshub.kb.KbFile;
import org.metshub.kb.KbReader;
import org.metshub.kb.Problem;
import org.metshub.kb.Severity;
import org.metshub.kb.Validator;

/**
 * Reads a KB folder, validates it, and brings a {@link SearchIndex} in line with it. Files with
 * errors are not indexed (they are listed in the result, each with its first error); all statuses
 * are indexed so that curators can search drafts, and public searches filter on {@code status:
 * active}.
 */
public final class KbIndexer {
  /** Writes front matter the one canonical way, for {@link #hash}. Thread-safe. */
  private static final FrontMatterWriter CANONICAL = new FrontMatterWriter();

  private final KbReader reader;
  private final Validator validator;

  public KbIndexer(KbReader reader, Validator validator) {
    this.reader = reader;
    this.validator = validator;
  }

  /** Indexes every Markdown file under {@code kbDir}. */
  public IndexUpdate index(SearchIndex index, Path kbDir) {
    return index(index, validator.validate(reader.readAll(List.of(kbDir))));
  }

  /** Indexes already-read files. */
  public static IndexUpdate index(SearchIndex index, List<KbFile> files) {
    return index.sync(documents(files), skipped(files));
  }

  /** The documents {@link #index} puts in the index, by id, each with its hash. */
  public static Map<String, SearchIndex.Hashed> documents(List<KbFile> files) {
    Map<String, SearchIndex.Hashed> docs = new LinkedHashMap<>();
    for (KbDocument d : indexable(files, new ArrayList<>())) {
      // Not the review state: it is worked out at query time, so a document falling due
      // changes nothing in the index.
      docs.put(d.id(), new SearchIndex.Hashed(d, hash(d)));
    }
    return docs;
  }

  /** The files {@link #index} leaves out, in file order, each with its first error. */
  public static List<IndexUpdate.Skipped> skipped(List<KbFile> files) {
    List<IndexUpdate.Skipped> out = new ArrayList<>();
    indexable(files, out);
    return out;
  }

  /** The documents indexed: valid, and the first of each id; the others go to skipped. */
  private static List<KbDocument> indexable(List<KbFile> files, List<IndexUpdate.Skipped> skipped) {
    List<KbDocument> out = new ArrayList<>();
    Map<String, String> ids = new LinkedHashMap<>();
    for (KbFile f : files) {
      if (f instanceof KbDocument d && !d.hasErrors() && !ids.containsKey(d.id())) {
        ids.put(d.id(), d.path());
        out.add(d);
      } else {
        skipped.add(new IndexUpdate.Skipped(f.path(), firstError(f, ids)));
      }
    }
    return out;
  }

  private static String firstError(KbFile f, Map<String, String> ids) {
    for (Problem p : f.problems()) {
      if (p.severity() == Severity.ERROR) {
        return p.line() + ": " + p.field() + ": " + p.message();
      }
    }
    // Valid on its own, but its id was indexed from an earlier file.
    String id = f instanceof KbDocument d ? d.id() : "";
    return "1: id: must be unique; already used by "
        + ids.getOrDefault(id, "another file")
        + ", got '"
        + id
        + "'";
  }

  /**
   * A hash of everything indexed from a document: its front matter, as {@link FrontMatterWriter}
   * writes it (known fields in canonical order and layout, so that re-ordering keys or re-quoting
   * values in the file changes nothing), and its body. Not its path: the same KB read from another
   * folder (or as {@code ./kb} rather than {@code kb}) must not re-write every passage (it did: 23
   * s on the NCI corpus). A document's key in the index is its id.
   */
  public static String hash(KbDocument d) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(CANONICAL.write(d.frontMatter(), "").getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(d.body().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
