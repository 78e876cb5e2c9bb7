package org.metshub.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.metshub.testing.Fixtures;

/**
 * Generated inputs: a valid file mangled at random (seeded, so failures reproduce) must give a
 * document or an unreadable-file report, never an exception.
 */
class MangledInputTest {
  private static final String BASE =
      Fixtures.validDoc(
          "metastaticSites: [bone]\ntranslations: {es: x}\ncountries: [US]\n",
          "# Bone\n\n## Symptoms\n\nMetastatic [pain](/x) and ![img](y.png).\n");
  private static final String[] JUNK = {
    "---",
    ":",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "!!str ",
    "'",
    "\"",
    "\n",
    "\r\n",
    "\t",
    "#",
    "|",
    ">",
    "?",
    "%YAML 1.2\n",
    "\u0000",
    "\uFEFF",
    "2025-13-45",
    "null",
    "~",
    "  ",
    "\\",
    "@",
    "`"
  };

  @Test
  void mangledFrontMatterNeverThrows() {
    Random random = new Random(20261122L);
    int documents = 0;
    int unreadable = 0;
    for (int i = 0; i < 3000; i++) {
      String text = mangle(BASE, random);
      KbFile f = Fixtures.parse("fuzz-" + i + ".md", text);
      if (f instanceof UnreadableFile u) {
        unreadable++;
        assertThat(u.problem().severity()).isEqualTo(Severity.ERROR);
        assertThat(u.problem().format()).startsWith("fuzz-" + i + ".md:");
      } else {
        documents++;
      }
      new Validator(Vocabularies.bundled(), Fixtures.schedule()).validate(java.util.List.of(f));
    }
    // Both outcomes must occur, or the generator is not exercising the reader.
    assertThat(documents).isPositive();
    assertThat(unreadable).isPositive();
  }

  private static String mangle(String s, Random random) {
    StringBuilder sb = new StringBuilder(s);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(Math.min(sb.length(), 400));
      switch (random.nextInt(3)) {
        case 0 -> sb.insert(at, JUNK[random.nextInt(JUNK.length)]);
        case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(12)));
        default -> sb.setCharAt(at, (char) (32 + random.nextInt(95)));
      }
    }
    return sb.toString();
  }
}
