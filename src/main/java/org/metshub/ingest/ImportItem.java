package org.metshub.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.metshub.kb.FrontMatter;

/**
 * One item a source yields: a draft document to enrich and write, or a rejection with its reason.
 * Every item read is one or the other, so nothing is skipped silently.
 */
sealed interface ImportItem permits ImportItem.Draft, ImportItem.Rejected {
  /** Where the item comes from: a file, or a file and the item within it. */
  String origin();

  /** What an item is, for the report's counts. */
  enum Type {
    DOCUMENT("documents"),
    NEWS_ITEM("news items"),
    CANDIDATE("candidate entries");

    private final String plural;

    Type(String plural) {
      this.plural = plural;
    }

    String plural() {
      return plural;
    }
  }

  /**
   * A document read from a source, before inference.
   *
   * @param origin where it comes from
   * @param type what it is
   * @param dir the output folder, relative to the import's output ("" for the top)
   * @param id the document id, which names its file
   * @param given the front matter the source gives (empty fields where it gives nothing)
   * @param stated the fields the source (or the command) states; any other field set later is
   *     inferred
   * @param raw the source's own values by field, as written, kept as {@code original:} when a value
   *     is corrected
   * @param body the Markdown body
   * @param notes what the reader changed or doubted, for the report's warnings
   */
  record Draft(
      String origin,
      Type type,
      String dir,
      String id,
      FrontMatter given,
      Set<String> stated,
      Map<String, JsonNode> raw,
      String body,
      List<String> notes)
      implements ImportItem {
    public Draft {
      Objects.requireNonNull(origin, "origin");
      stated = Set.copyOf(stated);
      raw = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(raw));
      notes = List.copyOf(notes);
    }

    /** The output file, relative to the import's output folder. */
    String relativePath() {
      return dir.isEmpty() ? id + ".md" : dir + "/" + id + ".md";
    }

    Draft withId(String newId) {
      return new Draft(origin, type, dir, newId, given, stated, raw, body, notes);
    }
  }

  /** An item that cannot be imported, and why. */
  record Rejected(String origin, String reason) implements ImportItem {
    public Rejected {
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
