package org.imrindex.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.imrindex.corpus.GeneratedLetter;
import org.imrindex.corpus.LetterGenerator;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.model.Outcome;
import org.imrindex.model.Source;
import org.imrindex.parse.LetterParser;
import org.imrindex.parse.LetterRejectedException;

/**
 * Parse throughput on one thread: generated letters, held in memory as bytes (as if read from
 * disk), decoded and parsed to records. Baseline in the same run: decoding the same bytes only. The
 * records must hold the items and outcomes the generator wrote, or the run fails (exit status 1).
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

  /**
   * Runs the benchmark: one untimed pass whose records are checked against the generator's truth
   * (a wrong answer throws {@link WrongAnswer}), then {@code rounds} timed passes; the fastest counts.
   */
  public static Result run(int count, long seed, int rounds) throws LetterRejectedException {
    LetterGenerator generator = new LetterGenerator(seed);
    List<byte[]> texts = new ArrayList<>(count);
    List<String> generated = new ArrayList<>(count);
    long bytes = 0;
    for (int i = 0; i < count; i++) {
      GeneratedLetter g = generator.next();
      byte[] b = g.text().getBytes(StandardCharsets.UTF_8);
      texts.add(b);
      bytes += b.length;
      StringBuilder outcomes = new StringBuilder();
      g.items().forEach(it -> outcomes.append(it.upheld() ? 'U' : 'O'));
      generated.add(outcomes.toString());
    }
    LetterParser parser = new LetterParser();
    List<String> parsed = outcomesOf(parser, texts); // also the warm-up
    checkAgainstTruth(generated, parsed);
    int decisions = parsed.stream().mapToInt(String::length).sum();
    decodeAll(texts);
    double best = Double.MAX_VALUE;
    double bestDecode = Double.MAX_VALUE;
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      decodeAll(texts);
      long t1 = System.nanoTime();
      int again = parseAll(parser, texts);
      long t2 = System.nanoTime();
      new AnswerCheck("parse").same("decisions in timed round " + (r + 1), decisions, again).orFail();
      bestDecode = Math.min(bestDecode, (t1 - t0) / 1e9);
      best = Math.min(best, (t2 - t1) / 1e9);
    }
    return new Result(count, bytes, decisions, best, bestDecode);
  }

  /**
   * Fails the run unless every letter was parsed to the items the generator wrote, with their
   * outcomes: one string a letter, an item a character (U upheld, O overturned, ? none read).
   */
  static void checkAgainstTruth(List<String> generated, List<String> parsed) {
    AnswerCheck check = new AnswerCheck("parse").same("letters parsed", generated.size(), parsed.size());
    int wrong = 0;
    for (int i = 0; i < Math.min(generated.size(), parsed.size()); i++) {
      if (!generated.get(i).equals(parsed.get(i)) && wrong++ < 5) {
        check.same(String.format(Locale.ROOT, "gen-%06d.txt outcomes (U upheld, O overturned)", i + 1), generated.get(i), parsed.get(i));
      }
    }
    check.same("letters parsed to other items or outcomes than generated", 0, wrong);
    check.same("decisions", generated.stream().mapToInt(String::length).sum(), parsed.stream().mapToInt(String::length).sum());
    check.orFail();
  }

  private static List<String> outcomesOf(LetterParser parser, List<byte[]> texts) throws LetterRejectedException {
    List<String> out = new ArrayList<>(texts.size());
    Source source = new Source("bench", "-", "text/plain", null);
    for (byte[] b : texts) {
      StringBuilder sb = new StringBuilder();
      for (var d : parser.parseText(org.imrindex.parse.TextExtractor.decode(b), source).decisions()) {
        sb.append(d.outcome() == Outcome.UPHELD ? 'U' : d.outcome() == Outcome.OVERTURNED ? 'O' : '?');
      }
      out.add(sb.toString());
    }
    return out;
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
    AnswerCheck.exitOnWrongAnswer(() -> {
      Result r = run(count, seed, rounds);
      System.out.print(r.table());
      System.out.println("  every letter parsed to the items and outcomes the generator wrote");
      System.out.println(r.json());
    });
  }
}
