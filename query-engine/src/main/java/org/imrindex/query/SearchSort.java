package org.imrindex.query;

/** Hit order of a search. */
public enum SearchSort {
  /** Best match first. */
  RELEVANCE,
  /** Newest decision (or letter) date first; undated last. */
  DATE,
  /** Oldest date first; undated last. */
  OLDEST
}
