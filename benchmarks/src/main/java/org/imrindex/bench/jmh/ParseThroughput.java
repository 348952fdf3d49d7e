package org.imrindex.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.imrindex.corpus.LetterGenerator;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.model.Source;
import org.imrindex.parse.LetterParser;
import org.imrindex.parse.LetterRejectedException;
import org.imrindex.parse.TextExtractor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Letter parsing, one thread, on 200 generated letters held as bytes: decoding only (the
 * baseline), and decoding plus parsing to records. One operation is the whole batch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseThroughput {

  private static final Source SOURCE = new Source("bench.txt", null, "text/plain", null);

  private final LetterParser parser = new LetterParser();
  private List<byte[]> letters;

  @Setup(Level.Trial)
  public void setUp() {
    LetterGenerator generator = new LetterGenerator(7);
    letters = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      letters.add(generator.next().text().getBytes(StandardCharsets.UTF_8));
    }
  }

  @Benchmark
  public long decodeOnly() {
    long chars = 0;
    for (byte[] b : letters) {
      chars += TextExtractor.decode(b).length();
    }
    return chars;
  }

  @Benchmark
  public long decodeAndParse() throws LetterRejectedException {
    long decisions = 0;
    for (byte[] b : letters) {
      DeterminationLetter l = parser.parseText(TextExtractor.decode(b), SOURCE);
      decisions += l.decisions().size();
    }
    return decisions;
  }
}
