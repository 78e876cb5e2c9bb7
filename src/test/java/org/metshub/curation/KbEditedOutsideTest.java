package org.metshub.curation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.App;
import org.metshub.answer.SafetyScreen;
import org.metshub.safety.SafetyPolicy;
import org.metshub.search.HashingEmbedder;
import org.metshub.search.SearchRequest;
import org.metshub.testing.Eventually;
import org.metshub.testing.Fixtures;

/**
 * Issue 18: KB files added, changed or removed outside MetsHub (a git pull, an editor) reach a
 * running application without a restart: its search, its documents and its directory.
 */
class KbEditedOutsideTest {
  static final String NEW_DOC =
      Fixtures.validDoc(
              "",
              """
      # Xylophone therapy

      ## What it is

      Xylophone therapy is a made-up word that only this test's document uses.
      """)
          .replace("id: test-doc", "id: xylophone-doc");

  static Path kb(Path dir) throws Exception {
    Path kb = dir.resolve("kb");
    Files.createDirectories(kb.resolve("learn"));
    Files.copy(Path.of("kb/learn/bone-metastases.md"), kb.resolve("learn/bone-metastases.md"));
    return kb;
  }

  static long found(App app, String word) {
    return app.search().search(SearchRequest.of(word, 10)).hits().stream()
        .filter(h -> h.docId().equals("xylophone-doc"))
        .count();
  }

  @Test
  void aFileAddedChangedAndDeletedOutsideIsServedAtTheNextLook(@TempDir Path dir) throws Exception {
    Path kb = kb(dir);
    try (App app =
        App.open(
            kb,
            dir.resolve("data"),
            Fixtures.clock(),
            new HashingEmbedder(),
            SafetyScreen.policy(SafetyPolicy.bundled()))) {
      assertThat(app.lookAtKb()).isEmpty();
      assertThat(found(app, "xylophone")).isZero();

      Files.writeString(kb.resolve("learn/xylophone.md"), NEW_DOC);
      assertThat(app.lookAtKb()).containsExactly("learn/xylophone.md");
      assertThat(found(app, "xylophone")).isPositive();
      assertThat(app.files())
          .anyMatch(
              f -> f instanceof org.metshub.kb.KbDocument d && d.id().equals("xylophone-doc"));

      Files.writeString(
          kb.resolve("learn/xylophone.md"),
          NEW_DOC.replace("Xylophone therapy is", "Marimba therapy is"));
      assertThat(app.lookAtKb()).containsExactly("learn/xylophone.md");
      assertThat(found(app, "marimba")).isPositive();

      Files.delete(kb.resolve("learn/xylophone.md"));
      assertThat(app.lookAtKb()).containsExactly("learn/xylophone.md");
      assertThat(found(app, "xylophone")).isZero();
      assertThat(found(app, "marimba")).isZero();
      assertThat(app.files())
          .noneMatch(
              f -> f instanceof org.metshub.kb.KbDocument d && d.id().equals("xylophone-doc"));
    }
  }

  @Test
  void aFileWithErrorsIsNotServedAndItsFixIsPickedUp(@TempDir Path dir) throws Exception {
    Path kb = kb(dir);
    try (App app =
        App.open(
            kb,
            dir.resolve("data"),
            Fixtures.clock(),
            new HashingEmbedder(),
            SafetyScreen.policy(SafetyPolicy.bundled()))) {
      Files.writeString(
          kb.resolve("learn/xylophone.md"),
          NEW_DOC.replace("lastReviewed: '2026-11-01'", "lastReviewed: 'someday'"));
      assertThat(app.lookAtKb()).containsExactly("learn/xylophone.md");
      assertThat(found(app, "xylophone")).isZero();
      Files.writeString(kb.resolve("learn/xylophone.md"), NEW_DOC);
      assertThat(app.lookAtKb()).containsExactly("learn/xylophone.md");
      assertThat(found(app, "xylophone")).isPositive();
    }
  }

  @Test
  void theServersTimerLooksByItself(@TempDir Path dir) throws Exception {
    Path kb = kb(dir);
    try (App app =
        App.open(
            kb,
            dir.resolve("data"),
            Fixtures.clock(),
            new HashingEmbedder(),
            SafetyScreen.policy(SafetyPolicy.bundled()))) {
      app.watchKb(100);
      Files.writeString(kb.resolve("learn/xylophone.md"), NEW_DOC);
      assertThat(Eventually.within(20_000, () -> found(app, "xylophone") > 0)).isTrue();
    }
  }
}
