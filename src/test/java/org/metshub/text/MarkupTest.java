package org.metshub.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class MarkupTest {
  @Test
  void theFiveMarkupCharactersBecomeReferences() {
    assertThat(Markup.escape("a < b & c > d \"e\" 'f'"))
        .isEqualTo("a &lt; b &amp; c &gt; d &quot;e&quot; &#39;f&#39;");
  }

  @Test
  void nullAndEmptyAreEmptyAndPlainTextIsKept() {
    assertThat(Markup.escape(null)).isEmpty();
    assertThat(Markup.escape("")).isEmpty();
    assertThat(Markup.escape("Dolor óseo, 骨转移 😀")).isEqualTo("Dolor óseo, 骨转移 😀");
  }

  /** Text that looks escaped is text: a reader sees "&amp;" as written, not "&". */
  @Test
  void alreadyEscapedTextIsEscapedAgain() {
    assertThat(Markup.escape("&amp; &lt;b&gt;")).isEqualTo("&amp;amp; &amp;lt;b&amp;gt;");
  }

  @Test
  void charactersXmlForbidsAreDroppedAndLineEndsKept() {
    assertThat(Markup.escape("a\u0000b\u0007c\td\ne\rf\uFFFEg\uFFFFh")).isEqualTo("abc\td\ne\rfgh");
    // a lone half of a surrogate pair cannot be written as UTF-8
    assertThat(Markup.escape("x\uD83Dy\uDE00z")).isEqualTo("xyz");
    assertThat(Markup.escape("\uD83D\uDE00")).isEqualTo("\uD83D\uDE00");
  }

  /** What an HTML and an XML parser read back, in text and in a quoted attribute, is the text. */
  @Test
  void parsersReadBackTheOriginalText() {
    String text = "Tom's \"bone\" pain & <b>rest</b> &amp;";
    String e = Markup.escape(text);
    Element p = Jsoup.parse("<p title=\"" + e + "\">" + e + "</p>").selectFirst("p");
    assertThat(p.text()).isEqualTo(text);
    assertThat(p.attr("title")).isEqualTo(text);
    Element r =
        Jsoup.parse("<r a='" + e + "'>" + e + "</r>", "", Parser.xmlParser()).selectFirst("r");
    assertThat(r.text()).isEqualTo(text);
    assertThat(r.attr("a")).isEqualTo(text);
  }
}
