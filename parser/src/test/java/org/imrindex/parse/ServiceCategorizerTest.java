package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
