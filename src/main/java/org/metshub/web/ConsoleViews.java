package org.metshub.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.metshub.curation.LineDiff;

/** The models of the curator console's pages. All immutable. */
public final class ConsoleViews {
  private ConsoleViews() {}

  /** What every console page shows around its content: who is logged in, the form token. */
  public record Frame(String user, boolean admin, String csrf, String section, String notice) {}

  /** A hidden form field. */
  public record Field(String name, String value) {}

  /** A one-button form (POST) in a table cell. */
  public record Action(String url, String label, List<Field> fields) {}

  /** A table cell: text, a link when {@code href} is set, a button when {@code action} is. */
  public record Cell(String text, @Nullable String href, @Nullable Action action) {
    public static Cell text(@Nullable String t) {
      return new Cell(t == null ? "" : t, null, null);
    }

    public static Cell link(String t, String href) {
      return new Cell(t, href, null);
    }

    public static Cell button(Action a) {
      return new Cell("", null, a);
    }
  }

  public record Row(List<Cell> cells) {}

  /** A page that is a table (most console pages). */
  public record Table(
      Frame f, String title, String intro, List<String> headers, List<Row> rows, String empty) {}

  public record Login(String error, String csrf, String username) {}

  /** One suggestion, with the approve and reject forms when it is pending. */
  public record SubmissionView(
      Frame f,
      long id,
      String reference,
      String name,
      String url,
      String description,
      List<String> cancerTypes,
      List<String> countries,
      String contact,
      String status,
      String createdAt,
      String decision,
      String docHref,
      boolean pending,
      String reason,
      String reasonError) {}

  /** The stored versions of a document and a form to compare two. */
  public record HistoryView(
      Frame f,
      String docId,
      String title,
      String path,
      List<Row> rows,
      List<Views.Option> from,
      List<Views.Option> to) {}

  public record DiffView(
      Frame f,
      String docId,
      String title,
      String fromLabel,
      String toLabel,
      List<LineDiff.Line> lines,
      int changes) {}
}
