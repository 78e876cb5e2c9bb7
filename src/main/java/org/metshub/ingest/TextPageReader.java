package org.metshub.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.kb.Slugs;

/**
 * Reads plain-text pages scraped from a web site (one paragraph per line, headings as short lines,
 * link texts whose targets are lost). The first line is the title; a short line without closing
 * punctuation that introduces more text is a heading; bullet lines become a list; every other line
 * is a paragraph, kept as written, link phrases ("Click here to ...") included. The organisations
 * and resources the page mentions become candidate directory entries, always drafts, under {@code
 * candidates/}. Thread-safe.
 */
final class TextPageReader implements SourceReader {
  /** Longest line taken as a heading, in words and characters. */
  static final int HEADING_MAX_WORDS = 12;

  static final int HEADING_MAX_CHARS = 90;

  private static final Pattern BULLET = Pattern.compile("^\\s*(?:[•·▪◦‣*+-]|\\d{1,2}[.)])\\s+");
  private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0\\u2007\\u202F]+");

  private final ImportOptions options;

  TextPageReader(ImportOptions options) {
    this.options = options;
  }

  @Override
  public boolean accepts(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".txt") || n.endsWith(".text");
  }

  @Override
  public List<ImportItem> read(Path file) {
    String origin = file.toString();
    String text;
    try {
      text = SourceFile.read(file);
    } catch (BadInput e) {
      return List.of(new ImportItem.Rejected(origin, e.getMessage()));
    }
    List<String> lines = new ArrayList<>();
    for (String l : text.split("\n")) {
      lines.add(SPACES.matcher(l).replaceAll(" ").strip());
    }
    int first = 0;
    while (first < lines.size() && lines.get(first).isEmpty()) {
      first++;
    }
    String title = lines.get(first);
    List<String> notes = new ArrayList<>();
    if (title.length() > 200) {
      return List.of(
          new ImportItem.Rejected(
              origin,
              origin
                  + ": the first line must be a title"
                  + " (at most 200 characters), got "
                  + title.length()
                  + " characters"));
    }
    List<String> blocks =
        lines.subList(first + 1, lines.size()).stream().filter(l -> !l.isEmpty()).toList();
    StringBuilder body = new StringBuilder("# ").append(title).append("\n\n");
    List<String> prose = new ArrayList<>();
    boolean inList = false;
    for (int i = 0; i < blocks.size(); i++) {
      String b = blocks.get(i);
      var bullet = BULLET.matcher(b);
      if (bullet.find()) {
        body.append("- ").append(escape(b.substring(bullet.end()))).append('\n');
        prose.add(b.substring(bullet.end()));
        inList = true;
        continue;
      }
      if (inList) {
        body.append('\n');
        inList = false;
      }
      if (isHeading(b, i + 1 < blocks.size())) {
        body.append("## ").append(escape(b.replaceAll(":$", ""))).append("\n\n");
      } else {
        body.append(escape(b)).append("\n\n");
        prose.add(b);
      }
    }
    String id = Slugs.of(title);
    FrontMatterBuilder fm = new FrontMatterBuilder();
    Set<String> stated = new HashSet<>(Set.of("title"));
    fm.id = id;
    fm.title = title;
    fm.docType = "article";
    fm.reviewFrequency = "annual";
    StatedFields.apply(options, fm, stated);
    List<ImportItem> items = new ArrayList<>();
    items.add(
        new ImportItem.Draft(
            origin,
            ImportItem.Type.DOCUMENT,
            "",
            id,
            fm.build(),
            stated,
            Map.of(),
            body.toString().strip() + "\n",
            notes));
    items.addAll(candidates(origin, id, title, prose));
    return items;
  }

  /**
   * A short line is a heading when more text follows it and it does not end like a sentence; a line
   * in title case may end with ':' or '?' ("Achieving Our Mission:", "What is Cancer and
   * Metastasis?").
   */
  static boolean isHeading(String line, boolean moreFollows) {
    if (!moreFollows
        || line.length() > HEADING_MAX_CHARS
        || line.split("\\s+").length > HEADING_MAX_WORDS
        || !Character.isUpperCase(line.codePointAt(0))) {
      return false;
    }
    char last = line.charAt(line.length() - 1);
    if (last == ':' || last == '?') {
      return titleCase(line);
    }
    return ".,;!…\"”)".indexOf(last) < 0;
  }

  /** Most words of four letters or more start with a capital. */
  private static boolean titleCase(String line) {
    int longWords = 0;
    int capitalised = 0;
    for (String w : line.split("\\s+")) {
      if (w.length() >= 4) {
        longWords++;
        if (Character.isUpperCase(w.codePointAt(0))) {
          capitalised++;
        }
      }
    }
    return longWords > 0 && capitalised >= 0.75 * longWords;
  }

  /** Escapes what Markdown would read as markup at the start of a line. */
  private static String escape(String line) {
    if (line.startsWith("#") || line.startsWith(">")) {
      return "\\" + line;
    }
    return line.replace("<", "&lt;");
  }

  private List<ImportItem> candidates(
      String origin, String pageId, String pageTitle, List<String> prose) {
    Map<String, ResourceMentions.Mention> found = new LinkedHashMap<>();
    for (String p : prose) {
      for (ResourceMentions.Mention m : ResourceMentions.find(p)) {
        found.putIfAbsent(Slugs.of(m.name()), m);
      }
    }
    List<ImportItem> out = new ArrayList<>();
    for (var e : found.entrySet()) {
      out.add(Candidates.draft(origin, e.getKey(), e.getValue(), pageId, pageTitle));
    }
    return out;
  }
}
