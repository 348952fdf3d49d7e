package org.imrindex.lexicon;

/**
 * A lexicon product found in a text.
 *
 * @param entry the product
 * @param start offset of the first character of the match in the text
 * @param end offset after the last character of the match
 */
public record DrugMatch(DrugEntry entry, int start, int end) {

  /** The matched characters as written in {@code text}. */
  public String written(CharSequence text) {
    return text.subSequence(start, end).toString();
  }
}
