package org.imrindex.model;

import java.util.List;
import org.imrindex.lexicon.DrugClass;

/**
 * The drug of a pharmaceutical item.
 *
 * @param generic active ingredient(s), lowercase, "/"-joined, or null when the drug is unknown
 * @param brand the brand as written in the item, or null for a generic request
 * @param drugClass class by active ingredient, or null when the drug is unknown
 * @param strength strength as written ("10/325mg"), or null
 * @param quantity units requested, or null
 * @param refills refills requested, or null
 * @param ingredients active ingredients, in order
 */
public record Drug(String generic, String brand, DrugClass drugClass, String strength, Integer quantity,
    Integer refills, List<String> ingredients) {

  public Drug {
    ingredients = List.copyOf(ingredients);
  }
}
