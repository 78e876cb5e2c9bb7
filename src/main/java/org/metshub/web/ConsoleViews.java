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

  /**
   * A one-button form (POST) in a table cell, and beside it, when {@code readHref} is set, a link
   * to read what the button acts on.
   */
  public record Action(
      String url, String label, List<Field> fields, String readHref, String readLabel) {
    public Action(String url, String label, List<Field> fields) {
      this(url, label, fields, "", "");
    }
  }

  /**
   * A table cell: text, a link when {@code href} is set, one button per action when there are
   * actions (each its own form; the text, when there is one, is shown before them).
   */
  public record Cell(String text, @Nullable String href, List<Action> actions) {
    public Cell {
      actions = List.copyOf(actions);
    }

    public static Cell text(@Nullable String t) {
      return new Cell(t == null ? "" : t, null, List.of());
    }

    public static Cell link(String t, String href) {
      return new Cell(t, href, List.of());
    }

    public static Cell button(Action a) {
      return new Cell("", null, List.of(a));
    }

    /** {@code t} (may be empty), then a button for each action. */
    public static Cell buttons(String t, List<Action> actions) {
      return new Cell(t, null, actions);
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
