package org.metshub.kb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads KB files: each Markdown file under the given paths becomes a {@link KbDocument}, or an
 * {@link UnreadableFile} with the reason when it has no usable front matter. Nothing is skipped
 * silently: every {@code .md} file found is returned, in path order. Thread-safe.
 */
public final class KbReader {
  /** Largest file read: the biggest real KB file seen (NCI) is about 1.1 MB. */
  public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

  private final FrontMatterReader frontMatterReader = new FrontMatterReader();
  private final FrontMatterBinder binder;

  public KbReader(Vocabularies vocab) {
    this.binder = new FrontMatterBinder(vocab);
  }

  /** Whether a file's name is that of a KB file ({@code .md}, any case). */
  public static boolean isMarkdown(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".md");
  }

  /**
   * Lists the Markdown files under each path (a file is taken as it is), sorted, and the {@code
   * .md} entries that are not read, with why (see {@link SafeFiles}).
   */
  public static SafeFiles.Listing markdownFiles(List<Path> roots, boolean followLinks) {
    return SafeFiles.list(roots, KbReader::isMarkdown, followLinks);
  }

  /** Reads every Markdown file under the paths; links do not leave the named folders. */
  public List<KbFile> readAll(List<Path> roots) {
    return readAll(roots, /* followLinks= */ false);
  }

  /**
   * Reads every Markdown file under the paths. An {@code .md} entry that is not read (a FIFO, a
   * device, a link out of the folder) is an {@link UnreadableFile} that says why, so it is named
   * wherever errors are; the result is in path order.
   */
  public List<KbFile> readAll(List<Path> roots, boolean followLinks) {
    SafeFiles.Listing listing = markdownFiles(roots, followLinks);
    List<KbFile> out = new ArrayList<>();
    for (Path p : listing.files()) {
      out.add(read(p));
    }
    for (SafeFiles.Skipped s : listing.skipped()) {
      out.add(
          new UnreadableFile(
              s.path().toString(),
              Problem.error(s.path().toString(), 1, "file", "skipped: " + s.reason(), "")));
    }
    out.sort(Comparator.comparing(KbFile::path));
    return out;
  }

  /** Reads one file. Never throws for bad content: the fault is in the result. */
  public KbFile read(Path file) {
    String path = file.toString();
    try {
      String text = decode(SafeFiles.read(file, MAX_FILE_BYTES));
      return parse(path, stem(file), text);
    } catch (SafeFiles.TooLarge e) {
      return new UnreadableFile(
          path,
          Problem.error(
              path,
              1,
              "file",
              "must be at most " + MAX_FILE_BYTES + " bytes",
              e.size() + " bytes"));
    } catch (CharacterCodingException e) {
      return new UnreadableFile(
          path, Problem.error(path, 1, "file", "must be UTF-8 text", "undecodable bytes"));
    } catch (IOException e) {
      return new UnreadableFile(
          path, Problem.error(path, 1, "file", "must be readable", String.valueOf(e.getMessage())));
    }
  }

  /** Parses a file's text; {@code path} names it in problems. */
  public KbFile parse(String path, String fileStem, String text) {
    try {
      RawFrontMatter raw = frontMatterReader.read(text);
      FrontMatterBinder.Bound bound = binder.bind(path, fileStem, raw);
      SectionQuestions.Attached sections =
          SectionQuestions.attach(
              path,
              raw,
              MarkdownSections.parse(raw.body(), bound.frontMatter().url(), raw.bodyLine()));
      List<Problem> problems = new ArrayList<>(bound.problems());
      problems.addAll(sections.problems());
      return new KbDocument(
          path, bound.frontMatter(), raw.body(), sections.sections(), problems, raw.lines());
    } catch (FrontMatterException e) {
      return new UnreadableFile(path, e.toProblem(path));
    }
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String decode(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
