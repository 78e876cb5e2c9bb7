package org.metshub.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.kb.FrontMatterReader;
import org.metshub.kb.KbReader;
import org.metshub.kb.SafeFiles;

/**
 * Reads a source file as text, refusing what is not text: not a regular file (a FIFO, a device), an
 * empty file, one too large (checked before reading), bytes that are not UTF-8, or binary content
 * (NUL bytes or many control characters). Line endings are normalised to LF and a BOM is dropped.
 * Thread-safe.
 */
final class SourceFile {
  /** Share of control characters above which a file is taken as binary. */
  private static final double MAX_CONTROL_SHARE = 0.01;

  private SourceFile() {}

  /**
   * The file's text.
   *
   * @throws BadInput naming the file and the reason it cannot be imported
   */
  static String read(Path file) {
    byte[] bytes;
    try {
      // Type and size are checked before reading: a FIFO or /dev/zero is refused, not read.
      bytes = SafeFiles.read(file, KbReader.MAX_FILE_BYTES);
    } catch (SafeFiles.Refused e) {
      throw new BadInput(file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new BadInput(file + ": cannot be read: " + e.getMessage(), e);
    }
    if (bytes.length == 0) {
      throw new BadInput(file + ": is empty");
    }
    for (byte b : bytes) {
      if (b == 0) {
        throw new BadInput(file + ": is binary, not text (it contains NUL bytes)");
      }
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new BadInput(file + ": must be UTF-8 text, got undecodable bytes", e);
    }
    int control = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        control++;
      }
    }
    if (control > MAX_CONTROL_SHARE * text.length()) {
      throw new BadInput(file + ": is binary, not text (" + control + " control characters)");
    }
    String normal = FrontMatterReader.normalise(text);
    if (normal.isBlank()) {
      throw new BadInput(file + ": is empty (only white space)");
    }
    return normal;
  }

  /** The file name without folders and without its last extension. */
  static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
