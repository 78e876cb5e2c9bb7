package org.metshub.ingest.infer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metshub.kb.Vocabularies;

class CancerTypeInferenceTest {
  private final CancerTypeInference inference =
      new CancerTypeInference(Vocabularies.bundled().cancerTypes());

  private List<String> types(String title, String body) {
    return inference.infer(Texts.of(title, body)).types();
  }

  @Test
  void aCancerNamedInTheTitleIsChosen() {
    assertThat(types("Breast Cancer Treatment", "Treatment depends on the stage."))
        .containsExactly("breast");
    assertThat(types("Cancer of the Vulva", "Treatment depends on the stage."))
        .containsExactly("vulvar");
  }

  @Test
  void organWordsNamedAsBodyPartsAreNotCancers() {
    CancerTypeInference.Result r =
        inference.infer(
            Texts.of(
                "Side effects of treatment",
                "Some medicines harm the liver. A skin rash is common. Drink water to protect your"
                    + " kidneys and bladder."));
    assertThat(r.types()).containsExactly("general");
    assertThat(r.of("liver").weak()).isEqualTo(1);
    assertThat(r.of("liver").supported()).isFalse();
    assertThat(r.of("liver").describe()).contains("only as a body part");
  }

  @Test
  void negatedMentionsDoNotCount() {
    CancerTypeInference.Result r =
        inference.infer(
            Texts.of(
                "Scan results",
                "There was no evidence of lung cancer. The biopsy did not show melanoma."));
    assertThat(r.types()).containsExactly("general");
    assertThat(r.of("lung").negated()).isEqualTo(1);
    assertThat(r.of("melanoma").negated()).isEqualTo(1);
  }

  @Test
  void whatTheTextSaysItIsNotAboutIsLeftOut() {
    assertThat(
            types(
                "Coping with fatigue",
                "This page is not about breast cancer or its"
                    + " treatment. This summary does not cover prostate, ovarian or bladder cancer."))
        .containsExactly("general");
    assertThat(
            types(
                "Metastatic breast cancer",
                "Breast cancer that spreads to the lung is"
                    + " still breast cancer, not lung cancer."))
        .doesNotContain("lung")
        .contains("breast");
    assertThat(
            types(
                "Adult leukemia",
                "For information about childhood leukemia, see the" + " childhood summary."))
        .doesNotContain("childhood cancers");
  }

  @Test
  void aNegationStopsAtButAndAtTheEndOfTheSentence() {
    assertThat(types("Scans", "There is no cure yet, but breast cancer can be treated."))
        .contains("breast");
    assertThat(types("Scans", "There is no cure yet. Lung cancer can be treated."))
        .contains("lung");
  }

  @Test
  void sideMentionsInALongTextAreLeftOut() {
    String body =
        Texts.filler(300)
            + "Hodgkin lymphoma is treated with chemotherapy. ".repeat(20)
            + "Survivors have a higher risk of breast cancer later in life.";
    CancerTypeInference.Result r = inference.infer(Texts.of("Late effects", body));
    assertThat(r.types()).containsExactly("lymphoma");
    assertThat(r.of("breast").supported()).isTrue();
  }

  @Test
  void manyTypesAndNoneInTheTitleMeanCancerInGeneral() {
    String body =
        Texts.filler(250)
            + ("Breast cancer, lung cancer, colon cancer, prostate"
                    + " cancer, ovarian cancer, bladder cancer and kidney cancer are common. ")
                .repeat(3);
    assertThat(types("Cancer statistics", body)).containsExactly("general");
  }

  @Test
  void cancerThatSpreadsIsMetastaticCancer() {
    assertThat(types("When Cancer Spreads to Bone", "A single dose of radiation may help."))
        .containsExactly("metastatic cancer");
    assertThat(types("Spread the word", "Share this page with friends."))
        .containsExactly("general");
  }

  @Test
  void namesOfSeveralWordsBeatTheWordsInsideThem() {
    assertThat(types("Ewing Sarcoma Treatment", "Treatment depends on the stage."))
        .containsExactly("bone");
    assertThat(types("Uveal melanoma", "Treatment depends on the size.")).contains("eye");
  }

  @Test
  void childhoodCancerIsCancerInChildrenNotChildrenOfPeopleWithCancer() {
    assertThat(types("Kidney Cancer in Children", "Treatment depends on the stage."))
        .containsExactlyInAnyOrder("kidney", "childhood cancers");
    assertThat(
            types("Talking with your children about cancer", "Be honest and keep it" + " simple."))
        .doesNotContain("childhood cancers");
    assertThat(
            types(
                "After a diagnosis",
                "Experts who treat adolescents and young adults with"
                    + " cancer answer questions."))
        .contains("childhood cancers");
  }

  @Test
  void spanishTextIsRead() {
    assertThat(types("Cáncer de mama metastásico", "El cáncer de mama puede diseminarse."))
        .containsExactlyInAnyOrder("breast", "metastatic cancer");
  }

  @Test
  void theUrlNamesATypeOnlyWhenTheTextDoesToo() {
    CancerTypeInference.Result agreed =
        inference.infer(
            Texts.of(
                "Stages",
                "https://www.cancer.gov/types/kidney/stages",
                "Kidney cancer has four stages."));
    assertThat(agreed.of("kidney").salient()).isTrue();
    CancerTypeInference.Result urlOnly =
        inference.infer(
            Texts.of(
                "Melanoma photos",
                "https://www.cancer.gov/types/skin/melanoma-photos",
                "Photos of moles and melanoma."));
    assertThat(urlOnly.of("skin").inUrl()).isTrue();
    assertThat(urlOnly.of("skin").describe())
        .isEqualTo("named only in the URL, not as a cancer" + " in the text");
    assertThat(urlOnly.types()).containsExactly("melanoma");
  }

  @Test
  void reconcileDropsUnsupportedTypesAddsTitledOnesAndGivesReasons() {
    CancerTypeInference.Result r =
        inference.infer(
            Texts.of(
                "Metastatic Breast Cancer",
                "Breast cancer can spread to the liver, lungs or bones."));
    CancerTypeInference.Reconciled rec =
        inference.reconcile(List.of("breast", "liver", "lung", "skin"), r);
    assertThat(rec.types()).containsExactlyInAnyOrder("breast", "metastatic cancer");
    assertThat(rec.changes())
        .extracting(CancerTypeInference.Change::value)
        .containsExactlyInAnyOrder("liver", "lung", "skin", "metastatic cancer");
    assertThat(rec.changes())
        .filteredOn(c -> c.value().equals("skin"))
        .extracting(CancerTypeInference.Change::reason)
        .containsExactly("never mentioned");
  }

  @Test
  void reconcileKeepsGeneralOnlyWhenNothingMoreSpecificIsLeft() {
    CancerTypeInference.Result coping =
        inference.infer(Texts.of("Coping with stress", "Talk with people you trust."));
    assertThat(inference.reconcile(List.of("general"), coping).types()).containsExactly("general");
    CancerTypeInference.Result colon =
        inference.infer(
            Texts.of("Colon Cancer Treatment", "Surgery is the most common treatment."));
    assertThat(inference.reconcile(List.of("general"), colon).types())
        .containsExactly("colorectal");
    assertThat(inference.reconcile(List.of("skin"), coping).types()).containsExactly("general");
    CancerTypeInference.Result society =
        inference.infer(
            Texts.of(
                "A cancer charity",
                "It supports people with any cancer, including metastatic cancer."));
    assertThat(inference.reconcile(List.of("general", "metastatic cancer"), society).types())
        .containsExactly("general", "metastatic cancer");
  }

  @Test
  void aPageThatNamesManyTypesButNoneInItsTitleKeepsOnlyGeneral() {
    String body =
        Texts.filler(250)
            + ("Breast cancer, lung cancer, colon cancer, prostate"
                    + " cancer, ovarian cancer, bladder cancer and kidney cancer are listed. ")
                .repeat(3)
            + "Breast cancer is the most common.";
    CancerTypeInference.Result r = inference.infer(Texts.of("Treatment summaries", body));
    assertThat(r.types()).containsExactly("general");
    assertThat(r.broad()).isTrue();
    CancerTypeInference.Reconciled rec = inference.reconcile(List.of("breast", "lung"), r);
    assertThat(rec.types()).containsExactly("general");
    assertThat(rec.changes())
        .extracting(CancerTypeInference.Change::reason)
        .contains(
            "the page names many cancer types and its title none: it is about cancer in"
                + " general");
  }

  @Test
  void whenNoListedTypeIsPlausibleTwoBodyMentionsAreEnoughToReplaceIt() {
    String body =
        Texts.filler(250)
            + "It treats gastroenteropancreatic neuroendocrine tumors"
            + " and carcinoid syndrome in adults.";
    CancerTypeInference.Result r = inference.infer(Texts.of("Lanreotide", body));
    assertThat(r.types()).containsExactly("general");
    assertThat(inference.reconcile(List.of("pancreatic"), r).types())
        .containsExactly("neuroendocrine");
  }
}
