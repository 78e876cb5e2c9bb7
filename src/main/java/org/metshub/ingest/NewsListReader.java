package org.metshub.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.kb.FrontMatter;
import org.metshub.kb.FrontMatterBinder;
import org.metshub.kb.FrontMatterReader;
import org.metshub.kb.MarkdownSections;
import org.metshub.kb.RawFrontMatter;
import org.metshub.kb.Slugs;
import org.metshub.kb.Vocabularies;

/**
 * Reads list pages of dated news items (a KB file whose body is the list, as in {@code
 * seeds/003_*}; a saved HTML page; or plain text) into one {@code docType: news} document per item,
 * under {@code news/}, named {@code DATE-TITLE}.
 *
 * <p>An item starts at a line that is a link ({@code - [Title](/path)}), or at a heading or short
 * line followed by a date line; it runs to the next item. Its date is its first date line ("Posted:
 * May 6, 2025"), its summary the rest of its text, its link made absolute against the page URL. An
 * item without a date is rejected. The page's own front matter (source, licence, citation, source
 * type, language, review date) applies to every item. Because ids come from date and title,
 * re-importing a page that gained items writes only the new ones. Thread-safe.
 */
final class NewsListReader implements SourceReader {
  static final String DIR = "news";

  private static final Pattern LINK_LINE =
      Pattern.compile(
          "^\\s*(?:[-*+]\\s+|#{1,6}\\s+|\\d+[.)]\\s+)?\\[(.+?)]\\((\\S+?)(?:\\s+\"[^\"]*\")?\\)(.*)$");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+)$");

  /** Longest line taken as an item title when a date line follows it. */
  static final int TITLE_MAX_WORDS = 25;

  private final ImportOptions options;
  private final FrontMatterBinder binder;

  NewsListReader(ImportOptions options, Vocabularies vocab) {
    this.options = options;
    this.binder = new FrontMatterBinder(vocab);
  }

  @Override
  public boolean accepts(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".txt") || n.endsWith(".md") || n.endsWith(".html") || n.endsWith(".htm");
  }

  /** One item as found on the page. */
  private record Item(
      int number, String title, String link, Optional<LocalDate> date, String summary) {}

  @Override
  public List<ImportItem> read(Path file) {
    String origin = file.toString();
    FrontMatterBuilder page = new FrontMatterBuilder();
    Set<String> pageStated = new HashSet<>();
    String body;
    try {
      String text = SourceFile.read(file);
      body = pageBody(origin, text, page, pageStated);
    } catch (BadInput e) {
      return List.of(new ImportItem.Rejected(origin, e.getMessage()));
    }
    List<Item> items = items(body);
    if (items.isEmpty()) {
      return List.of(
          new ImportItem.Rejected(
              origin,
              origin
                  + ": no news items found (an item"
                  + " is a link line, or a heading followed by a date line)"));
    }
    List<ImportItem> out = new ArrayList<>();
    for (Item item : items) {
      String itemOrigin = origin + " #" + item.number() + " '" + item.title() + "'";
      if (item.date().isEmpty()) {
        out.add(
            new ImportItem.Rejected(
                itemOrigin,
                "news item '"
                    + item.title()
                    + "' has no date (expected a line such as 'Posted: May"
                    + " 6, 2025' after its title)"));
        continue;
      }
      out.add(draft(itemOrigin, item, page, pageStated));
    }
    return out;
  }

  /** The page's Markdown body; fills what the page says about itself into {@code page}. */
  private String pageBody(String origin, String text, FrontMatterBuilder page, Set<String> stated) {
    String trimmed = text.stripLeading();
    if (trimmed.startsWith("---\n")) {
      RawFrontMatter raw = new FrontMatterReader().read(text);
      FrontMatter fm = binder.bind(origin, "page", raw).frontMatter();
      page.url = fm.url();
      page.source = fm.source();
      page.sourceType = fm.sourceType();
      page.license = fm.license();
      page.citation = fm.citation();
      page.language = fm.language();
      page.lastReviewed = fm.lastReviewed();
      for (String f :
          List.of(
              "url", "source", "sourceType", "license", "citation", "language", "lastReviewed")) {
        if (raw.field(f).isPresent()) {
          stated.add(f);
        }
      }
      return raw.body();
    }
    if (trimmed.startsWith("<") || origin.toLowerCase(Locale.ROOT).matches(".*\\.x?html?$")) {
      HtmlConverter.Page html = HtmlConverter.convert(origin, text, options.baseUrl());
      if (!html.url().isEmpty()) {
        page.url = html.url();
        stated.add("url");
      }
      if (!html.language().isEmpty()) {
        page.language = html.language().split("-")[0];
        stated.add("language");
      }
      return html.markdown();
    }
    return text;
  }

  private static List<Item> items(String body) {
    List<String> lines = body.lines().toList();
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (startsItem(lines, i)) {
        starts.add(i);
      }
    }
    List<Item> items = new ArrayList<>();
    for (int k = 0; k < starts.size(); k++) {
      int from = starts.get(k);
      int to = k + 1 < starts.size() ? starts.get(k + 1) : lines.size();
      items.add(item(k + 1, lines.subList(from, to)));
    }
    return items;
  }

  private static boolean startsItem(List<String> lines, int i) {
    String line = lines.get(i).strip();
    if (line.isEmpty() || DateText.isDateLine(line)) {
      return false;
    }
    Matcher link = LINK_LINE.matcher(line);
    if (link.matches()) {
      String rest = link.group(3).strip();
      return rest.isEmpty() || DateText.isDateLine(rest);
    }
    if (line.split("\\s+").length > TITLE_MAX_WORDS) {
      return false;
    }
    for (int j = i + 1; j < lines.size(); j++) {
      if (!lines.get(j).isBlank()) {
        return DateText.isDateLine(lines.get(j));
      }
    }
    return false;
  }

  private static Item item(int number, List<String> block) {
    String first = block.get(0).strip();
    String title;
    String link = "";
    Optional<LocalDate> date = Optional.empty();
    Matcher m = LINK_LINE.matcher(first);
    if (m.matches()) {
      title = m.group(1).strip();
      link = m.group(2).strip();
      date = DateText.find(m.group(3));
    } else {
      Matcher h = HEADING.matcher(first);
      title = DateText.strip(h.matches() ? h.group(1) : first);
    }
    // The summary keeps the page's paragraphs: lines wrapped inside one paragraph stay one
    // paragraph; a blank line or a date line ends it.
    List<String> paragraphs = new ArrayList<>();
    List<String> paragraph = new ArrayList<>();
    for (String line : block.subList(1, block.size())) {
      String s = line.strip();
      boolean dateLine = !s.isEmpty() && DateText.isDateLine(s);
      if (dateLine && date.isEmpty()) {
        date = DateText.find(s);
      }
      if (s.isEmpty() || dateLine) {
        endParagraph(paragraph, paragraphs);
      } else {
        paragraph.add(s);
      }
    }
    endParagraph(paragraph, paragraphs);
    return new Item(number, title.replace("\\", ""), link, date, String.join("\n\n", paragraphs));
  }

  private static void endParagraph(List<String> lines, List<String> paragraphs) {
    if (!lines.isEmpty()) {
      paragraphs.add(String.join("\n", lines));
      lines.clear();
    }
  }

  private ImportItem.Draft draft(
      String origin, Item item, FrontMatterBuilder page, Set<String> pageStated) {
    FrontMatterBuilder fm = new FrontMatterBuilder();
    Set<String> stated = new HashSet<>(Set.of("title", "datePublished"));
    List<String> notes = new ArrayList<>();
    fm.title = item.title();
    fm.datePublished = item.date();
    fm.docType = "news";
    fm.reviewFrequency = "as_needed";
    String url = MarkdownSections.resolve(page.url, item.link());
    if (!item.link().isEmpty() && url.matches("(?i)^https?://\\S+$")) {
      fm.url = url;
      stated.add("url");
    } else if (!item.link().isEmpty()) {
      notes.add(
          "the item link '"
              + item.link()
              + "' stays relative: the page does not give"
              + " its URL; pass --base-url");
    } else if (!page.url.isEmpty()) {
      fm.url = page.url;
      notes.add("the item has no link of its own; url is the list page");
    }
    fm.source = page.source;
    fm.sourceType = page.sourceType;
    fm.license = page.license;
    fm.citation = page.citation;
    fm.language = page.language;
    fm.lastReviewed = page.lastReviewed;
    for (String f :
        List.of("source", "sourceType", "license", "citation", "language", "lastReviewed")) {
      if (pageStated.contains(f)) {
        stated.add(f);
      }
    }
    StatedFields.apply(options, fm, stated);
    fm.summary = plain(item.summary());
    if (!fm.summary.isEmpty()) {
      stated.add("summary");
    }
    String slug = Slugs.of(item.title());
    fm.id = item.date().orElseThrow() + "-" + slug;
    String sourceWord = "es".equals(fm.language) ? "Fuente" : "Source";
    String body =
        "# "
            + item.title()
            + "\n"
            + (item.summary().isEmpty() ? "" : "\n" + item.summary() + "\n")
            + (fm.url.isEmpty()
                ? ""
                : "\n" + sourceWord + ": [" + item.title() + "](" + fm.url + ")\n");
    return new ImportItem.Draft(
        origin, ImportItem.Type.NEWS_ITEM, DIR, fm.id, fm.build(), stated, Map.of(), body, notes);
  }

  /** A summary as plain text for front matter: Markdown links reduced to their text. */
  private static String plain(String markdown) {
    return markdown.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").replaceAll("\\s+", " ").strip();
  }
}
