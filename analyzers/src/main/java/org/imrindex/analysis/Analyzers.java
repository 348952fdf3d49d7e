package org.imrindex.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/** The analyzer of each kind of text: the one place index and query analysis are chosen. */
public final class Analyzers {

  private Analyzers() {}

  /** A new analyzer for text of this kind (analyzers hold per-thread state; share one per index). */
  public static Analyzer forKind(TextKind kind) {
    return switch (kind) {
      case PROSE, ITEM, CITATION -> new StandardAnalyzer();
    };
  }
}
