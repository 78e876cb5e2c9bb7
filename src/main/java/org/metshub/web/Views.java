package org.metshub.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The models the templates render: plain values, already localised and formatted, so that templates
 * only lay them out. All immutable.
 */
public final class Views {
  private Views() {}

  /**
   * A link with a short line under it (source, date, type). {@code lang} is the language of a page
   * not written in the reader's, shown marked ("(en inglés)"); empty otherwise.
   */
  public record DocLink(String href, String title, String meta, String lang) {
    public DocLink(String href, String title, String meta) {
      this(href, title, meta, "");
    }
  }

  /** A group of links under a heading ({@code id} names the heading). */
  public record DocGroup(String id, String label, List<DocLink> docs) {}

  /** A browse link with how many documents it leads to. */
  public record CountLink(String href, String label, int count) {}

  /** A choice of a select box. */
  public record Option(String value, String label, boolean selected) {}

  public record HomeView(
      List<CountLink> cancerTypes,
      List<CountLink> sites,
      List<DocLink> news,
      int documents,
      int organizations) {}

  public record SentenceView(String text, List<Integer> citations) {}

  public record CitationView(
      int n,
      String href,
      String title,
      String heading,
      String source,
      String externalUrl,
      String lastReviewed,
      String reviewState,
      String stateClass) {}

  /**
   * An excerpt: its heading, its blocks (a paragraph, or a list of items), where it is, and whether
   * it is an organisation's directory entry rather than a section of a page.
   */
  public record ExcerptView(
      String heading,
      String href,
      int citation,
      boolean cutBefore,
      boolean cutAfter,
      List<BlockView> blocks,
      boolean directoryEntry) {}

  /** A paragraph ({@code list} false, one item) or a list (one item per list item). */
  public record BlockView(boolean list, List<List<MarkedView>> items) {}

  /**
   * One sentence of an excerpt; {@code marked} ones are the most relevant. A sentence with an
   * {@code href} ends with a link whose text is {@code linkText} (a directory entry's phone or web
   * site).
   */
  public record MarkedView(String text, boolean marked, String href, String linkText) {}

  public record AnswerView(
      String question,
      String outcome,
      String message,
      List<SentenceView> sentences,
      List<ExcerptView> excerpts,
      List<CitationView> citations,
      List<DocLink> related,
      List<ClosestPage> closest,
      List<String> questionsToAsk,
      List<MarkedView> nextSteps,
      String disclaimer,
      String conversationId,
      String language,
      String csrf,
      Ui reply,
      List<CallLink> emergency,
      List<LineView> crisisLines) {}

  /**
   * A closest page of an abstention: a link to it (at its best section) and links to the sections
   * offered on it, best first.
   */
  public record ClosestPage(String href, String title, List<DocLink> sections) {}

  /** An emergency number as a {@code tel:} link, and where it works. */
  public record CallLink(String tel, String number, String where) {}

  /** A crisis line: empty strings for what it does not have. */
  public record LineView(
      String name,
      String phone,
      String tel,
      String text,
      String chat,
      String url,
      String hours,
      String languages,
      String note) {}

  /**
   * The suggest-a-resource form: entries kept, per-field errors, the choices. {@code countries} is
   * the short list of checkboxes, {@code otherCountries} the free field's text and {@code
   * countryNames} the names its {@code <datalist>} offers.
   */
  public record SuggestView(
      String name,
      String url,
      String description,
      String contact,
      List<Option> cancerTypes,
      List<Option> countries,
      String otherCountries,
      List<String> countryNames,
      java.util.Map<String, String> errors,
      String summary,
      String csrf,
      int nameMax,
      int urlMax,
      int descriptionMax,
      int contactMax) {
    /** The error of a field, or null when it has none. */
    public @Nullable String error(String field) {
      return errors.get(field);
    }

    public boolean hasError(String field) {
      return errors.containsKey(field);
    }
  }

  public record FacetOption(String id, String value, String label, int count, boolean checked) {}

  public record FacetGroup(String dimension, String label, List<FacetOption> options) {}

  /**
   * One result. {@code snippet} is the passage's snippet in runs, the {@code marked} ones matched
   * the query; {@code language} is the page's language code; {@code languageNote} names it ("In
   * Spanish") when it is not the reader's language, and is empty otherwise.
   */
  public record HitView(
      String href,
      String title,
      String heading,
      List<SnippetPart> snippet,
      String meta,
      String language,
      String languageNote) {}

  /** A run of a result's snippet, shown as a highlight when {@code marked}. */
  public record SnippetPart(String text, boolean marked) {}

  /** An active filter, shown as a chip whose link is the same search without it. */
  public record Chip(String label, String removeHref) {}

  /**
   * The search page. {@code weakMatch} says the best result holds too few of the query's words to
   * be called a good match, so the page says so before the closest pages.
   */
  public record SearchView(
      String query,
      boolean searched,
      List<FacetGroup> facets,
      List<HitView> hits,
      long total,
      int page,
      int pages,
      String prevHref,
      String nextHref,
      String correctedQuery,
      List<Chip> chips,
      boolean weakMatch) {}

  public record DocView(
      String id,
      String title,
      String summary,
      String source,
      String sourceUrl,
      String citation,
      String audience,
      String docType,
      String lastReviewed,
      String nextDue,
      String reviewState,
      String stateClass,
      String licenseNote,
      String html,
      List<DocLink> translations,
      List<DocLink> related,
      String jsonLd,
      String language,
      String published,
      List<DocLink> glossaryIndex) {
    /** News is dated by publication and not reviewed on a cycle. */
    public boolean news() {
      return !published.isEmpty();
    }
  }

  /**
   * An organisation. {@code summaryLang} is the language of a summary that is not in the reader's
   * (shown marked), empty otherwise; {@code tel} the phone's {@code tel:} address; {@code site} the
   * web address as shown (no scheme).
   */
  public record OrgView(
      String name,
      String href,
      String url,
      String summary,
      String summaryLang,
      String phone,
      String tel,
      String countries,
      String services,
      String languages,
      String site) {}

  /** A cancer-type or site page: its main page (none or one), then groups by kind. */
  public record BrowseView(
      String heading,
      String intro,
      List<DocLink> main,
      List<DocGroup> groups,
      List<OrgView> organizations,
      String feedHref) {}

  public record DirectoryView(
      List<Option> countries,
      List<Option> cancerTypes,
      List<Option> services,
      List<Option> languages,
      List<OrgView> organizations) {}

  public record NewsView(List<DocLink> items, List<CountLink> feeds, String feedHref) {}

  /** A news feed: the id of its row, its name, its absolute Atom address and item count. */
  public record FeedView(String id, String label, String url, int count) {}

  public record ErrorView(int status, String heading, String detail) {}

  public record MessageView(String heading, String text, String backHref, String backLabel) {}
}
