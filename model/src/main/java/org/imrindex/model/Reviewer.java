package org.imrindex.model;

import java.util.List;

/**
 * The anonymous expert reviewer's credentials.
 *
 * @param specialties board specialties, normalized ("Family Practice" becomes "Family Medicine")
 * @param subspecialties subspecialties such as "Sports Medicine" or "Pain Medicine"
 * @param licensureStates USPS codes of the states of licensure, in letter order
 * @param raw the credential text as written, or null
 */
public record Reviewer(List<String> specialties, List<String> subspecialties, List<String> licensureStates, String raw) {

  public Reviewer {
    specialties = List.copyOf(specialties);
    subspecialties = List.copyOf(subspecialties);
    licensureStates = List.copyOf(licensureStates);
  }
}
