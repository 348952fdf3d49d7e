package org.imrindex.corpus;

import java.util.List;

/**
 * One synthetic letter and the truth it was generated from.
 *
 * @param name file name, e.g. {@code gen-000001.txt}
 * @param text the letter text
 * @param layout the layout's short name (standard, cover, documents-reviewed, professional-review)
 * @param caseNumber the case number written in the letter, or null
 * @param items the disputed items in order
 */
public record GeneratedLetter(String name, String text, String layout, String caseNumber, List<Item> items) {

  public GeneratedLetter {
    items = List.copyOf(items);
  }

  /**
   * A generated disputed item, as {@link org.imrindex.model.Decision} names its parts.
   *
   * @param item the request as written: for a partly authorised request, the portion the IMR decided
   *     (the whole original request in the "leaving the original request IMR eligible" form)
   * @param originalRequest the request as the provider made it, for a partly authorised request; null otherwise
   * @param authorizedByClaimsAdministrator the part the claims administrator authorised, as written; null
   *     when the request is not partly authorised
   * @param upheld true when the denial is upheld
   * @param generic the drug's generic, or null for a non-drug item
   * @param drugClass the drug's class, or null
   * @param mtusPages the pages of the reviewer's MTUS citation
   */
  public record Item(String item, String originalRequest, String authorizedByClaimsAdministrator, boolean upheld,
      String generic, String drugClass, List<Integer> mtusPages) {

    public Item {
      mtusPages = List.copyOf(mtusPages);
    }
  }
}
