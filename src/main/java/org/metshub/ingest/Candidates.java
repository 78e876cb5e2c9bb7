package org.metshub.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Candidate directory entries: the organisations and resources a page mentions, written as drafts
 * under {@code candidates/} for a curator to check. They are never published by the import ({@code
 * status: draft} whatever the command says) and carry {@code candidate: true} and {@code
 * mentionedIn} (the ids of the pages that mention them). The same name mentioned by several pages
 * of one import becomes one entry.
 */
final class Candidates {
  static final String DIR = "candidates";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Candidates() {}

  /** The draft entry for a name a page mentions. */
  static ImportItem.Draft draft(
      String origin, String id, ResourceMentions.Mention m, String pageId, String pageTitle) {
    FrontMatterBuilder fm = new FrontMatterBuilder();
    fm.id = id;
    fm.title = m.name();
    fm.docType = m.organisation() ? "organization" : "resource";
    fm.summary = "Mentioned on the page '" + pageTitle + "'.";
    fm.license = StatedFields.SAFE_LICENSE;
    fm.reviewFrequency = "annual";
    if (!m.acronym().isEmpty()) {
      fm.tags.add(m.acronym().toLowerCase(java.util.Locale.ROOT));
    }
    fm.extra.put("candidate", NODES.booleanNode(true));
    ArrayNode pages = NODES.arrayNode();
    pages.add(pageId);
    fm.extra.put("mentionedIn", pages);
    String body =
        "# "
            + m.name()
            + "\n\n"
            + "Candidate directory entry found by the import: a curator checks it (what it is, its"
            + " web site, whom it serves) before it is published.\n\n"
            + "## Mentioned in\n\n"
            + mentionLine(pageTitle, m.sentence());
    return new ImportItem.Draft(
        origin + " → " + m.name(),
        ImportItem.Type.CANDIDATE,
        DIR,
        id,
        fm.build(),
        Set.of("title"),
        Map.of(),
        body,
        List.of());
  }

  private static String mentionLine(String pageTitle, String sentence) {
    return "- " + pageTitle + ": “" + sentence.replace("\n", " ").strip() + "”\n";
  }

  /**
   * Merges entries of the same id into one, in first-seen order: the mentions of every page, and
   * the first entry's other fields.
   */
  static List<ImportItem> merge(List<ImportItem> items) {
    Map<String, List<ImportItem.Draft>> byId = new LinkedHashMap<>();
    List<ImportItem> out = new ArrayList<>();
    for (ImportItem item : items) {
      if (item instanceof ImportItem.Draft d && d.type() == ImportItem.Type.CANDIDATE) {
        List<ImportItem.Draft> same = byId.computeIfAbsent(d.id(), k -> new ArrayList<>());
        if (same.isEmpty()) {
          out.add(d); // placeholder, replaced below
        }
        same.add(d);
      } else {
        out.add(item);
      }
    }
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i) instanceof ImportItem.Draft d && d.type() == ImportItem.Type.CANDIDATE) {
        out.set(i, combine(Objects.requireNonNull(byId.get(d.id()))));
      }
    }
    return out;
  }

  private static ImportItem.Draft combine(List<ImportItem.Draft> same) {
    ImportItem.Draft first = same.get(0);
    if (same.size() == 1) {
      return first;
    }
    LinkedHashSet<String> pages = new LinkedHashSet<>();
    LinkedHashSet<String> mentions = new LinkedHashSet<>();
    LinkedHashSet<String> origins = new LinkedHashSet<>();
    for (ImportItem.Draft d : same) {
      d.given().extra("mentionedIn").ifPresent(n -> n.forEach(x -> pages.add(x.asText())));
      String body = d.body();
      mentions.add(body.substring(body.indexOf("## Mentioned in\n\n") + 17).strip());
      origins.add(d.origin());
    }
    FrontMatterBuilder fm = FrontMatterBuilder.from(first.given());
    ArrayNode arr = NODES.arrayNode();
    pages.forEach(arr::add);
    fm.extra.put("mentionedIn", arr);
    String head = first.body().substring(0, first.body().indexOf("## Mentioned in\n\n") + 17);
    String body = head + String.join("\n", mentions) + "\n";
    return new ImportItem.Draft(
        String.join(" + ", origins),
        first.type(),
        first.dir(),
        first.id(),
        fm.build(),
        first.stated(),
        first.raw(),
        body,
        first.notes());
  }
}
