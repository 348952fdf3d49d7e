package org.imrindex.analysis;

/** Which side of search a chain serves: what the index holds, what a query looks for, or the literal text. */
public enum AnalysisMode {
  /** Index side: normalized, stemmed words; no synonyms (the index holds what the letter says). */
  INDEX,
  /** Query side: the index chain plus concept synonyms (drug brands, generics, classes, abbreviations). */
  QUERY,
  /** Exact mode, both sides: lowercase words and dosage parts only; no stemming, no synonyms. */
  EXACT
}
