package org.imrindex.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.imrindex.model.Decision;
import org.imrindex.model.GuidelineCitation;
import org.imrindex.model.GuidelineSource;
import org.imrindex.model.Outcome;
import org.imrindex.model.ServiceCategory;
import org.junit.jupiter.api.Test;

/** The guideline_document and guideline_topic values of a decision's citations. */
class GuidelineFacetsTest {

  private static Decision citing(GuidelineCitation... citations) {
    return new Decision("MRI of the lumbar spine", null, null, Outcome.UPHELD, ServiceCategory.DIAGNOSTIC_IMAGING, null, null, null,
        List.of(), List.of(), List.of(citations), "", List.of());
  }

  private static GuidelineCitation c(GuidelineSource source, String document, String section) {
    return new GuidelineCitation(source, document, null, section, List.of());
  }

  @Test
  void eachDocumentByFamilyAndShortNameEachTopicWithItsDocument() {
    Decision d = citing(c(GuidelineSource.MTUS, "Low Back Complaints", "Special Studies"),
        c(GuidelineSource.MTUS, "Low Back Complaints", "Summary"),
        c(GuidelineSource.MTUS, "Chronic Pain Medical Treatment Guidelines", "Electrodiagnostic testing (EMG/NCS)"),
        c(GuidelineSource.MTUS, "Opioid Treatment Guidelines", null),
        c(GuidelineSource.ODG, "Low Back", "MRI"),
        c(GuidelineSource.ACOEM, "Low Back Disorders", null),
        c(GuidelineSource.OTHER, "UpToDate", null),
        c(GuidelineSource.MTUS, null, null));
    assertEquals(List.of("MTUS Low Back", "MTUS Chronic Pain", "MTUS Opioid", "ODG Low Back", "ACOEM Low Back Disorders", "UpToDate",
        "MTUS"), FacetDimension.GUIDELINE_DOCUMENT.values(null, d));
    assertEquals(List.of("MTUS Low Back: Special Studies", "MTUS Low Back: Summary",
        "MTUS Chronic Pain: Electrodiagnostic testing (EMG/NCS)", "ODG Low Back: MRI"), FacetDimension.GUIDELINE_TOPIC.values(null, d));
  }

  @Test
  void aDecisionWithoutCitationsHasNoValue() {
    assertEquals(List.of(), FacetDimension.GUIDELINE_DOCUMENT.values(null, citing()));
    assertEquals(List.of(), FacetDimension.GUIDELINE_TOPIC.values(null, citing()));
    assertEquals(List.of("other"), FacetDimension.GUIDELINE_DOCUMENT.values(null, citing(c(GuidelineSource.OTHER, null, null))));
  }
}
