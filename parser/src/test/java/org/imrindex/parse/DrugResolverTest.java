package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.imrindex.lexicon.DrugClass;
import org.imrindex.lexicon.DrugLexicon;
import org.imrindex.model.Drug;
import org.junit.jupiter.api.Test;

class DrugResolverTest {

  private final DrugResolver resolver = new DrugResolver(DrugLexicon.standard());

  @Test
  void brandWithGluedStrengthAndQuantity() {
    assertEquals(new Drug("hydrocodone/acetaminophen", "Norco", DrugClass.OPIOID, "10/325mg", 120, null,
        List.of("hydrocodone", "acetaminophen")), resolver.resolve("Norco 10/325mg#120"));
  }

  @Test
  void quantityWrittenFirstAndDashedStrength() {
    assertEquals(new Drug("oxycodone/acetaminophen", "Percocet", DrugClass.OPIOID, "7.5mg-500mg", 90, null,
        List.of("oxycodone", "acetaminophen")), resolver.resolve("90 Tablets of Percocet 7.5mg-500mg"));
  }

  @Test
  void genericWithQtyAndRefills() {
    assertEquals(new Drug("temazepam", "Restoril", DrugClass.BENZODIAZEPINE, "15 mg", 30, 2, List.of("temazepam")),
        resolver.resolve("Restoril 15 mg Qty 30 with 2 refills"));
    assertEquals(new Drug("ibuprofen", null, DrugClass.NSAID, "800 mg", 90, null, List.of("ibuprofen")),
        resolver.resolve("Ibuprofen 800 mg Qty 90"));
  }

  @Test
  void transdermalOpioidKeepsItsClass() {
    assertEquals(new Drug("fentanyl", null, DrugClass.OPIOID, "100mcg", 15, null, List.of("fentanyl")),
        resolver.resolve("Fentanyl Patches 100mcg #15"));
  }

  @Test
  void topicalNsaidIsTopical() {
    assertEquals(DrugClass.TOPICAL, resolver.resolve("Diclofenac sodium 1.5% topical solution 150ml").drugClass());
    assertEquals(DrugClass.NSAID, resolver.resolve("Diclofenac sodium ER 100mg #30").drugClass());
    assertEquals(DrugClass.TOPICAL, resolver.resolve("Flector patch 1.3% #60").drugClass());
  }

  @Test
  void combinationWrittenAsTwoGenericsFindsTheCombinationEntry() {
    assertEquals(new Drug("hydrocodone/acetaminophen", null, DrugClass.OPIOID, "325mg", 60, null,
        List.of("hydrocodone", "acetaminophen")), resolver.resolve("Hydrocodone 10mg / Acetaminophen 325mg #60"));
  }

  @Test
  void writtenOutMixtureIsACompoundWithItsIngredients() {
    assertEquals(new Drug("ketoprofen/cyclobenzaprine/lidocaine", null, DrugClass.COMPOUND, null, null, null,
        List.of("ketoprofen", "cyclobenzaprine", "lidocaine")),
        resolver.resolve("Compound: Ketoprofen 10%, Cyclobenzaprine 3%, Lidocaine 5% cream 120g"));
  }

  @Test
  void singleIngredientCreamOfASystemicDrugIsACompound() {
    assertEquals(DrugClass.COMPOUND, resolver.resolve("Gabapentin 10% cream").drugClass());
  }

  @Test
  void unknownDrugGivesNullsNotAGuess() {
    assertEquals(new Drug(null, null, null, "20mg", 30, null, List.of()), resolver.resolve("Zzyzxol 20mg #30"));
  }

  @Test
  void aDateIsNotAStrength() {
    assertEquals(null, resolver.resolve("Retrospective Norco (DOS 1/2/2014)").strength());
  }

  @Test
  void aWrittenOutMixtureIsACompoundOfEveryIngredientEvenWithoutAFormWord() {
    // CM17-0013716: no "cream", but percent strengths of three drugs
    assertEquals(new Drug("flurbiprofen/dextromethorphan/lidocaine", null, DrugClass.COMPOUND, null, 1, null,
        List.of("flurbiprofen", "dextromethorphan", "lidocaine")),
        resolver.resolve("Flurbiprofen 10%/Dextromethorphan 5%/Lidocaine 5%, 120grams #1"));
    assertEquals(new Drug("gabapentin/cyclobenzaprine/bupivacaine", null, DrugClass.COMPOUND, null, null, null,
        List.of("gabapentin", "cyclobenzaprine", "bupivacaine")),
        resolver.resolve("Gabapentin 10%, Cyclobenzaprine 6%, Bupivacaine 5% in cream base"));
  }

  @Test
  void aPercentStrengthIsATopicalForm() {
    // CM17-0006634: diclofenac dosed in percent is a topical NSAID, not an oral one
    assertEquals(new Drug("diclofenac", null, DrugClass.TOPICAL, "3%", 1, null, List.of("diclofenac")),
        resolver.resolve("Diclofenac sodium 3% 300mg/g #1"));
  }

  @Test
  void aBrandWrittenBesideItsGenericNamesTheProduct() {
    assertEquals(new Drug("tramadol", "Ultram", DrugClass.OPIOID, "50mg", 90, null, List.of("tramadol")),
        resolver.resolve("Ultram (tramadol) 50mg #90"));
    assertEquals(new Drug("meloxicam", "Mobic", DrugClass.NSAID, "15mg", 30, null, List.of("meloxicam")),
        resolver.resolve("Meloxicam (Mobic) 15mg #30"));
  }
}
