package org.imrindex.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.imrindex.corpus.GeneratedLetter;
import org.imrindex.corpus.LetterGenerator;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.model.Outcome;
import org.imrindex.model.Source;
import org.imrindex.parse.LetterParser;
import org.imrindex.parse.LetterRejectedException;

/**
 * Parse throughput on one thread, in MB of letter text a second and letters a second: generated
 * real-size letters (or, with {@code --letters DIR}, the .txt letters of a folder, repeated to the
 * count), held in memory as bytes (as if read from disk), decoded and parsed to records. Baseline in
 * the same run: decoding the same bytes only. Generated letters must parse to the items and
 * outcomes the generator wrote; a folder's letters must each give at least one decision and the
 * same ones in every round; otherwise the run fails (exit status 1).
 *
 * <p>Usage: {@code bin/bench parse [--count N] [--seed S] [--rounds R] [--letters DIR]}
 */
public final class ParseBenchmark {

  /** The figures of one run. */
  public record Result(int letters, long bytes, int decisions, double parseSeconds, double decodeSeconds, String corpus) {

    double lettersPerSecond() {
      return letters / parseSeconds;
    }

    double megabytesPerSecond() {
      return bytes / 1e6 / parseSeconds;
    }

    String table() {
      return String.format(Locale.ROOT, """
          parse, 1 thread: %,d letters of %s (%,d decisions, %.1f MB, %.2f KB a letter)
            parse to records   %8.3f s   %7.1f MB/s   %,10.0f letters/s
            baseline: decode   %8.3f s   %7.1f MB/s   %,10.0f letters/s
            parse / decode time ratio: %.1fx
          """, letters, corpus, decisions, bytes / 1e6, bytes / 1e3 / letters, parseSeconds, megabytesPerSecond(), lettersPerSecond(),
          decodeSeconds, bytes / 1e6 / decodeSeconds, letters / decodeSeconds, parseSeconds / decodeSeconds);
    }

    String json() {
      return String.format(Locale.ROOT,
          "{\"benchmark\":\"parse\",\"threads\":1,\"letters\":%d,\"bytes\":%d,\"decisions\":%d,\"parseSeconds\":%.4f,"
              + "\"megabytesPerSecond\":%.2f,\"lettersPerSecond\":%.1f,\"decodeSeconds\":%.4f,\"parseToDecodeRatio\":%.2f,"
              + "\"corpus\":\"%s\",\"java\":\"%s\"}",
          letters, bytes, decisions, parseSeconds, megabytesPerSecond(), lettersPerSecond(), decodeSeconds,
          parseSeconds / decodeSeconds, corpus.replace("\\", "\\\\").replace("\"", "\\\""), System.getProperty("java.version"));
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
    for (int i = 0; i < count; i++) {
      GeneratedLetter g = generator.next();
      texts.add(g.text().getBytes(StandardCharsets.UTF_8));
      StringBuilder outcomes = new StringBuilder();
      g.items().forEach(it -> outcomes.append(it.upheld() ? 'U' : 'O'));
      generated.add(outcomes.toString());
    }
    LetterParser parser = new LetterParser();
    List<String> parsed = outcomesOf(parser, texts); // also the warm-up
    checkAgainstTruth(generated, parsed);
    return timed(parser, texts, parsed, rounds, "generated real-size letters, seed " + seed);
  }

  /**
   * Runs the benchmark on the .txt letters of {@code dir} and its subfolders (in name order),
   * repeated to {@code count}: one untimed pass in which every letter must give at least one
   * decision, then {@code rounds} timed passes that must give the same decisions.
   */
  public static Result runOnFolder(Path dir, int count, int rounds) throws IOException, LetterRejectedException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".txt") && Files.isRegularFile(p)).sorted().toList();
    }
    AnswerCheck found = new AnswerCheck("parse");
    if (files.isEmpty()) {
      found.same("letters (.txt) in " + dir, "at least one", "none").orFail();
    }
    List<byte[]> distinct = new ArrayList<>();
    for (Path f : files) {
      distinct.add(Files.readAllBytes(f));
    }
    List<byte[]> texts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      texts.add(distinct.get(i % distinct.size()));
    }
    LetterParser parser = new LetterParser();
    List<String> parsed = outcomesOf(parser, texts); // also the warm-up
    int empty = 0;
    for (int i = 0; i < distinct.size(); i++) {
      if (parsed.get(i).isEmpty() && empty++ < 5) {
        found.same(files.get(i).getFileName() + " decisions", "at least one", "none");
      }
    }
    found.same("letters parsed to no decision", 0, empty).orFail();
    return timed(parser, texts, parsed, rounds, files.size() + " letters of " + dir + ", repeated");
  }

  private static Result timed(LetterParser parser, List<byte[]> texts, List<String> parsed, int rounds, String corpus)
      throws LetterRejectedException {
    long bytes = 0;
    for (byte[] b : texts) {
      bytes += b.length;
    }
    int count = texts.size();
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
    return new Result(count, bytes, decisions, best, bestDecode, corpus);
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
    BenchArgs a = BenchArgs.parse("parse", args, "--count", "10000", "--seed", "42", "--rounds", "3", "--letters", "none");
    int count = a.integer("--count");
    long seed = a.number("--seed");
    int rounds = a.integer("--rounds");
    String letters = a.text("--letters").equals("none") ? "" : a.text("--letters");
    AnswerCheck.exitOnWrongAnswer(() -> {
      Result r = letters.isEmpty() ? run(count, seed, rounds) : runOnFolder(Path.of(letters), count, rounds);
      System.out.print(r.table());
      System.out.println(letters.isEmpty() ? "  every letter parsed to the items and outcomes the generator wrote"
          : "  every letter parsed to at least one decision, the same ones in every round");
      System.out.println(r.json());
    });
  }
}
