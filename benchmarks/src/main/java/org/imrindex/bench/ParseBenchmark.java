package org.imrindex.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.imrindex.corpus.GeneratedLetter;
import org.imrindex.corpus.LetterGenerator;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.model.Source;
import org.imrindex.parse.LetterParser;
import org.imrindex.parse.LetterRejectedException;

/**
 * Parse throughput on one thread: generated letters, held in memory as bytes (as if read from
 * disk), decoded and parsed to records. Baseline in the same run: decoding the same bytes only.
 *
 * <p>Usage: {@code bin/bench parse [--count N] [--seed S] [--rounds R]}
 */
public final class ParseBenchmark {

  /** The figures of one run. */
  public record Result(int letters, long bytes, int decisions, double parseSeconds, double decodeSeconds) {

    double lettersPerSecond() {
      return letters / parseSeconds;
    }

    double megabytesPerSecond() {
      return bytes / 1e6 / parseSeconds;
    }

    String table() {
      return String.format(Locale.ROOT, """
          parse, 1 thread: %,d letters (%,d decisions, %.1f MB)
            parse to records   %8.3f s   %,10.0f letters/s   %7.1f MB/s
            baseline: decode   %8.3f s   %,10.0f letters/s   %7.1f MB/s
            parse / decode time ratio: %.1fx
          """, letters, decisions, bytes / 1e6, parseSeconds, lettersPerSecond(), megabytesPerSecond(),
          decodeSeconds, letters / decodeSeconds, bytes / 1e6 / decodeSeconds, parseSeconds / decodeSeconds);
    }

    String json() {
      return String.format(Locale.ROOT,
          "{\"benchmark\":\"parse\",\"threads\":1,\"letters\":%d,\"bytes\":%d,\"decisions\":%d,\"parseSeconds\":%.4f,"
              + "\"lettersPerSecond\":%.1f,\"megabytesPerSecond\":%.2f,\"decodeSeconds\":%.4f,\"parseToDecodeRatio\":%.2f,"
              + "\"java\":\"%s\"}",
          letters, bytes, decisions, parseSeconds, lettersPerSecond(), megabytesPerSecond(), decodeSeconds,
          parseSeconds / decodeSeconds, System.getProperty("java.version"));
    }
  }

  private ParseBenchmark() {}

  /** Runs the benchmark: {@code rounds} timed passes after one warm-up pass; the fastest pass counts. */
  public static Result run(int count, long seed, int rounds) throws LetterRejectedException {
    LetterGenerator generator = new LetterGenerator(seed);
    List<byte[]> texts = new ArrayList<>(count);
    long bytes = 0;
    for (int i = 0; i < count; i++) {
      GeneratedLetter g = generator.next();
      byte[] b = g.text().getBytes(StandardCharsets.UTF_8);
      texts.add(b);
      bytes += b.length;
    }
    LetterParser parser = new LetterParser();
    int decisions = parseAll(parser, texts); // warm-up
    decodeAll(texts);
    double best = Double.MAX_VALUE;
    double bestDecode = Double.MAX_VALUE;
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      decodeAll(texts);
      long t1 = System.nanoTime();
      parseAll(parser, texts);
      long t2 = System.nanoTime();
      bestDecode = Math.min(bestDecode, (t1 - t0) / 1e9);
      best = Math.min(best, (t2 - t1) / 1e9);
    }
    return new Result(count, bytes, decisions, best, bestDecode);
  }

  private static int parseAll(LetterParser parser, List<byte[]> texts) throws LetterRejectedException {
    int decisions = 0;
    Source source = new Source("bench", "-", "text/plain", null);
    for (byte[] b : texts) {
      DeterminationLetter l = parser.parseText(org.imrindex.parse.TextExtractor.decode(b), source);
      decisions += l.decisions().size();
    }
    return decisions;
  }

  private static long sink;

  private static void decodeAll(List<byte[]> texts) {
    long n = 0;
    for (byte[] b : texts) {
      n += org.imrindex.parse.TextExtractor.decode(b).length();
    }
    sink += n;
  }

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse("parse", args, "--count", "10000", "--seed", "42", "--rounds", "3");
    int count = a.integer("--count");
    long seed = a.number("--seed");
    int rounds = a.integer("--rounds");
    Result r = run(count, seed, rounds);
    System.out.print(r.table());
    System.out.println(r.json());
  }
}
