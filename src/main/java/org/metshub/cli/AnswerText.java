package org.metshub.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metshub.answer.Answer;
import org.metshub.answer.AnswerSentence;
import org.metshub.answer.Citation;
import org.metshub.answer.Excerpt;
import org.metshub.answer.RelatedDocument;
import org.metshub.api.Pages;
import org.metshub.safety.CrisisLine;

/**
 * An answer as plain text for a terminal ({@code ask} and {@code chat}), its labels in the reply's
 * language: the message, the quoted excerpts (or the cited sentences), the numbered sources with
 * their review dates; a refusal's questions for the care team (and, for a report we will not read,
 * the KB's general pages on its words); an urgent reply's crisis lines and emergency numbers; then
 * the next steps and the disclaimer.
 */
final class AnswerText {
  /** The words the terminal adds around an answer, in one language. */
  private record Labels(
      String sources,
      String lastReviewed,
      String never,
      String questions,
      String crisisLines,
      String emergency,
      String or,
      String explaining) {}

  private static final Labels EN =
      new Labels(
          "Sources:",
          "last reviewed",
          "never",
          "Questions you could ask your care team:",
          "Crisis lines:",
          "Emergency: ",
          " or ",
          "General pages on these words:");
  private static final Labels ES =
      new Labels(
          "Fuentes:",
          "última revisión",
          "nunca",
          "Preguntas que puede hacer a su equipo de atención:",
          "Líneas de crisis:",
          "Emergencias: ",
          " o ",
          "Páginas generales sobre estas palabras:");

  private AnswerText() {}

  static String of(Answer a) {
    Labels l = a.language().equals("es") ? ES : EN;
    StringBuilder sb = new StringBuilder();
    switch (a) {
      case Answer.Answered ok -> answered(ok, l, sb);
      case Answer.Abstained ab -> sb.append(ab.message()).append('\n');
      case Answer.Refused r -> {
        sb.append(r.message()).append('\n');
        if (!r.questionsToAsk().isEmpty()) {
          sb.append('\n').append(l.questions()).append('\n');
          r.questionsToAsk().forEach(q -> sb.append(" - ").append(q).append('\n'));
        }
        if (!r.explaining().isEmpty()) {
          sb.append('\n').append(l.explaining()).append('\n');
          for (RelatedDocument d : r.explaining()) {
            sb.append(" - ")
                .append(d.title())
                .append(" — ")
                .append(Pages.doc(d.docId()))
                .append('\n');
            for (RelatedDocument.Section x : d.sections()) {
              sb.append("     › ")
                  .append(x.heading())
                  .append(" — ")
                  .append(Pages.doc(d.docId()))
                  .append(x.anchor().isEmpty() ? "" : "#" + x.anchor())
                  .append('\n');
            }
          }
        }
      }
      case Answer.Urgent u -> {
        sb.append(u.message()).append('\n');
        if (!u.crisisLines().isEmpty()) {
          sb.append('\n').append(l.crisisLines()).append('\n');
          u.crisisLines().forEach(c -> sb.append("• ").append(line(c)).append('\n'));
        }
        sb.append('\n').append(l.emergency()).append(numbers(u, l)).append('\n');
      }
    }
    if (!a.nextSteps().isEmpty()) {
      sb.append('\n');
      a.nextSteps().forEach(s -> sb.append("• ").append(s).append('\n'));
    }
    sb.append('\n').append(a.disclaimer()).append('\n');
    return sb.toString();
  }

  private static void answered(Answer.Answered ok, Labels l, StringBuilder sb) {
    sb.append(ok.message()).append("\n\n");
    if (ok.excerpts().isEmpty()) {
      for (AnswerSentence s : ok.sentences()) {
        sb.append(s.text());
        s.citations().forEach(n -> sb.append(" [").append(n).append(']'));
        sb.append('\n');
      }
    }
    for (Excerpt e : ok.excerpts()) {
      if (e != ok.excerpts().getFirst()) {
        sb.append('\n'); // a blank line between excerpts of two pages
      }
      sb.append(e.heading()).append(" [").append(e.citation()).append("]\n");
      if (e.cutBefore()) {
        sb.append("…\n");
      }
      for (Excerpt.Block b : e.blocks()) {
        String text = String.join(" ", b.sentences().stream().map(Excerpt.Sentence::text).toList());
        sb.append(b.kind() == Excerpt.Kind.LIST_ITEM ? "  - " : "").append(text).append('\n');
      }
      if (e.cutAfter()) {
        sb.append("…\n");
      }
    }
    sb.append('\n').append(l.sources()).append('\n');
    for (Citation c : ok.citations()) {
      sb.append(" [").append(c.n()).append("] ").append(c.title());
      if (!c.heading().isEmpty()) {
        sb.append(" › ").append(c.heading());
      }
      sb.append(" — ")
          .append(c.source().isEmpty() ? "" : c.source() + ", ")
          .append(c.url().isEmpty() ? Pages.doc(c.docId()) : c.url())
          .append(" (")
          .append(l.lastReviewed())
          .append(' ')
          .append(c.lastReviewed().map(Object::toString).orElse(l.never()))
          .append(", ")
          .append(c.reviewState().label())
          .append(")\n");
    }
  }

  /** A crisis line on one line: name, phone, text option, hours, note, address. */
  static String line(CrisisLine c) {
    StringBuilder sb = new StringBuilder(c.name()).append(':');
    c.phone().ifPresent(p -> sb.append(' ').append(p).append('.'));
    c.text().ifPresent(t -> sb.append(' ').append(t).append('.'));
    c.hours().ifPresent(h -> sb.append(' ').append(h).append('.'));
    c.note().ifPresent(n -> sb.append(' ').append(n));
    return sb.append(" (").append(c.url()).append(')').toString();
  }

  /** "999 or 112 (United Kingdom)"; "911 (US, Canada, Mexico), 999 (United Kingdom)". */
  private static String numbers(Answer.Urgent u, Labels l) {
    Map<String, List<String>> byWhere = new LinkedHashMap<>();
    u.emergencyNumbers()
        .forEach(n -> byWhere.computeIfAbsent(n.where(), w -> new ArrayList<>()).add(n.number()));
    List<String> parts = new ArrayList<>();
    byWhere.forEach((where, nums) -> parts.add(String.join(l.or(), nums) + " (" + where + ")"));
    return String.join(", ", parts);
  }
}
