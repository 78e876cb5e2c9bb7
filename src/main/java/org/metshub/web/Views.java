package org.metshub.web;

import java.util.List;

/**
 * The models the templates render: plain values, already localised and formatted, so that
 * templates only lay them out. All immutable.
 */
public final class Views {
  private Views() {}

  /** A link with a short line under it (source, date, type). */
  public record DocLink(String href, String title, String meta) {}

  /** A browse link with how many documents it leads to. */
  public record CountLink(String href, String label, int count) {}

  /** A choice of a select box. */
  public record Option(String value, String label, boolean selected) {}

  public record HomeView(List<CountLink> cancerTypes, List<CountLink> sites,
      List<DocLink> news, int documents, int organizations) {}

  public record SentenceView(String text, List<Integer> citations) {}

  public record CitationView(int n, String href, String title, String heading, String source,
      String externalUrl, String lastReviewed, String reviewState, String stateClass) {}

  /**
   * The answer page. {@code reply} holds the interface strings of the reply's language, for the
   * outcome box; {@code emergency} and {@code crisisLines} are shown as {@code tel:} links at its
   * top when the outcome is urgent.
   */
  /**
   * An excerpt: its heading, its blocks (a paragraph, or a list of items), where it is, and
   * whether it is an organisation's directory entry rather than a section of a page.
   */
  public record ExcerptView(String heading, String href, int citation, boolean cutBefore,
      boolean cutAfter, List<BlockView> blocks, boolean directoryEntry) {}

  /** A paragraph ({@code list} false, one item) or a list (one item per list item). */
  public record BlockView(boolean list, List<List<MarkedView>> items) {}

  /** One sentence of an excerpt; {@code marked} ones are the most relevant. */
  public record MarkedView(String text, boolean marked) {}

  public record AnswerView(String question, String outcome, String message,
      List<SentenceView> sentences, List<ExcerptView> excerpts, List<CitationView> citations,
      List<DocLink> related,
      List<String> questionsToAsk, List<String> nextSteps, String disclaimer,
      String conversationId, String language, String csrf, Ui reply, List<CallLink> emergency,
      List<LineView> crisisLines) {}

  /** An emergency number as a {@code tel:} link, and where it works. */
  public record CallLink(String tel, String number, String where) {}

  /** A crisis line: empty strings for what it does not have. */
  public record LineView(String name, String phone, String tel, String text, String chat,
      String url, String hours, String languages, String note) {}

  /** The suggest-a-resource form: entries kept, per-field errors, the choices. */
  public record SuggestView(String name, String url, String description, String contact,
      List<Option> cancerTypes, List<Option> countries, java.util.Map<String, String> errors,
      String summary, String csrf, int nameMax, int urlMax, int descriptionMax,
      int contactMax) {
    public String error(String field) {
      return errors.get(field);
    }

    public boolean hasError(String field) {
      return errors.containsKey(field);
    }
  }

  public record FacetOption(String id, String value, String label, int count, boolean checked) {}

  public record FacetGroup(String dimension, String label, List<FacetOption> options) {}

  public record HitView(String href, String title, String heading, String snippet,
      String meta) {}

  public record SearchView(String query, boolean searched, List<FacetGroup> facets,
      List<HitView> hits, long total, int page, int pages, String prevHref, String nextHref,
      String correctedQuery) {}

  public record DocView(String id, String title, String summary, String source,
      String sourceUrl, String citation, String audience, String docType, String lastReviewed,
      String nextDue, String reviewState, String stateClass, String licenseNote, String html,
      List<DocLink> translations, List<DocLink> related, String jsonLd, String language) {}

  public record OrgView(String name, String href, String url, String summary, String phone,
      String countries, String services, String languages) {}

  public record BrowseView(String heading, String intro, List<DocLink> docs,
      List<OrgView> organizations, String feedHref) {}

  public record DirectoryView(List<Option> countries, List<Option> cancerTypes,
      List<Option> services, List<Option> languages, List<OrgView> organizations) {}

  public record NewsView(List<DocLink> items, List<CountLink> feeds, String feedHref) {}

  public record ErrorView(int status, String heading, String detail) {}

  public record MessageView(String heading, String text, String backHref, String backLabel) {}
}
