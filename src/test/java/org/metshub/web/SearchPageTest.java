package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.metshub.kb.ReviewState;
import org.metshub.kb.Vocabularies;
import org.metshub.search.Hit;
import org.metshub.search.Snippet;

/**
 * The search page renders a result's snippet from its text and highlight offsets: the text is
 * escaped, each highlight is one {@code <mark>}, and nothing else is markup. Rendered without a
 * server.
 */
class SearchPageTest {
  static final Map<String, Ui> UI = Ui.bundled(Vocabularies.bundled());

  static Hit hit(Snippet snippet) {
    return new Hit(
        "bone#1",
        "bone",
        "When cancer spreads to the bone",
        "Pain",
        snippet,
        snippet.text(),
        new Hit.Meta(
            "https://example.org/bone",
            "MetsHub",
            Optional.of(LocalDate.of(2026, 11, 1)),
            Optional.of(LocalDate.of(2027, 11, 1)),
            ReviewState.CURRENT,
            "owned",
            true,
            "active",
            "en",
            "article",
            "patient",
            "04",
            List.of("metastatic cancer"),
            List.of("bone")),
        1.0,
        0.5);
  }

  static String render(Hit h) {
    Ui ui = UI.get("en");
    Map<String, Object> params = new HashMap<>();
    params.put("c", new Chrome(ui, "bone pain", "/search?lang=es", "search"));
    params.put(
        "m",
        new Views.SearchView(
            "bone pain",
            true,
            List.of(),
            List.of(SearchPages.hit(h, ui)),
            1,
            1,
            1,
            "",
            "",
            "",
            List.of(),
            false));
    return new Templates().render("search", params);
  }

  /** The snippet paragraph of a rendered page. */
  static String snippet(String html) {
    int start = html.indexOf("<p class=\"snippet\"");
    return html.substring(html.indexOf('>', start) + 1, html.indexOf("</p>", start));
  }

  @Test
  void highlightsBecomeMarksAndTheTextAroundThemIsEscaped() {
    String text = "Use <b>care</b> & ask \"why\": it's bone pain, SBRT-guided.";
    int bone = text.indexOf("bone");
    int sbrt = text.indexOf("SBRT");
    Snippet s =
        new Snippet(
            text,
            List.of(
                new Snippet.Highlight(bone, bone + 4),
                new Snippet.Highlight(bone + 5, bone + 9),
                new Snippet.Highlight(sbrt, sbrt + 4),
                new Snippet.Highlight(sbrt + 4, sbrt + 11)));
    // Quotes need no escaping in element content; <, > and & do.
    assertThat(snippet(render(hit(s))))
        .isEqualTo(
            "Use &lt;b&gt;care&lt;/b&gt; &amp; ask "
                + "\"why\": it's <mark>bone</mark> <mark>pain</mark>, "
                + "<mark>SBRT</mark><mark>-guided</mark>.");
  }

  @Test
  void textThatLooksLikeAMarkIsNotOne() {
    String html = snippet(render(hit(Snippet.plain("<mark>not a match</mark> ó 🦴"))));
    assertThat(html).isEqualTo("&lt;mark&gt;not a match&lt;/mark&gt; ó 🦴");
  }
}
