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
}
