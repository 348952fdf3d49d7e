package org.imrindex.model;

import java.util.List;

/**
 * The decision on one disputed item.
 *
 * @param item the disputed request as written: for a partly authorised request, the portion the IMR
 *     decided; empty only when the letter's heading could not be read (the letter then has a warning)
 * @param originalRequest the request as the provider made it, when the heading says UR authorised part
 *     of it ("X was the original request"); null otherwise
 * @param authorizedByClaimsAdministrator the part the claims administrator authorised, as written; null
 *     when the heading does not say
 * @param outcome upheld or overturned; null only when the letter does not say
 * @param serviceCategory what kind of service the item is
 * @param drug the drug, for pharmaceutical items; null otherwise
 * @param claimsAdministratorGuideline what utilization review relied upon, as written
 * @param reviewerGuideline what the IMR reviewer relied upon, as written
 * @param guidelineSources guideline families of the reviewer's citation
 * @param mtusPages MTUS pages of the reviewer's citation, ranges expanded, sorted
 * @param guidelineCitations the documents and sections the reviewer's citation names, in its order
 * @param rationale the decision rationale
 * @param reasons why the decision came out as it did, read from the rationale by the parser's rules
 *     (each code once, in {@link ReasonCode} order, with the sentence that gave it); empty when no rule
 *     applies
 */
public record Decision(
    String item,
    String originalRequest,
    String authorizedByClaimsAdministrator,
    Outcome outcome,
    ServiceCategory serviceCategory,
    Drug drug,
    String claimsAdministratorGuideline,
    String reviewerGuideline,
    List<GuidelineSource> guidelineSources,
    List<Integer> mtusPages,
    List<GuidelineCitation> guidelineCitations,
    String rationale,
    List<Reason> reasons) {

  public Decision {
    guidelineSources = List.copyOf(guidelineSources);
    mtusPages = List.copyOf(mtusPages);
    guidelineCitations = List.copyOf(guidelineCitations);
    reasons = List.copyOf(reasons);
  }
}
