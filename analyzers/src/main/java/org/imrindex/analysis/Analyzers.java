package org.imrindex.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/** The analyzer of each kind of text: the one place index and query analysis are chosen. */
public final class Analyzers {

  private Analyzers() {}

  /**
   * A new analyzer for text of {@code kind} under {@code chain}, for one side of search (analyzers
   * hold per-thread state; share one per index or searcher). Every kind of text gets the same
   * chain today; the switch is where a kind would get its own.
   */
  public static Analyzer of(AnalysisChain chain, TextKind kind, AnalysisMode mode) {
    return chain == AnalysisChain.STANDARD ? new StandardAnalyzer() : of(chain, kind, mode, MedicalVocabulary.standard());
  }

  /**
   * As {@link #of(AnalysisChain, TextKind, AnalysisMode)}, with the medical chain's words from
   * {@code vocabulary} instead of the bundled ones (the STANDARD chain has no vocabulary).
   */
  public static Analyzer of(AnalysisChain chain, TextKind kind, AnalysisMode mode, MedicalVocabulary vocabulary) {
    return switch (chain) {
      case STANDARD -> new StandardAnalyzer();
      case MEDICAL -> switch (kind) {
        case PROSE, ITEM, CITATION -> new MedicalAnalyzer(mode, vocabulary);
      };
    };
  }
}
