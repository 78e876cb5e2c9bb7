package org.metshub.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownSectionsTest {

  @Test
  void cutsByHeadingWithHeadingPath() {
    List<Section> s =
        MarkdownSections.parse(
            """
        Intro text.

        # Bone metastases

        What it is.

        ## Symptoms

        - pain
        - fractures

        ## Treatment

        ### Radiation

        Rays.
        """,
            "",
            10);
    assertThat(s)
        .extracting(Section::heading)
        .containsExactly(
            "",
            "Bone metastases",
            "Bone metastases › Symptoms",
            "Bone metastases › Treatment › Radiation");
    assertThat(s.get(2).text()).isEqualTo("- pain\n- fractures");
    assertThat(s.get(0).line()).isEqualTo(10);
    assertThat(s.get(1).line()).isEqualTo(12);
  }

  @Test
  void emptyHeadingsAddNothingToThePath() {
    List<Section> s =
        MarkdownSections.parse("# Title\n\n##\n\nText under an empty heading.\n", "", 1);
    assertThat(s)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.headingPath()).containsExactly("Title");
              assertThat(x.text()).isEqualTo("Text under an empty heading.");
            });
  }

  @Test
  void resolvesSiteRelativeLinksAgainstTheUrl() {
    List<Section> s =
        MarkdownSections.parse(
            "See [the blog](/news-events/blog) and [NIH](https://www.nih.gov/) and [here](page2).\n",
            "https://www.cancer.gov/types/metastatic-cancer/research",
            1);
    assertThat(s.get(0).links())
        .containsExactly(
            new Link("the blog", "https://www.cancer.gov/news-events/blog"),
            new Link("NIH", "https://www.nih.gov/"),
            new Link("here", "https://www.cancer.gov/types/metastatic-cancer/page2"));
    assertThat(s.get(0).text()).isEqualTo("See the blog and NIH and here.");
  }

  @Test
  void keepsRelativeLinksWhenThereIsNoUrl() {
    List<Section> s = MarkdownSections.parse("[a](/x)", "", 1);
    assertThat(s.get(0).links()).containsExactly(new Link("a", "/x"));
  }

  @Test
  void dropsImagesButKeepsAltTextAndDropsHtml() {
    List<Section> s =
        MarkdownSections.parse(
            "![Diagram of spread](/img.png)\n\n<div>raw</div>\n\nText <b>bold</b>.\n", "", 1);
    assertThat(s.get(0).text()).isEqualTo("Diagram of spread\n\nText bold.");
  }

  @Test
  void emptyBodyHasNoSections() {
    assertThat(MarkdownSections.parse("", "", 1)).isEmpty();
  }
}
