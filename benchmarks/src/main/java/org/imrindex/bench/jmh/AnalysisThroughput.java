package org.imrindex.bench.jmh;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.imrindex.analysis.AnalysisChain;
import org.imrindex.analysis.AnalysisMode;
import org.imrindex.analysis.Analyzers;
import org.imrindex.analysis.TextKind;
import org.imrindex.corpus.LetterGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tokens through each analysis chain, one thread: the medical index chain, its exact-mode twin, and
 * Lucene's StandardAnalyzer as the baseline, over the text of 200 generated letters. One operation
 * is the whole batch; the result is the token count, so the work cannot be optimised away.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnalysisThroughput {

  /** The chains compared. */
  public enum Chain {
    MEDICAL_INDEX, MEDICAL_EXACT, STANDARD
  }

  @Param({"MEDICAL_INDEX", "MEDICAL_EXACT", "STANDARD"})
  public Chain chain;

  private Analyzer analyzer;
  private List<String> texts;

  @Setup(Level.Trial)
  public void setUp() {
    analyzer = switch (chain) {
      case MEDICAL_INDEX -> Analyzers.of(AnalysisChain.MEDICAL, TextKind.PROSE, AnalysisMode.INDEX);
      case MEDICAL_EXACT -> Analyzers.of(AnalysisChain.MEDICAL, TextKind.PROSE, AnalysisMode.EXACT);
      case STANDARD -> Analyzers.of(AnalysisChain.STANDARD, TextKind.PROSE, AnalysisMode.INDEX);
    };
    LetterGenerator generator = new LetterGenerator(7);
    texts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      texts.add(generator.next().text());
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    analyzer.close();
  }

  @Benchmark
  public long analyzeBatch() throws IOException {
    long tokens = 0;
    for (String text : texts) {
      try (TokenStream ts = analyzer.tokenStream("text", text)) {
        ts.reset();
        while (ts.incrementToken()) {
          tokens++;
        }
        ts.end();
      }
    }
    return tokens;
  }
}
