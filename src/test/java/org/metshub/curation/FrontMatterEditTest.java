package org.metshub.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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

  private static final String ASKED =
      """
      ---
      id: a-doc
      title: "A doc"
      questions:
        'What it is':
        - 'what is it'
        - 'is it common'
        'How it is treated':
        - 'how is it treated'
      version: v1
      ---

      # A doc

      ## What it is

      It is a thing.

      ## How it is treated

      With care.

      ## Where to get help

      Ask your team.
      """;

  private static List<String> questionsOf(String text, String heading) {
    return Fixtures.document("a.md", text).sections().stream()
        .filter(x -> x.title().equals(heading))
        .findFirst()
        .orElseThrow()
        .questions();
  }

  /** The lines of {@code after} that {@code before} does not have, in order. */
  private static List<String> added(String before, String after) {
    List<String> out = new java.util.ArrayList<>(List.of(after.split("\r?\n", -1)));
    for (String l : before.split("\r?\n", -1)) {
      out.remove(l);
    }
    return out;
  }

  @Test
  void aQuestionGoesAfterItsHeadingsLastOneAndNothingElseMoves() {
    String after = FrontMatterEdit.addQuestion(ASKED, "What it is", "wat is it exactly");
    assertThat(questionsOf(after, "What it is"))
        .containsExactly("what is it", "is it common", "wat is it exactly");
    assertThat(questionsOf(after, "How it is treated")).containsExactly("how is it treated");
    assertThat(added(ASKED, after)).containsExactly("  - 'wat is it exactly'");
    assertThat(after.lines().toList().indexOf("  - 'wat is it exactly'"))
        .isEqualTo(ASKED.lines().toList().indexOf("  - 'is it common'") + 1);
  }

  @Test
  void aHeadingWithoutQuestionsGetsAKeyAtTheEndOfTheField() {
    String after = FrontMatterEdit.addQuestion(ASKED, "Where to get help", "who do i call");
    assertThat(questionsOf(after, "Where to get help")).containsExactly("who do i call");
    assertThat(questionsOf(after, "How it is treated")).containsExactly("how is it treated");
    assertThat(added(ASKED, after))
        .containsExactly("  'Where to get help':", "  - 'who do i call'");
  }

  @Test
  void aDocumentWithoutQuestionsGetsTheField() {
    String after =
        FrontMatterEdit.addQuestion(
            DOC.replace("# A doc\n", "# A doc\n\n## Care\n\nText.\n"), "Care", "what care");
    assertThat(questionsOf(after, "Care")).containsExactly("what care");
    assertThat(Fixtures.document("a.md", after).frontMatter().version()).isEqualTo("v1");
  }

  @Test
  void quotesApostrophesAndKeepsTheFilesLineEndingsAndBom() {
    String crlf = "\uFEFF" + ASKED.replace("\n", "\r\n");
    String after =
        FrontMatterEdit.addQuestion(crlf, "How it is treated", "can't they just 'cut it out'?");
    assertThat(after).startsWith("\uFEFF---\r\n").doesNotContain("'\n").doesNotContain("?'\n");
    assertThat(after.replace("\r\n", "")).doesNotContain("\n");
    assertThat(questionsOf(after.substring(1), "How it is treated"))
        .containsExactly("how is it treated", "can't they just 'cut it out'?");
  }

  @Test
  void aHeadingWrittenInDoubleQuotesIsFound() {
    String text = ASKED.replace("'What it is':", "\"What it is\":");
    String after = FrontMatterEdit.addQuestion(text, "What it is", "what is it really");
    assertThat(questionsOf(after, "What it is")).endsWith("what is it really");
    assertThat(added(text, after)).containsExactly("  - 'what is it really'");
  }

  @Test
  void anotherStyleOfTheFieldIsRefusedNotRewritten() {
    String flow =
        ASKED.replaceAll("(?s)questions:.*?version:", "questions: {'What it is': ['x']}\nversion:");
    assertThatThrownBy(() -> FrontMatterEdit.addQuestion(flow, "What it is", "y"))
        .isInstanceOf(BadInput.class)
        .hasMessageContaining("not written as a block");
    String inline =
        ASKED.replace(
            "  'How it is treated':\n  - 'how is it treated'",
            "  'How it is treated': 'how is it treated'");
    assertThatThrownBy(() -> FrontMatterEdit.addQuestion(inline, "What it is", "y"))
        .isInstanceOf(BadInput.class)
        .hasMessageContaining("not written as usual");
  }

  @Test
  void aQuestionWithALineBreakOrNoFrontMatterIsRefused() {
    assertThatThrownBy(() -> FrontMatterEdit.addQuestion(ASKED, "What it is", "two\nlines"))
        .isInstanceOf(BadInput.class)
        .hasMessageContaining("line breaks");
    assertThatThrownBy(() -> FrontMatterEdit.addQuestion("# no front matter\n", "A", "q"))
        .isInstanceOf(BadInput.class)
        .hasMessageContaining("no front matter");
    assertThatThrownBy(() -> FrontMatterEdit.addQuestion("---\nid: x\n", "A", "q"))
        .isInstanceOf(BadInput.class)
        .hasMessageContaining("not closed");
  }
}
