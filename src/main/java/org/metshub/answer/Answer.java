package org.metshub.answer;

import java.util.List;
import java.util.Optional;
import org.metshub.safety.CrisisLine;
import org.metshub.safety.EmergencyNumber;

/**
 * What MetsHub says to a question: exactly one of four outcomes. Every outcome carries the reply
 * language, the text to show ({@code message}), next steps, the disclaimer and the conversation id;
 * only {@link Answered} carries sentences, and every sentence is cited.
 */
public sealed interface Answer
    permits Answer.Answered, Answer.Abstained, Answer.Refused, Answer.Urgent {

  String language();

  String message();

  List<String> nextSteps();

  String disclaimer();

  String conversationId();

  /** {@code answered}, {@code abstained}, {@code refused} or {@code urgent}. */
  default String outcome() {
    return switch (this) {
      case Answered a -> "answered";
      case Abstained a -> "abstained";
      case Refused r -> "refused";
      case Urgent u -> "urgent";
    };
  }

  /**
   * An excerpt of the section that answers, as structured blocks ({@code excerpts}) and as its
   * sentences, each followed by its citation numbers.
   *
   * @param questionType the question's intent ({@code treatment}, {@code symptoms}, ...)
   */
  record Answered(
      String language,
      String message,
      List<AnswerSentence> sentences,
      List<Citation> citations,
      List<Excerpt> excerpts,
      List<RelatedDocument> related,
      List<String> nextSteps,
      String disclaimer,
      String conversationId,
      String questionType)
      implements Answer {
    public Answered {
      sentences = List.copyOf(sentences);
      citations = List.copyOf(citations);
      excerpts = List.copyOf(excerpts);
      related = List.copyOf(related);
      nextSteps = List.copyOf(nextSteps);
      if (sentences.isEmpty()) {
        throw new IllegalArgumentException("an answer needs at least one sentence");
      }
    }
  }

  /**
   * The KB has no good answer: say so plainly, offer the closest documents and helplines. {@code
   * closestStep} is the one of {@code nextSteps} that names the closest documents in a sentence,
   * for readers of plain text; a page that shows {@code closest} as links leaves it out. It is
   * empty when no step names them.
   */
  record Abstained(
      String language,
      String message,
      List<RelatedDocument> closest,
      List<String> nextSteps,
      String disclaimer,
      String conversationId,
      String reason,
      String closestStep)
      implements Answer {
    public Abstained {
      closest = List.copyOf(closest);
      nextSteps = List.copyOf(nextSteps);
      if (!closestStep.isEmpty() && !nextSteps.contains(closestStep)) {
        throw new IllegalArgumentException("closestStep is not one of nextSteps: " + closestStep);
      }
    }

    /** An abstention none of whose steps names the closest documents. */
    public Abstained(
        String language,
        String message,
        List<RelatedDocument> closest,
        List<String> nextSteps,
        String disclaimer,
        String conversationId,
        String reason) {
      this(language, message, closest, nextSteps, disclaimer, conversationId, reason, "");
    }

    /** The next steps but the one that names the closest documents. */
    public List<String> stepsBesideClosest() {
      return nextSteps.stream().filter(s -> !s.equals(closestStep)).toList();
    }
  }

  /**
   * Declined kindly (diagnosis, reading a report, choosing a treatment, doses). {@code explaining}
   * is, for a report the reader asked us to read, the KB's general pages on the words the message
   * uses (with the sections ranked highest on them), offered to read, never quoted; empty for other
   * refusals.
   */
  record Refused(
      String language,
      String message,
      String kind,
      List<String> questionsToAsk,
      List<String> nextSteps,
      String disclaimer,
      String conversationId,
      String rule,
      List<RelatedDocument> explaining)
      implements Answer {
    public Refused {
      questionsToAsk = List.copyOf(questionsToAsk);
      nextSteps = List.copyOf(nextSteps);
      explaining = List.copyOf(explaining);
    }

    /** The same refusal offering these pages. */
    Refused explaining(List<RelatedDocument> pages) {
      return new Refused(
          language,
          message,
          kind,
          questionsToAsk,
          nextSteps,
          disclaimer,
          conversationId,
          rule,
          pages);
    }
  }

  /**
   * Urgent symptoms or thoughts of self-harm: what to do now, the numbers to call, and for
   * self-harm the crisis lines (never empty, at least one callable).
   *
   * @param person {@code self} when the writer speaks of themself, {@code other} otherwise
   * @param country the country whose numbers are shown, when known
   */
  record Urgent(
      String language,
      String message,
      String kind,
      String person,
      List<String> nextSteps,
      List<CrisisLine> crisisLines,
      List<EmergencyNumber> emergencyNumbers,
      Optional<String> country,
      String disclaimer,
      String conversationId,
      String rule)
      implements Answer {
    public Urgent {
      nextSteps = List.copyOf(nextSteps);
      crisisLines = List.copyOf(crisisLines);
      emergencyNumbers = List.copyOf(emergencyNumbers);
      if (emergencyNumbers.isEmpty()) {
        throw new IllegalArgumentException("an urgent answer needs an emergency number");
      }
    }
  }
}
