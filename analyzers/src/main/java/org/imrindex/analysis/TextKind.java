package org.imrindex.analysis;

/** The kinds of text the index holds; each kind gets its analyzer from {@link Analyzers}. */
public enum TextKind {
  /** Prose: rationale, summary, the whole letter. */
  PROSE,
  /** A disputed request as written ("Norco 10/325mg#120"). */
  ITEM,
  /** A guideline citation ("MTUS Chronic Pain … Page(s): 74-82"). */
  CITATION
}
