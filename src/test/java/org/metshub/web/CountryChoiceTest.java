package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountryChoiceTest {
  @Test
  void namesInEitherLanguageAndCodesAreReadAccentsAndCaseIgnored() {
    CountryChoice c = CountryChoice.read("Irlanda, new zealand; pt ,, MÉXICO, Mexico");
    assertThat(c.codes()).containsExactly("IE", "NZ", "PT", "MX");
    assertThat(c.unknown()).isEmpty();
  }

  @Test
  void whatNamesNoCountryIsKeptToBeReported() {
    CountryChoice c = CountryChoice.read("Spain, Atlantis, XX");
    assertThat(c.codes()).containsExactly("ES");
    assertThat(c.unknown()).containsExactly("Atlantis", "XX");
    assertThat(CountryChoice.read("  ").codes()).isEmpty();
  }
}
