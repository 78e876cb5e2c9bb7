package org.metshub.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FrontMatterReaderTest {
  private final FrontMatterReader reader = new FrontMatterReader();

  @Test
  void readsFieldsWithTheirFileLines() {
    RawFrontMatter raw = reader.read("---\ntitle: A\nstatus: active\ntags:\n- x\n---\n# Body\n");
    assertThat(raw.fields()).containsOnlyKeys("title", "status", "tags");
    assertThat(raw.line("title")).isEqualTo(2);
    assertThat(raw.line("status")).isEqualTo(3);
    assertThat(raw.line("tags")).isEqualTo(4);
    assertThat(raw.body()).isEqualTo("# Body\n");
    assertThat(raw.bodyLine()).isEqualTo(7);
  }

  @Test
  void keepsScalarsThatLookLikeNumbersAsWritten() {
    RawFrontMatter raw =
        reader.read(
            "---\nid: 0000001_1_3\nversion: 1.10\ncount: 42\nratio: 0.5\nflag: yes\nok: true\n---\n");
    assertThat(raw.fields().get("id").asText()).isEqualTo("0000001_1_3");
    assertThat(raw.fields().get("version").asText()).isEqualTo("1.10");
    assertThat(raw.fields().get("count").isNumber()).isTrue();
    assertThat(raw.fields().get("ratio").isNumber()).isTrue();
    assertThat(raw.fields().get("flag").asText()).isEqualTo("yes");
    assertThat(raw.fields().get("ok").isBoolean()).isTrue();
  }

  @Test
  void acceptsCrlfAndByteOrderMark() {
    RawFrontMatter raw = reader.read("\uFEFF---\r\ntitle: \"Quoted\"\r\n---\r\nText\r\n");
    assertThat(raw.fields().get("title").asText()).isEqualTo("Quoted");
    assertThat(raw.body()).isEqualTo("Text\n");
  }

  @Test
  void rejectsFileWithoutFrontMatter() {
    var e = assertThrows(FrontMatterException.class, () -> reader.read("# A README\n\nText"));
    assertThat(e.toProblem("README.md").format())
        .isEqualTo(
            "README.md:1: error: file: must start with a '---' line opening the YAML"
                + " front matter, got '# A README'");
  }

  @Test
  void rejectsUnclosedFrontMatter() {
    var e = assertThrows(FrontMatterException.class, () -> reader.read("---\ntitle: A\n"));
    assertThat(e.getMessage()).contains("never closed");
  }

  @Test
  void rejectsInvalidYamlNamingTheLine() {
    var e =
        assertThrows(
            FrontMatterException.class, () -> reader.read("---\ntitle: A\nstatus: [active\n---\n"));
    assertThat(e.getMessage()).contains("not valid YAML");
    assertThat(e.line()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void rejectsDuplicateFields() {
    var e =
        assertThrows(
            FrontMatterException.class, () -> reader.read("---\ntitle: A\ntitle: B\n---\n"));
    assertThat(e.getMessage()).contains("title");
  }

  @Test
  void rejectsScalarOrListAsTopLevel() {
    assertThrows(FrontMatterException.class, () -> reader.read("---\n- a\n- b\n---\n"));
    assertThrows(FrontMatterException.class, () -> reader.read("---\njust text\n---\n"));
    assertThrows(FrontMatterException.class, () -> reader.read("---\n\n---\nbody"));
  }

  @Test
  void rejectsBillionLaughsBeforeExpandingThem() {
    StringBuilder y = new StringBuilder("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      y.append(c)
          .append(": &")
          .append(c)
          .append(" [*")
          .append(p)
          .append(",*")
          .append(p)
          .append(",*")
          .append(p)
          .append(",*")
          .append(p)
          .append(",*")
          .append(p)
          .append("]\n");
    }
    y.append("---\n");
    // The refusal names the first alias (line 2), so the reader stopped there instead of
    // expanding 5^10 nodes; no timing is asserted.
    var e = assertThrows(FrontMatterException.class, () -> reader.read(y.toString()));
    assertThat(e.getMessage()).contains("anchors and aliases");
    assertThat(e.line()).isEqualTo(2);
  }

  @Test
  void allowsAmpersandsAndAsterisksInPlainText() {
    RawFrontMatter raw = reader.read("---\ntitle: Q&A on *bone* mets & pain\n---\n");
    assertThat(raw.fields().get("title").asText()).isEqualTo("Q&A on *bone* mets & pain");
  }

  @Test
  void rejectsOversizedFrontMatter() {
    String big =
        "---\nsummary: " + "x".repeat(FrontMatterReader.MAX_FRONT_MATTER_CHARS) + "\n---\n";
    var e = assertThrows(FrontMatterException.class, () -> reader.read(big));
    assertThat(e.getMessage()).contains("at most");
  }

  @Test
  void neverInstantiatesTaggedTypes() {
    RawFrontMatter raw = reader.read("---\ntitle: !!javax.script.ScriptEngineManager [x]\n---\n");
    // The tag is ignored: the value stays plain data.
    assertThat(raw.fields().get("title").isArray()).isTrue();
  }
}
