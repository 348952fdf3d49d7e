package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.imrindex.lexicon.DrugLexicon;
import org.imrindex.model.ServiceCategory;
import org.junit.jupiter.api.Test;

class ServiceCategorizerTest {

  private static ServiceCategory of(String item) {
    return ServiceCategorizer.categorize(item, DrugLexicon.standard());
  }

  @Test
  void categorizesEachKindOfRequest() {
    assertEquals(ServiceCategory.PHARMACEUTICAL, of("Norco 10/325mg#120"));
    assertEquals(ServiceCategory.PHARMACEUTICAL, of("Lidoderm 5% patch #30"));
    assertEquals(ServiceCategory.PHARMACEUTICAL, of("Tramadol extended release 150mg"));
    assertEquals(ServiceCategory.PHYSICAL_MEDICINE, of("Post-operative physical therapy 2x4 for the right shoulder"));
    assertEquals(ServiceCategory.DIAGNOSTIC_IMAGING, of("MRI of the lumbar spine without contrast"));
    assertEquals(ServiceCategory.DIAGNOSTIC_TEST, of("EMG/NCV of the bilateral upper extremities"));
    assertEquals(ServiceCategory.DIAGNOSTIC_TEST, of("Urine drug screen"));
    assertEquals(ServiceCategory.DME, of("TENS unit purchase"));
    assertEquals(ServiceCategory.INJECTION, of("Ultrasound-guided cortisone injection, right shoulder"));
    assertEquals(ServiceCategory.SURGERY, of("L4-L5 posterior lumbar interbody fusion"));
    assertEquals(ServiceCategory.EVALUATION_MANAGEMENT, of("Orthopedic follow-up visit"));
    assertEquals(ServiceCategory.BEHAVIORAL_HEALTH, of("Cognitive behavioral therapy, 12 sessions"));
    assertEquals(ServiceCategory.PROGRAM, of("Functional restoration program, 80 hours"));
    assertEquals(ServiceCategory.HOME_HEALTH, of("Home health aide 4 hours per day"));
    assertEquals(ServiceCategory.OTHER, of("Gym membership"));
  }

  @Test
  void precedenceIsTheOrderOfTheRulesFile() {
    // the examples: an evaluation is what kind of evaluation it is
    assertEquals(ServiceCategory.PHYSICAL_MEDICINE, of("PT/OT evaluation"));
    assertEquals(ServiceCategory.BEHAVIORAL_HEALTH, of("Psychological evaluation"));
    assertEquals(ServiceCategory.EVALUATION_MANAGEMENT, of("Surgical consultation with a spine surgeon"));
    assertEquals(ServiceCategory.EVALUATION_MANAGEMENT, of("Medication management consultation"));
    assertEquals(ServiceCategory.DIAGNOSTIC_TEST, of("Pre-operative labs: PT/PTT"));
    assertEquals(ServiceCategory.PHYSICAL_MEDICINE, of("Pulsed ultrasound 2 times a week for 4 weeks"));
    assertEquals(ServiceCategory.DIAGNOSTIC_IMAGING, of("Ultrasound of the right shoulder"));
    assertEquals(ServiceCategory.PHYSICAL_MEDICINE, of("Electrical stimulation two times a week times 4 weeks"));
    assertEquals(ServiceCategory.DME, of("Electrical stimulation unit, 30 day rental"));
    assertEquals(ServiceCategory.SURGERY, of("Percutaneous neuroplasty, lumbar"));
    assertEquals(ServiceCategory.HOME_HEALTH, of("Daily RN visits for wound care"));
    assertEquals(ServiceCategory.BEHAVIORAL_HEALTH, of("Partial hospitalization program, 10 days"));
    assertEquals(ServiceCategory.OTHER, of("Transportation to and from medical appointments"));
    // a named drug is never equipment or surgery
    assertEquals(ServiceCategory.PHARMACEUTICAL, of("Lidoderm patch #30"));
  }

  @Test
  void anAssociatedSurgicalServiceIsCategorizedByWhatItIs() {
    assertEquals(ServiceCategory.DME, of("Associated surgical service: Shoulder sling with abduction pillow"));
    assertEquals(ServiceCategory.DIAGNOSTIC_TEST, of("Associated surgical service: EKG"));
    assertEquals(ServiceCategory.EVALUATION_MANAGEMENT, of("Associated surgical service: Medical clearance"));
    assertEquals(ServiceCategory.SURGERY, of("Associated surgical service: Assistant surgeon"));
    assertEquals(ServiceCategory.SURGERY, of("Associated surgical service: 2 day inpatient stay"));
  }

  @Test
  void theBundledRulesLoadAndCoverEveryCategoryButOther() {
    Set<ServiceCategory> seen = EnumSet.noneOf(ServiceCategory.class);
    ServiceCategorizer.rules().forEach(r -> seen.add(r.category()));
    Set<ServiceCategory> all = EnumSet.allOf(ServiceCategory.class);
    assertEquals(all, seen, "every category has a rule (other: stays that are not operations)");
    assertTrue(ServiceCategorizer.rules().size() > 40);
  }

  @Test
  void aBadRulesFileIsRefusedWithItsLineNumber() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> ServiceCategorizer.parse("# comment\n\nsurgery | fusion\nsurgical | laminectomy\n"));
    assertEquals("service-categories.txt line 4: unknown category 'surgical'", unknown.getMessage());
    IllegalArgumentException noBar = assertThrows(IllegalArgumentException.class, () -> ServiceCategorizer.parse("surgery fusion\n"));
    assertEquals("service-categories.txt line 1: expected 'category | pattern'", noBar.getMessage());
    IllegalArgumentException upper = assertThrows(IllegalArgumentException.class, () -> ServiceCategorizer.parse("surgery | Fusion\n"));
    assertEquals("service-categories.txt line 1: the pattern must be lowercase and not empty", upper.getMessage());
  }

  @Test
  void rulesAreTriedInTheirOrder() {
    DrugLexicon lexicon = DrugLexicon.standard();
    assertEquals(ServiceCategory.SURGERY, ServiceCategorizer.categorize("Knee brace after surgery", lexicon,
        ServiceCategorizer.parse("surgery | surgery\ndme | brace\n")));
    assertEquals(ServiceCategory.DME, ServiceCategorizer.categorize("Knee brace after surgery", lexicon,
        ServiceCategorizer.parse("dme | brace\nsurgery | surgery\n")));
  }

  @Test
  void groupingConsecutiveLinesOfACategoryKeepsTheirOrder() {
    List<ServiceCategorizer.Rule> rules = ServiceCategorizer.parse("dme | brace\ndme | sling\nsurgery | surgery\ndme | unit\n");
    List<ServiceCategorizer.Rule> grouped = ServiceCategorizer.grouped(rules);
    assertEquals(List.of(ServiceCategory.DME, ServiceCategory.SURGERY, ServiceCategory.DME),
        grouped.stream().map(ServiceCategorizer.Rule::category).toList());
    DrugLexicon lexicon = DrugLexicon.standard();
    for (String item : List.of("Sling after surgery", "Surgery unit", "Cold unit", "Knee brace", "Gym")) {
      assertEquals(ServiceCategorizer.categorize(item, lexicon, rules), ServiceCategorizer.categorize(item, lexicon, grouped), item);
    }
  }
}
