package org.imrindex.model;

import java.util.List;
import java.util.Objects;

/**
 * One guideline document, and section of it, that a reviewer's citation names: "MTUS Low Back
 * Complaints 2004, Section(s): Special Studies" is {@code {MTUS, "Low Back Complaints", 2004, "Special
 * Studies", []}}. A citation naming several sections of a document is one of these per section.
 *
 * @param source the guideline family the document belongs to: MTUS for the MTUS's documents, the ACOEM
 *     chapters it adopted among them ("Low Back Complaints", which {@link Decision#guidelineSources()}
 *     lists as both MTUS and ACOEM); ACOEM for ACOEM guidance outside the MTUS (the 3rd edition's
 *     "Low Back Disorders"); ODG for a chapter of the Official Disability Guidelines; OTHER for the rest
 * @param document the document's canonical name ("Chronic Pain Medical Treatment Guidelines", ODG
 *     chapter "Shoulder", "UpToDate"), or as written when the parser's rules do not know it; null when
 *     the citation names the family alone ("MTUS Guidelines Page(s): 74-82")
 * @param year the document's year as cited ("2016", "(2009)"), or null
 * @param section the section cited, by its canonical name ("Physical medicine treatment" for "Physical
 *     Medicine"), or as written when unknown; null when the citation names none
 * @param pages the pages cited with this section, ranges expanded, sorted (of any family: the MTUS
 *     pages alone are {@link Decision#mtusPages()})
 */
public record GuidelineCitation(GuidelineSource source, String document, Integer year, String section, List<Integer> pages) {

  public GuidelineCitation {
    Objects.requireNonNull(source, "source");
    pages = List.copyOf(pages);
  }
}
