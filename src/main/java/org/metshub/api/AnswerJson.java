package org.metshub.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metshub.answer.Answer;
import org.metshub.answer.AnswerSentence;
import org.metshub.answer.Citation;
import org.metshub.answer.Excerpt;
import org.metshub.answer.RelatedDocument;
import org.metshub.safety.CrisisLine;
import org.metshub.safety.EmergencyNumber;

/**
 * An answer as the JSON object of {@code /api/v1/answer} and {@code ask --json}: plain maps and
 * lists in a fixed order, written by {@link org.metshub.json.Json}. Every outcome has the common
 * fields; each adds its own (an answer's question type and related pages, a refusal's questions to
 * ask, an urgent reply's crisis lines). The golden files under {@code golden/answer-json} hold one
 * of each.
 */
public final class AnswerJson {
  private AnswerJson() {}

  public static Map<String, Object> of(Answer a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("outcome", a.outcome());
    m.put("language", a.language());
    List<Map<String, Object>> sentences = new ArrayList<>();
    List<Map<String, Object>> citations = new ArrayList<>();
    if (a instanceof Answer.Answered ok) {
      for (AnswerSentence s : ok.sentences()) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("text", s.text());
        x.put("citations", s.citations());
        sentences.add(x);
      }
      for (Citation c : ok.citations()) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("n", c.n());
        x.put("docId", c.docId());
        x.put("passageId", c.passageId());
        x.put("title", c.title());
        x.put("source", c.source());
        x.put("url", c.url());
        x.put("heading", c.heading());
        x.put("lastReviewed", c.lastReviewed().map(Object::toString).orElse(null));
        x.put("reviewState", c.reviewState().label());
        x.put("license", c.license());
        x.put("cancerTypes", c.cancerTypes());
        citations.add(x);
      }
    }
    m.put("sentences", sentences);
    m.put("citations", citations);
    m.put(
        "excerpts",
        a instanceof Answer.Answered ok
            ? ok.excerpts().stream().map(AnswerJson::excerpt).toList()
            : List.of());
    m.put("message", a.message());
    m.put("nextSteps", a.nextSteps());
    m.put("disclaimer", a.disclaimer());
    m.put("conversationId", a.conversationId());
    switch (a) {
      case Answer.Answered ok -> {
        m.put("questionType", ok.questionType());
        m.put("related", related(ok.related()));
      }
      case Answer.Abstained ab -> {
        m.put("closest", related(ab.closest()));
        m.put("reason", ab.reason());
      }
      case Answer.Refused r -> {
        m.put("kind", r.kind());
        m.put("questionsToAsk", r.questionsToAsk());
        m.put("explaining", related(r.explaining()));
        m.put("rule", r.rule());
      }
      case Answer.Urgent u -> {
        m.put("kind", u.kind());
        m.put("person", u.person());
        m.put("country", u.country().orElse(null));
        m.put("emergencyNumbers", u.emergencyNumbers().stream().map(AnswerJson::number).toList());
        m.put("crisisLines", u.crisisLines().stream().map(AnswerJson::line).toList());
        m.put("rule", u.rule());
      }
    }
    return m;
  }

  /** An excerpt with its structure: blocks of type paragraph or listItem, each of sentences. */
  static Map<String, Object> excerpt(Excerpt e) {
    Map<String, Object> x = new LinkedHashMap<>();
    x.put("docId", e.docId());
    x.put("heading", e.heading());
    x.put("href", e.href());
    x.put("citation", e.citation());
    x.put("cutBefore", e.cutBefore());
    x.put("cutAfter", e.cutAfter());
    List<Map<String, Object>> blocks = new ArrayList<>();
    for (Excerpt.Block b : e.blocks()) {
      Map<String, Object> y = new LinkedHashMap<>();
      y.put("type", b.kind().id());
      y.put(
          "sentences",
          b.sentences().stream()
              .map(
                  s -> {
                    Map<String, Object> z = new LinkedHashMap<>();
                    z.put("text", s.text());
                    z.put("marked", s.marked());
                    return z;
                  })
              .toList());
      blocks.add(y);
    }
    x.put("blocks", blocks);
    return x;
  }

  /** A crisis line: every field present, null when the line has no such thing. */
  static Map<String, Object> line(CrisisLine l) {
    Map<String, Object> x = new LinkedHashMap<>();
    x.put("name", l.name());
    x.put("phone", l.phone().orElse(null));
    x.put("tel", l.tel().orElse(null));
    x.put("text", l.text().orElse(null));
    x.put("chat", l.chat().orElse(null));
    x.put("url", l.url());
    x.put("country", l.country());
    x.put("hours", l.hours().orElse(null));
    x.put("languages", l.languages());
    x.put("note", l.note().orElse(null));
    return x;
  }

  private static Map<String, Object> number(EmergencyNumber n) {
    Map<String, Object> x = new LinkedHashMap<>();
    x.put("number", n.number());
    x.put("tel", n.tel());
    x.put("where", n.where());
    return x;
  }

  private static List<Map<String, Object>> related(List<RelatedDocument> docs) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (RelatedDocument d : docs) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("docId", d.docId());
      x.put("title", d.title());
      x.put("url", d.url());
      if (!d.sections().isEmpty()) {
        x.put("heading", d.heading());
        x.put("href", href(d.docId(), d.sections().getFirst()));
        List<Map<String, Object>> sections = new ArrayList<>();
        for (RelatedDocument.Section s : d.sections()) {
          Map<String, Object> y = new LinkedHashMap<>();
          y.put("heading", s.heading());
          y.put("href", href(d.docId(), s));
          sections.add(y);
        }
        x.put("sections", sections);
      }
      out.add(x);
    }
    return out;
  }

  private static String href(String docId, RelatedDocument.Section s) {
    return Pages.doc(docId) + (s.anchor().isEmpty() ? "" : "#" + s.anchor());
  }
}
