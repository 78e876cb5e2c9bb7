package org.metshub.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.kb.Slugs;

/**
 * Reads saved HTML pages: one document per page, its main content converted to Markdown by {@link
 * HtmlConverter}, its title and language taken from the page. Thread-safe.
 */
final class HtmlPageReader implements SourceReader {
  private final ImportOptions options;

  HtmlPageReader(ImportOptions options) {
    this.options = options;
  }

  @Override
  public boolean accepts(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml");
  }

  @Override
  public List<ImportItem> read(Path file) {
    String origin = file.toString();
    HtmlConverter.Page page;
    try {
      page = HtmlConverter.convert(origin, SourceFile.read(file), options.baseUrl());
    } catch (BadInput e) {
      return List.of(new ImportItem.Rejected(origin, e.getMessage()));
    }
    List<String> notes = new ArrayList<>();
    if (page.errors() > 0) {
      notes.add(
          "the HTML had "
              + page.errors()
              + (page.errors() == 1 ? " fault" : " faults")
              + ", repaired by the parser");
    }
    if (page.relativeLinksLeft() > 0) {
      notes.add(
          page.relativeLinksLeft()
              + (page.relativeLinksLeft() == 1 ? " link stays" : " links stay")
              + " relative: the page does not give its URL; pass --base-url");
    }
    Set<String> stated = new HashSet<>();
    FrontMatterBuilder fm = new FrontMatterBuilder();
    String title = page.title();
    if (title.isEmpty()) {
      title = SourceFile.stem(file).replace('-', ' ').replace('_', ' ');
      notes.add("the page has no title; '" + title + "' comes from the file name");
    } else {
      stated.add("title");
    }
    fm.title = title;
    fm.id = Slugs.of(title);
    fm.docType = "article";
    fm.reviewFrequency = "annual";
    if (!page.url().isEmpty()) {
      fm.url = page.url();
      stated.add("url");
    }
    String lang = page.language();
    if (!lang.isEmpty()) {
      fm.language = lang.contains("-") ? lang.substring(0, lang.indexOf('-')) : lang;
      stated.add("language");
    }
    StatedFields.apply(options, fm, stated);
    return List.of(
        new ImportItem.Draft(
            origin,
            ImportItem.Type.DOCUMENT,
            "",
            fm.id,
            fm.build(),
            stated,
            Map.of(),
            page.markdown(),
            notes));
  }
}
