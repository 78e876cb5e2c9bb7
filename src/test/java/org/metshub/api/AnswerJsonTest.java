package org.metshub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metshub.answer.Answer;
import org.metshub.answer.RelatedDocument;

class AnswerJsonTest {
  @Test
  void anAbstentionsClosestPagesCarryTheirSectionsWithLinks() {
    Answer a =
        new Answer.Abstained(
            "en",
            "No good answer.",
            List.of(
                new RelatedDocument(
                    "biopsy",
                    "Biopsy",
                    "https://example.org/biopsy",
                    List.of(
                        new RelatedDocument.Section("Recovery", "recovery"),
                        new RelatedDocument.Section("Types", ""))),
                new RelatedDocument("pain", "Pain", "https://example.org/pain")),
            List.of("Ask your care team."),
            "Not medical advice.",
            "c1",
            "too weakly");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> closest = (List<Map<String, Object>>) AnswerJson.of(a).get("closest");
    assertThat(closest).hasSize(2);
    Map<String, Object> biopsy = closest.getFirst();
    // The first section stays in heading and href, as before; sections lists them all.
    assertThat(biopsy)
        .containsEntry("docId", "biopsy")
        .containsEntry("heading", "Recovery")
        .containsEntry("href", "/docs/biopsy#recovery")
        .containsEntry(
            "sections",
            List.of(
                Map.of("heading", "Recovery", "href", "/docs/biopsy#recovery"),
                Map.of("heading", "Types", "href", "/docs/biopsy")));
    // A page offered as a whole has no section fields.
    assertThat(closest.get(1)).containsOnlyKeys("docId", "title", "url");
  }

  @Test
  void aRefusalCarriesTheGeneralPagesItOffers() {
    Answer.Refused r =
        new Answer.Refused(
            "en",
            "We cannot read your report.",
            "interpret_report",
            List.of("What does this finding mean for me?"),
            List.of(),
            "Not medical advice.",
            "c2",
            "en:refuse.interpret_report",
            List.of(
                new RelatedDocument(
                    "her2", "HER2", "", List.of(new RelatedDocument.Section("HER2-low", "low")))));
    Map<String, Object> json = AnswerJson.of(r);
    assertThat(json).containsEntry("kind", "interpret_report");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> explaining = (List<Map<String, Object>>) json.get("explaining");
    assertThat(explaining)
        .singleElement()
        .satisfies(
            d ->
                assertThat(d)
                    .containsEntry("docId", "her2")
                    .containsEntry("href", "/docs/her2#low"));
    assertThat(
            AnswerJson.of(
                new Answer.Refused(
                    "en", "No.", "dose", List.of(), List.of(), "", "c3", "r", List.of())))
        .containsEntry("explaining", List.of());
  }
}
