package org.imrindex.analysis;

/**
 * The analysis an index is built with. An index records its chain's id, and queries must use the
 * same chain: a different chain would look for terms the index does not hold.
 */
public enum AnalysisChain {
  /** The medical-term analysis of this project (see {@link MedicalAnalyzer}). */
  MEDICAL("medical-1"),
  /** Lucene's StandardAnalyzer: the baseline the medical analysis is measured against. */
  STANDARD("standard");

  private final String id;

  AnalysisChain(String id) {
    this.id = id;
  }

  /** The id written into the index; changes whenever the chain's output changes. */
  public String id() {
    return id;
  }

  /** The chain with this id, or null if no chain of this version has it. */
  public static AnalysisChain byId(String id) {
    for (AnalysisChain c : values()) {
      if (c.id.equals(id)) {
        return c;
      }
    }
    return null;
  }
}
