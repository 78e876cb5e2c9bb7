package org.metshub.kb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

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

  /** Lists the Markdown files under each path (a file is taken as it is), sorted. */
  public static List<Path> markdownFiles(List<Path> roots) {
    List<Path> out = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> s = Files.walk(root)) {
          s.filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                  .endsWith(".md"))
              .sorted(Comparator.comparing(Path::toString))
              .forEach(out::add);
        } catch (IOException e) {
          throw new KbException("cannot list KB folder " + root + ": " + e.getMessage(), e);
        }
      } else if (Files.exists(root)) {
        out.add(root);
      } else {
        throw new KbException(root + ": no such file or folder");
      }
    }
    return out;
  }

  /** Reads every Markdown file under the paths. */
  public List<KbFile> readAll(List<Path> roots) {
    return markdownFiles(roots).stream().map(this::read).toList();
  }

  /** Reads one file. Never throws for bad content: the fault is in the result. */
  public KbFile read(Path file) {
    String path = file.toString();
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        return new UnreadableFile(path, Problem.error(path, 1, "file",
            "must be at most " + MAX_FILE_BYTES + " bytes", size + " bytes"));
      }
      String text = decode(Files.readAllBytes(file));
      return parse(path, stem(file), text);
    } catch (CharacterCodingException e) {
      return new UnreadableFile(path,
          Problem.error(path, 1, "file", "must be UTF-8 text", "undecodable bytes"));
    } catch (IOException e) {
      return new UnreadableFile(path,
          Problem.error(path, 1, "file", "must be readable", String.valueOf(e.getMessage())));
    }
  }

  /** Parses a file's text; {@code path} names it in problems. */
  public KbFile parse(String path, String fileStem, String text) {
    try {
      RawFrontMatter raw = frontMatterReader.read(text);
      FrontMatterBinder.Bound bound = binder.bind(path, fileStem, raw);
      List<Section> sections =
          MarkdownSections.parse(raw.body(), bound.frontMatter().url(), raw.bodyLine());
      return new KbDocument(
          path, bound.frontMatter(), raw.body(), sections, bound.problems(), raw.lines());
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
