package org.metshub.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.kb.KbDocument;
import org.metshub.testing.Fixtures;

/** In-place edits of single front-matter fields, and version bumps. */
class FrontMatterEditTest {
  private static final String DOC =
      """
      ---
      id: a-doc
      title: "A doc"
      tags:
      - one
      - two
      summary: >
        A folded
        summary.
      version: v1
      ---

      # A doc

      version: not front matter
      """;

  private static void assertInvalid(String text) {
    assertThatThrownBy(() -> FrontMatterEdit.set(text, "version", "v2"))
        .isInstanceOf(BadInput.class);
  }

  @Test
  void setsAnExistingFieldAndNothingElse() {
    String out = FrontMatterEdit.set(DOC, "version", "\"v2\"");
    assertThat(out).isEqualTo(DOC.replace("version: v1", "version: \"v2\""));
    assertThat(out).contains("version: not front matter");
  }

  @Test
  void addsAMissingFieldBeforeTheClosingLine() {
    String out = FrontMatterEdit.set(DOC, "reviewedBy", "\"carol\"");
    assertThat(out)
        .isEqualTo(DOC.replace("version: v1\n---\n", "version: v1\nreviewedBy: \"carol\"\n---\n"));
  }

  @Test
  void aMultiLineValueIsReplacedWhole() {
    String tags = FrontMatterEdit.set(DOC, "tags", "[three]");
    assertThat(tags).isEqualTo(DOC.replace("tags:\n- one\n- two\n", "tags: [three]\n"));
    String summary = FrontMatterEdit.set(DOC, "summary", "\"Short.\"");
    assertThat(summary)
        .isEqualTo(DOC.replace("summary: >\n  A folded\n  summary.\n", "summary: \"Short.\"\n"));
    // The result is still a readable document with the new values.
    KbDocument d = Fixtures.document("a-doc.md", tags);
    assertThat(d.frontMatter().tags()).containsExactly("three");
    assertThat(d.frontMatter().summary()).isEqualTo("A folded summary.");
  }

  @Test
  void fieldsAreMatchedByTheirWholeName() {
    String text = "---\nid: x\nidx: 1\nversionNote: keep\n  version: nested\nversion: v1\n---\n";
    assertThat(FrontMatterEdit.set(text, "version", "v2"))
        .isEqualTo("---\nid: x\nidx: 1\nversionNote: keep\n  version: nested\nversion: v2\n---\n");
    assertThat(FrontMatterEdit.set(text, "id", "y"))
        .isEqualTo("---\nid: y\nidx: 1\nversionNote: keep\n  version: nested\nversion: v1\n---\n");
    assertThat(FrontMatterEdit.set("---\nversion : v1\n---\n", "version", "v2"))
        .isEqualTo("---\nversion: v2\n---\n");
    // A field name with regex characters is taken literally.
    assertThat(FrontMatterEdit.set("---\na.b: 1\naxb: 2\n---\n", "a.b", "3"))
        .isEqualTo("---\na.b: 3\naxb: 2\n---\n");
  }

  @Test
  void crlfLineEndingsAreKept() {
    String crlf = DOC.replace("\n", "\r\n");
    String out = FrontMatterEdit.set(crlf, "version", "v2");
    assertThat(out).isEqualTo(crlf.replace("version: v1", "version: v2"));
    String added = FrontMatterEdit.set(crlf, "reviewedBy", "x");
    assertThat(added).contains("version: v1\r\nreviewedBy: x\r\n---\r\n");
    assertThat(added.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
  }

  @Test
  void aFileWithoutFrontMatterIsInvalid() {
    assertInvalid("");
    assertInvalid("# Just a heading\n\nversion: v1\n");
    assertInvalid("title: x\n---\n");
    assertInvalid("---\nid: x\nversion: v1\n"); // never closed
  }

  @Test
  void aByteOrderMarkIsAcceptedAndKept() {
    String bom = "\uFEFF---\nid: x\nversion: v1\n---\nBody\n";
    assertThat(FrontMatterEdit.set(bom, "version", "v2"))
        .isEqualTo("\uFEFF---\nid: x\nversion: v2\n---\nBody\n");
  }

  @Test
  void aFrontMatterClosedWithDotsIsEditedInTheFrontMatter() {
    String text = "---\nid: x\nversion: v1\n...\n# Title\n\nText.\n\n---\n\nMore.\n";
    assertThat(FrontMatterEdit.set(text, "reviewedBy", "\"carol\""))
        .isEqualTo(
            "---\nid: x\nversion: v1\nreviewedBy: \"carol\"\n...\n# Title\n\nText.\n\n"
                + "---\n\nMore.\n");
  }

  @Test
  void aBlockScalarWithABlankLineIsReplacedWhole() {
    String text = "---\nid: x\nsummary: |\n  one\n\n  two\nversion: v1\n---\nBody\n";
    assertThat(FrontMatterEdit.set(text, "summary", "\"new\""))
        .isEqualTo("---\nid: x\nsummary: \"new\"\nversion: v1\n---\nBody\n");
  }

  @Test
  void quotedValuesAreYamlSafe() {
    String value = "Carol \"CJ\" O'Brien\\x\n# not a comment: {x}\t[y]\u0001";
    String text =
        FrontMatterEdit.set(
            "---\nid: x\ntitle: t\n---\nBody words here.\n",
            "reviewedBy",
            FrontMatterEdit.quote(value));
    KbDocument d = Fixtures.document("x.md", text);
    assertThat(d.frontMatter().reviewedBy()).isEqualTo(value);
    assertThat(text.split("\n")).hasSize(6);
  }

  @ParameterizedTest(name = "bump({0}) = {1}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "v1, v2",
        "v9, v10",
        "1.9, 1.10",
        "2.0.3, 2.0.4",
        "1.9-rc2, 1.9-rc3",
        "v1-final, v2-final",
        "'', v2",
        "'   ', v2",
        "NULL, v2",
        "draft, draft.1",
        "2026-11-22, 2026-11-23"
      })
  void bumpAddsOneToTheLastNumber(String version, String next) {
    assertThat(FrontMatterEdit.bump(version)).isEqualTo(next);
  }
}
