package org.metshub.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.metshub.kb.Vocabularies;

/** The kinds of source the import reads, by their command-line names. */
public enum ImportKind {
  KB("another KB folder (Markdown with YAML front matter), with or without manifest.json"),
  TEXT("plain-text pages scraped from a web site"),
  HTML("saved HTML pages"),
  NEWS("list pages of dated news items (KB file, HTML or text)"),
  MEDQUAD("MedQuAD XML files");

  private final String description;

  ImportKind(String description) {
    this.description = description;
  }

  /** The command-line name: {@code kb}, {@code text}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String description() {
    return description;
  }

  /** The kind with this command-line name. */
  public static Optional<ImportKind> of(String id) {
    return Arrays.stream(values())
        .filter(k -> k.id().equals(id.toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  SourceReader reader(ImportOptions options, Vocabularies vocab) {
    return switch (this) {
      case KB -> new KbFolderReader(vocab, options.followLinks());
      case TEXT -> new TextPageReader(options);
      case HTML -> new HtmlPageReader(options);
      case NEWS -> new NewsListReader(options, vocab);
      case MEDQUAD -> new MedQuadReader(options);
    };
  }
}
