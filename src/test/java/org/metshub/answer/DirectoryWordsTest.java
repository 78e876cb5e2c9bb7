package org.metshub.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metshub.error.MetsHubException.BadInput;

class DirectoryWordsTest {
  private static final List<String> SERVICES = List.of("helpline", "support_groups");

  private static final String FILE =
      """
      # test
      services:
        helpline: [helpline, help line]
        support_groups: [support group]
      countrySynonyms:
        GB: [uk, the uk]
      nameWords: [foundation, society]
      littleWords: [a, the, 'y']
      placesOfCare: [hospital, clinica]
      """;

  private static String error(String text) {
    return assertThrows(BadInput.class, () -> DirectoryWords.read("d.yaml", text, SERVICES))
        .getMessage();
  }

  @Test
  void theBundledWordsLoad() {
    DirectoryWords words = DirectoryWords.bundled();
    assertThat(words.services().keySet()).startsWith("helpline", "support_groups");
    assertThat(words.services().get("helpline")).contains("talk to someone", "telefono");
    assertThat(words.countrySynonyms().get("GB")).contains("inglaterra");
    assertThat(words.nameWords()).contains("foundation", "pulmon", "spanish");
    assertThat(words.littleWords()).contains("a", "y", "on");
    assertThat(words.placesOfCare()).contains("hospital", "clinic", "clinica");
  }

  @Test
  void aSmallValidFileLoadsInOrder() {
    DirectoryWords words = DirectoryWords.read("d.yaml", FILE, SERVICES);
    assertThat(words.services().keySet()).containsExactly("helpline", "support_groups");
    assertThat(words.littleWords()).containsExactlyInAnyOrder("a", "the", "y");
  }

  @Test
  void anUnknownServiceIsRefused() {
    assertThat(error(FILE.replace("support_groups:", "support_group:")))
        .isEqualTo(
            "d.yaml: services.support_group: unknown service; expected one of [helpline,"
                + " support_groups]");
  }

  @Test
  void aMissingOrEmptyListIsNamed() {
    assertThat(error(FILE.replace("nameWords: [foundation, society]\n", "")))
        .isEqualTo("d.yaml: nameWords: is required and must be a non-empty list");
    assertThat(error(FILE.replace("[uk, the uk]", "[]")))
        .isEqualTo(
            "d.yaml: countrySynonyms.GB: is required and must be a non-empty list," + " got '[]'");
  }

  @Test
  void aDuplicateIsRefused() {
    assertThat(error(FILE.replace("[foundation, society]", "[foundation, society, foundation]")))
        .isEqualTo("d.yaml: nameWords[2]: is listed twice (also at [0]), got 'foundation'");
  }

  @Test
  void anEntryNotWrittenFoldedIsRefused() {
    assertThat(error(FILE.replace("help line]", "Teléfono]")))
        .isEqualTo(
            "d.yaml: services.helpline[1]: must be written folded (lower case, no accents or"
                + " apostrophes, one space between words) as 'telefono', got 'Teléfono'");
  }

  @Test
  void aBadCountryCodeIsRefused() {
    assertThat(error(FILE.replace("GB:", "Britain:")))
        .isEqualTo(
            "d.yaml: countrySynonyms.Britain: must be an ISO country code of two capital letters,"
                + " such as GB");
  }
}
