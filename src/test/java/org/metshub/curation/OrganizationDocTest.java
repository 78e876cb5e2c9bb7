package org.metshub.curation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.metshub.kb.FrontMatter;
import org.metshub.kb.KbDocument;
import org.metshub.kb.KbReader;
import org.metshub.kb.Vocabularies;

/**
 * The file an approved suggestion becomes, read back by the KB reader: every field as the form gave
 * it, even when the form's text looks like YAML or Markdown.
 */
class OrganizationDocTest {
  static Submission submission(String name, String url, String description) {
    return new Submission(
        1,
        "MH-TEST-0001",
        name,
        url,
        description,
        List.of("breast", "metastatic cancer"),
        List.of("GB", "IE"),
        "",
        "pending",
        "2026-12-01T10:00:00Z",
        "",
        "",
        "",
        "active",
        "",
        "");
  }

  static FrontMatter readBack(String text) {
    var f = new KbReader(Vocabularies.bundled()).parse("directory/x.md", "x", text);
    assertThat(f).isInstanceOf(KbDocument.class);
    return ((KbDocument) f).frontMatter();
  }

  @Test
  void anApprovedSuggestionReadsBackFieldForField() {
    String text =
        OrganizationDoc.write(
            submission(
                "Secondary Breast Friends",
                "https://friends.example.org/",
                "A free helpline. Peer groups every week."),
            "secondary-breast-friends",
            "active",
            LocalDate.parse("2026-12-05"),
            "cy");
    FrontMatter fm = readBack(text);
    assertThat(fm.id()).isEqualTo("secondary-breast-friends");
    assertThat(fm.title()).isEqualTo("Secondary Breast Friends");
    assertThat(fm.docType()).isEqualTo("organization");
    assertThat(fm.license()).isEqualTo("link_only");
    assertThat(fm.status()).isEqualTo("active");
    assertThat(fm.lastReviewed()).isEqualTo(Optional.of(LocalDate.parse("2026-12-05")));
    assertThat(fm.reviewedBy()).isEqualTo("cy");
    assertThat(fm.countries()).containsExactly("GB", "IE");
    assertThat(fm.cancerTypes()).containsExactly("breast", "metastatic cancer");
    assertThat(fm.citation())
        .isEqualTo("Suggested by a reader (MH-TEST-0001); checked by cy on 2026-12-05");
    assertThat(fm.tags()).containsExactly("suggested by a reader");
    assertThat(text).contains("## What they offer", "<https://friends.example.org/>");
  }

  @Test
  void textThatLooksLikeYamlOrMarkdownStaysText() {
    String name = "Evil: \"quoted\"\nstatus: draft\n---\n# Heading";
    String description = "- not a list\n[link](javascript:alert(1)) <script>x</script>";
    String text =
        OrganizationDoc.write(
            submission(name, "https://e.example.org/a b>c", description),
            "evil",
            "draft",
            LocalDate.parse("2026-12-05"),
            "cy: admin");
    FrontMatter fm = readBack(text);
    assertThat(fm.title()).isEqualTo(name);
    assertThat(fm.source()).isEqualTo(name);
    assertThat(fm.status()).isEqualTo("draft");
    assertThat(fm.reviewedBy()).isEqualTo("cy: admin");
    assertThat(fm.extra()).isEmpty();
    // In the body, the form's text is escaped Markdown: no heading, list, link or tag of its own.
    String body = text.substring(text.indexOf("\n---\n", 4) + 5);
    assertThat(body)
        .doesNotContain("\n# Heading", "<script>", "[link]")
        .contains("\\<script\\>", "<https://e.example.org/a%20b%3Ec>");
  }
}
