package org.metshub.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metshub.kb.KbDocument;
import org.metshub.kb.KbFile;
import org.metshub.kb.KbReader;
import org.metshub.kb.Section;
import org.metshub.kb.Vocabularies;

/**
 * Every section of the bundled KB can be quoted from its start without a dangling opening: an
 * answer is an excerpt of a section, and a section whose first sentences point back ("This drug
 * gives…", "Este recorrido…") would open an answer with words the reader cannot place.
 */
class BundledExcerptsTest {
  @Test
  void noSectionOfTheBundledKbOpensItsExcerptOnASentenceThatPointsBack() {
    List<KbFile> files = new KbReader(Vocabularies.bundled()).readAll(List.of(Path.of("kb")));
    List<String> dangling = new ArrayList<>();
    int sections = 0;
    for (KbFile f : files) {
      if (!(f instanceof KbDocument d) || d.path().contains("/directory/")) {
        continue;
      }
      for (Section s : d.sections()) {
        var excerpt = ExcerptBuilder.build(d.id(), s.title(), "", 1, s.text(), x -> 0);
        if (excerpt.isEmpty()) {
          continue;
        }
        sections++;
        String first = excerpt.get().blocks().getFirst().sentences().getFirst().text();
        if (ExcerptBuilder.dangling(first)) {
          dangling.add(d.id() + "#" + s.title() + ": " + first);
        }
      }
    }
    assertThat(sections).as("sections read").isGreaterThan(1000);
    assertThat(dangling).as("excerpts that open pointing back").isEmpty();
  }
}
