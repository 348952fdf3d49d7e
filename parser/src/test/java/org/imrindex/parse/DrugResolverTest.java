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

  @Test
  void aCompoundingKitIsItsActiveIngredientWithThatIngredientsClass() {
    // FusePaq kits: an oral suspension the pharmacy mixes from the kit (sources in drugs.txt)
    assertEquals(new Drug("tramadol", "Synapryn", DrugClass.OPIOID, "10mg/ml", null, null, List.of("tramadol")),
        resolver.resolve("Synapryn 10mg/ml oral suspension 500ml"));
    assertEquals(new Drug("cyclobenzaprine", "Tabradol", DrugClass.MUSCLE_RELAXANT, "1mg/ml", null, null, List.of("cyclobenzaprine")),
        resolver.resolve("Tabradol 1mg/ml oral suspension 250ml"));
    assertEquals(new Drug("gabapentin", "Fanatrex", DrugClass.ANTICONVULSANT, "25mg/ml", 1, null, List.of("gabapentin")),
        resolver.resolve("Fanatrex 25mg/ml oral suspension 420ml #1"));
    assertEquals(new Drug("diphenhydramine", "Dicopanol", DrugClass.OTHER, "5mg/ml", null, null, List.of("diphenhydramine")),
        resolver.resolve("Dicopanol (diphenhydramine) 5mg/ml oral suspension 150ml"));
  }

  @Test
  void aCompoundedOralSuspensionKeepsItsDrugsClass() {
    // compounded, but from one listed drug and swallowed: not a compound cream
    assertEquals(DrugClass.OPIOID, resolver.resolve("Compounded Synapryn oral suspension 500ml").drugClass());
    assertEquals(DrugClass.MUSCLE_RELAXANT, resolver.resolve("Cyclobenzaprine compounded oral suspension 1mg/ml").drugClass());
    // while the same drug compounded into a cream is one
    assertEquals(DrugClass.COMPOUND, resolver.resolve("Compounded cyclobenzaprine cream").drugClass());
  }

  @Test
  void aKitTheLexiconDoesNotKnowNamesNoDrug() {
    // Deprizine and Ketophene: no source for their ingredients was found, so no guess
    assertEquals(new Drug(null, null, null, "15mg/ml", null, null, List.of()), resolver.resolve("Deprizine 15mg/ml oral suspension 250ml"));
    assertEquals(null, resolver.resolve("Ketophene 20% cream").generic());
  }

  @Test
  void aMixtureWithoutPercentagesIsStillACompoundOfEveryIngredient() {
    // a cream's weight in grams, or bare generics joined by slashes that no combination product has
    assertEquals(new Drug("gabapentin/ketoprofen", null, DrugClass.COMPOUND, null, null, null, List.of("gabapentin", "ketoprofen")),
        resolver.resolve("Gabapentin/Ketoprofen 240gm"));
    assertEquals(List.of("flurbiprofen", "cyclobenzaprine", "lidocaine"),
        resolver.resolve("Flurbiprofen/Cyclobenzaprine/Lidocaine").ingredients());
    assertEquals(DrugClass.COMPOUND, resolver.resolve("Flurbiprofen/Cyclobenzaprine/Lidocaine").drugClass());
    // percent written as a word
    assertEquals(new Drug("flurbiprofen/lidocaine", null, DrugClass.COMPOUND, null, null, null, List.of("flurbiprofen", "lidocaine")),
        resolver.resolve("Flurbiprofen 20 percent, Lidocaine 5 percent"));
    // a combination product stays itself, and two brands side by side are two products, the first the request's
    assertEquals(DrugClass.OPIOID, resolver.resolve("Tramadol/Acetaminophen 37.5/325mg #60").drugClass());
    assertEquals("carisoprodol", resolver.resolve("Soma/Norco").generic());
  }

  @Test
  void percentagesAreStrengthsNotQuantities() {
    assertEquals(new Drug("lidocaine", null, DrugClass.TOPICAL, "1percent", null, null, List.of("lidocaine")),
        resolver.resolve("Lidocaine hcl 1percent ointment"));
    assertEquals(new Drug("lidocaine", "Lidoderm", DrugClass.TOPICAL, "5%", 30, null, List.of("lidocaine")),
        resolver.resolve("Lidoderm 5% patches #30"));
  }

  @Test
  void anUnknownQuantityIsNoQuantity() {
    assertEquals(new Drug("hydrocodone/acetaminophen", "Norco", DrugClass.OPIOID, "10/325mg", null, null,
        List.of("hydrocodone", "acetaminophen")), resolver.resolve("Norco 10/325mg (unknown quantity)"));
    assertEquals(new Drug("lidocaine", null, DrugClass.TOPICAL, "5%", null, null, List.of("lidocaine")),
        resolver.resolve("Lidocaine 5% patch (unknown quantity)"));
  }

  @Test
  void aDateOfServiceIsNeitherAStrengthNorAQuantity() {
    assertEquals(new Drug("hydrocodone/acetaminophen", "Norco", DrugClass.OPIOID, null, null, null,
        List.of("hydrocodone", "acetaminophen")), resolver.resolve("Retrospective Norco (DOS 1/12/2015-2/12/2015)"));
    assertEquals(new Drug("tramadol", null, DrugClass.OPIOID, "150mg", 30, null, List.of("tramadol")),
        resolver.resolve("Retrospective request: Tramadol ER 150mg (DOS: 12/29/16) #30"));
    assertEquals(new Drug("trazodone", null, DrugClass.ANTIDEPRESSANT, "50mg", 30, null, List.of("trazodone")),
        resolver.resolve("Trazodone 50mg #30 (DOS 1/12/2015 - 2/12/2015)"));
  }

  @Test
  void aRetrospectivePrefixIsNotADrug() {
    assertEquals(new Drug("lidocaine", "Lidoderm", DrugClass.TOPICAL, "5%", 30, null, List.of("lidocaine")),
        resolver.resolve("Retrospective: Lidoderm 5% patches #30 (DOS 02/03/2015)"));
    assertEquals(new Drug(null, null, null, null, null, null, List.of()), resolver.resolve("Retrospective E-stim (DOS 12/29/16)"));
  }

  @Test
  void releaseFormsAreReadAsTheProduct() {
    // ER, XR, CR, DR name a release form, not a drug, a strength or a quantity
    assertEquals(new Drug("tramadol", null, DrugClass.OPIOID, "150mg", 30, null, List.of("tramadol")),
        resolver.resolve("Tramadol ER 150mg #30"));
    assertEquals(new Drug("tramadol", null, DrugClass.OPIOID, "100mg", 30, null, List.of("tramadol")),
        resolver.resolve("Tramadol XR 100mg #30"));
    assertEquals(new Drug("oxycodone", "OxyContin", DrugClass.OPIOID, "20mg", 60, null, List.of("oxycodone")),
        resolver.resolve("OxyContin CR 20mg #60"));
    assertEquals(new Drug("zolpidem", "Ambien", DrugClass.SLEEP_AID, "12.5 mg", 30, null, List.of("zolpidem")),
        resolver.resolve("Ambien CR 12.5 mg #30"));
    assertEquals(new Drug("omeprazole", null, DrugClass.PPI, "20mg", 60, null, List.of("omeprazole")),
        resolver.resolve("Omeprazole DR 20mg #60"));
  }

  @Test
  void aVolumeAloneIsTheAmountDispensedNotAStrength() {
    assertEquals(null, resolver.resolve("Terocin lotion 120ml").strength());
    assertEquals("5mg/ml", resolver.resolve("Dicopanol 5mg/ml oral suspension 150ml").strength());
  }
}
