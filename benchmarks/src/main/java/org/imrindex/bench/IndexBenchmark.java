package org.imrindex.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.imrindex.analysis.AnalysisChain;
import org.imrindex.corpus.GeneratedCorpus;
import org.imrindex.index.IngestListener;
import org.imrindex.index.IngestRequest;
import org.imrindex.index.IngestSummary;
import org.imrindex.index.Ingester;
import org.imrindex.index.InputFiles;
import org.imrindex.parse.TextExtractor;

/**
 * End-to-end ingest of a generated corpus from text files, all cores, against three baselines in the
 * same run: plain Lucene (StandardAnalyzer, one text field, nothing stored, no parsing, no facets),
 * SQLite FTS5's load of the same texts, and the same imr ingest with Lucene's StandardAnalyzer in
 * place of the medical analysis (what the medical analysis costs). Before any figure is printed,
 * every ingest must have read every generated letter and decision, and the index must hold the
 * generator's ground truth (letters, decisions, upheld, report --by drug_class); otherwise the run
 * fails with the differences on stderr and exit status 1.
 *
 * <p>Usage: {@code bin/bench index [--count N] [--seed S] [--dir DIR] [--threads T] [--rounds R]}
 */
public final class IndexBenchmark {

  private IndexBenchmark() {}

  public static void main(String[] args) throws Exception {
    AnswerCheck.exitOnWrongAnswer(() -> run(args));
  }

  private static void run(String[] args) throws IOException {
    BenchArgs a = BenchArgs.parse("index", args, "--count", "100000", "--seed", "42", "--dir", BenchArgs.DEFAULT_DIR,
        "--threads", BenchArgs.ALL_CORES, "--rounds", "2");
    int count = a.integer("--count");
    long seed = a.number("--seed");
    Path dir = a.path("--dir");
    int threads = a.integer("--threads");
    int rounds = a.integer("--rounds");
    Path corpus = corpus(dir, count, seed);
    long inputBytes = folderBytes(corpus) - Files.size(corpus.resolve(GeneratedCorpus.MANIFEST));

    Path baselineIndex = dir.resolve("index-baseline");
    double baseline = Double.MAX_VALUE;
    long baselineBytes = 0;

    // plain Lucene, the StandardAnalyzer chain and ours alternate, `rounds` times each; the best time
    // of each counts, so that none gains from running later (JIT, page cache)
    Path standardChain = dir.resolve("index-imr-standard");
    Path ours = dir.resolve("index-imr");
    double standardSeconds = Double.MAX_VALUE;
    double seconds = Double.MAX_VALUE;
    IngestSummary std = null;
    IngestSummary s = null;
    long standardBytes = 0;
    long peakHeap = 0;
    double sqlite = Double.MAX_VALUE;
    List<Path> files = InputFiles.expand(List.of(corpus)).files();
    GroundTruth truth = GroundTruth.of(count, seed);
    new AnswerCheck("index").same("letter files in " + corpus, count, files.size()).orFail();
    for (int round = 0; round < rounds; round++) {
      try (SqliteBaseline db = new SqliteBaseline(dir.resolve("sqlite-load.db"))) {
        sqlite = Math.min(sqlite, db.loadTexts(files));
        new AnswerCheck("index").same("SQLite FTS5 rows loaded", files.size(), db.letterRows()).orFail();
      } catch (java.sql.SQLException e) {
        throw new IOException(e);
      }
      fresh(baselineIndex);
      baseline = Math.min(baseline, baseline(corpus, baselineIndex, threads));
      baselineBytes = folderBytes(baselineIndex);
      try (org.apache.lucene.index.DirectoryReader r = org.apache.lucene.index.DirectoryReader.open(FSDirectory.open(baselineIndex))) {
        new AnswerCheck("index").same("plain Lucene documents", files.size(), r.numDocs()).orFail();
      }

      fresh(standardChain);
      long ts = System.nanoTime();
      std = ingest(corpus, standardChain, threads, AnalysisChain.STANDARD);
      standardSeconds = Math.min(standardSeconds, (System.nanoTime() - ts) / 1e9);
      checkIngest("imr index, StandardAnalyzer chain", std, count, truth);
      standardBytes = folderBytes(standardChain);
      fresh(standardChain);

      fresh(ours);
      resetPeaks();
      long t0 = System.nanoTime();
      s = ingest(corpus, ours, threads, AnalysisChain.MEDICAL);
      seconds = Math.min(seconds, (System.nanoTime() - t0) / 1e9);
      peakHeap = Math.max(peakHeap, peakHeapBytes());
      checkIngest("imr index", s, count, truth);
    }
    // the index must hold what was generated before its speed means anything
    checkIndex(ours, count, truth);
    long oursBytes = folderBytes(ours);
    // what a user waits for: `imr index` as a new process (cold JIT, the launcher's defaults)
    Path cliIndex = dir.resolve("index-imr-cli");
    double cli = cliSeconds(corpus, cliIndex);
    if (cli >= 0) {
      checkIndex(cliIndex, count, truth);
    }
    double medicalToStandard = (s.letters() / seconds) / (std.letters() / standardSeconds);

    System.out.printf(Locale.ROOT, """
        imr index, %d threads, best of %d rounds: %,d letters (%,d decisions, %.1f MB of text), %,d rejected
          imr index            %7.1f s  %,8.0f letters/s  %6.2f MB/s  index %,6.1f MB = %.2f x input  peak heap %,d MB
          imr index, StandardAnalyzer chain %5.1f s  %,8.0f letters/s  index %,6.1f MB = %.2f x input
          baseline: plain Lucene %5.1f s  %,8.0f letters/s  %6.2f MB/s  index %,6.1f MB = %.2f x input
          imr / plain Lucene letters/s: %.2f
          baseline: SQLite FTS5 load (porter unicode61, one transaction, one thread) %5.1f s  %,8.0f letters/s
          imr / SQLite FTS5 letters/s: %.2f
          medical analysis / StandardAnalyzer letters/s (same imr ingest): %.2f
          ./imr index as a new process: %s
        """, threads, rounds, s.letters(), s.decisions(), inputBytes / 1e6, s.rejected().size(),
        seconds, s.letters() / seconds, inputBytes / 1e6 / seconds, oursBytes / 1e6, (double) oursBytes / inputBytes, peakHeap >> 20,
        standardSeconds, std.letters() / standardSeconds, standardBytes / 1e6, (double) standardBytes / inputBytes,
        baseline, count / baseline, inputBytes / 1e6 / baseline, baselineBytes / 1e6, (double) baselineBytes / inputBytes,
        (s.letters() / seconds) / (count / baseline), sqlite, count / sqlite, (s.letters() / seconds) / (count / sqlite),
        medicalToStandard,
        cli < 0 ? "not run (no imr.root)" : String.format(Locale.ROOT, "%.1f s, %,.0f letters/s, %.2f x plain Lucene, %.2f x SQLite",
            cli, count / cli, (count / cli) / (count / baseline), (count / cli) / (count / sqlite)));
    System.out.println(warmReport(ours, truth));
    System.out.printf(Locale.ROOT,
        "{\"benchmark\":\"index\",\"threads\":%d,\"letters\":%d,\"decisions\":%d,\"inputBytes\":%d,\"seconds\":%.3f,"
            + "\"lettersPerSecond\":%.1f,\"megabytesPerSecond\":%.3f,\"indexBytes\":%d,\"indexToInput\":%.3f,\"peakHeapBytes\":%d,"
            + "\"baselineSeconds\":%.3f,\"baselineIndexBytes\":%d,\"ratioToBaseline\":%.3f,"
            + "\"standardChainSeconds\":%.3f,\"standardChainIndexBytes\":%d,\"medicalToStandard\":%.3f,\"cliSeconds\":%.3f,\"sqliteSeconds\":%.3f,"
            + "\"java\":\"%s\"}%n",
        threads, s.letters(), s.decisions(), inputBytes, seconds, s.letters() / seconds, inputBytes / 1e6 / seconds, oursBytes,
        (double) oursBytes / inputBytes, peakHeap, baseline, baselineBytes, (s.letters() / seconds) / (count / baseline),
        standardSeconds, standardBytes, medicalToStandard, cli, sqlite, System.getProperty("java.version"));
  }

  private static IngestSummary ingest(Path corpus, Path index, int threads, AnalysisChain chain) throws IOException {
    return new Ingester(IngestRequest.defaults(index, List.of(corpus), threads, chain), IngestListener.NONE).run();
  }

  /**
   * What the generator wrote (its own record of each item, not a parse of the text): decisions,
   * upheld, and per drug class the decisions and how many were upheld.
   */
  record GroundTruth(long decisions, long upheld, Map<String, List<Long>> byDrugClass) {

    GroundTruth {
      byDrugClass = Map.copyOf(byDrugClass);
    }

    static GroundTruth of(int count, long seed) {
      Map<String, long[]> classes = new TreeMap<>();
      long decisions = 0;
      long upheld = 0;
      org.imrindex.corpus.LetterGenerator g = new org.imrindex.corpus.LetterGenerator(seed);
      for (int i = 0; i < count; i++) {
        for (org.imrindex.corpus.GeneratedLetter.Item item : g.next().items()) {
          decisions++;
          upheld += item.upheld() ? 1 : 0;
          if (item.drugClass() != null) {
            long[] c = classes.computeIfAbsent(item.drugClass(), k -> new long[2]);
            c[0]++;
            c[1] += item.upheld() ? 1 : 0;
          }
        }
      }
      Map<String, List<Long>> byClass = new TreeMap<>();
      classes.forEach((k, c) -> byClass.put(k, List.of(c[0], c[1])));
      return new GroundTruth(decisions, upheld, byClass);
    }
  }

  /** Fails the run unless an ingest read every generated letter and decision and rejected no file. */
  static void checkIngest(String what, IngestSummary s, int count, GroundTruth truth) {
    checkIngest("index", what, s, count, truth);
  }

  /** {@link #checkIngest(String, IngestSummary, int, GroundTruth)} for the named benchmark. */
  static void checkIngest(String benchmark, String what, IngestSummary s, int count, GroundTruth truth) {
    new AnswerCheck(benchmark)
        .same(what + ": letters", count, s.letters())
        .same(what + ": decisions", truth.decisions(), (long) s.decisions())
        .same(what + ": rejected files", List.of(), s.rejected())
        .orFail();
  }

  /**
   * Fails the run unless the index holds exactly the generated corpus: its letters, decisions and
   * upheld items, and {@code report --by drug_class} equal to the generator's ground truth.
   */
  static void checkIndex(Path index, int count, GroundTruth truth) throws IOException {
    org.imrindex.query.IndexStats stats = org.imrindex.query.IndexStats.read(index);
    new AnswerCheck("index")
        .same(index.getFileName() + ": letters", (long) count, stats.letters())
        .same(index.getFileName() + ": decisions", truth.decisions(), stats.decisions())
        .same(index.getFileName() + ": upheld", truth.upheld(), stats.upheld())
        .sameCounts(index.getFileName() + ": report --by drug_class [decisions, upheld]", truth.byDrugClass(), reportByClass(index))
        .orFail();
  }

  /** {@code report --by drug_class} of an index: per class [decisions, upheld]. */
  static Map<String, List<Long>> reportByClass(Path index) throws IOException {
    try (org.imrindex.query.QueryIndex qi = org.imrindex.query.QueryIndex.open(index)) {
      Map<String, List<Long>> got = new TreeMap<>();
      for (org.imrindex.query.Report.Row row : new org.imrindex.query.Reporter(qi).run(byClass()).rows()) {
        if (row.hasNone()) {
          continue; // the decisions without a class: the truth counts classes only
        }
        got.put(row.keys().get(0), List.of(row.n(), row.upheld()));
      }
      return got;
    } catch (org.imrindex.query.QuerySyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static org.imrindex.query.ReportRequest byClass() {
    return new org.imrindex.query.ReportRequest(List.of(org.imrindex.schema.FacetDimension.DRUG_CLASS), null, false,
        org.imrindex.query.Filters.none(), org.imrindex.query.Level.DECISION, 1, org.imrindex.query.ReportSort.NAME);
  }

  /** Times the warm report --by drug_class (median of 50 runs after 10 warm-up runs); the index was checked before. */
  private static String warmReport(Path index, GroundTruth truth) throws IOException {
    try (org.imrindex.query.QueryIndex qi = org.imrindex.query.QueryIndex.open(index)) {
      org.imrindex.query.Reporter reporter = new org.imrindex.query.Reporter(qi);
      org.imrindex.query.ReportRequest request = byClass();
      for (int i = 0; i < 10; i++) {
        reporter.run(request);
      }
      long[] times = new long[50];
      for (int i = 0; i < times.length; i++) {
        long t = System.nanoTime();
        reporter.run(request);
        times[i] = System.nanoTime() - t;
      }
      java.util.Arrays.sort(times);
      long classified = truth.byDrugClass().values().stream().mapToLong(c -> c.get(0)).sum();
      return String.format(Locale.ROOT, "  letters, decisions, upheld and report --by drug_class equal the generator's ground truth"
          + " (%d classes, %,d decisions, %,d with a drug class)%n"
          + "  warm report --by drug_class over all decisions: p50 %.1f ms, p99 %.1f ms (50 runs)",
          truth.byDrugClass().size(), truth.decisions(), classified, times[25] / 1e6, times[49] / 1e6);
    } catch (org.imrindex.query.QuerySyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Wall seconds of {@code ./imr index --quiet} on the corpus as a new process, after an untimed
   * {@code ./imr --version} (which builds the CLI and its startup cache if needed); -1 without imr.root.
   */
  private static double cliSeconds(Path corpus, Path index) throws IOException {
    String root = System.getProperty("imr.root");
    if (root == null) {
      return -1;
    }
    String imr = Path.of(root, "imr").toString();
    try {
      new ProcessBuilder(imr, "--version").redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
      fresh(index);
      long t0 = System.nanoTime();
      int exit = new ProcessBuilder(imr, "index", "--quiet", "--index", index.toString(), corpus.toString())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start().waitFor();
      if (exit != 0) {
        throw new IOException("./imr index exited with " + exit);
      }
      return (System.nanoTime() - t0) / 1e9;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** Plain Lucene on the same files: decode, one analyzed field, nothing stored. Returns seconds. */
  private static double baseline(Path corpus, Path index, int threads) throws IOException {
    List<Path> files = InputFiles.expand(List.of(corpus)).files();
    long t0 = System.nanoTime();
    IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
    config.setRAMBufferSizeMB(128);
    try (IndexWriter w = new IndexWriter(FSDirectory.open(index), config)) {
      java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
      List<Thread> workers = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread th = new Thread(() -> {
          int i;
          try {
            while ((i = next.getAndIncrement()) < files.size()) {
              Document d = new Document();
              d.add(new TextField("text", TextExtractor.decode(Files.readAllBytes(files.get(i))), Field.Store.NO));
              w.addDocument(d);
            }
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
        workers.add(th);
        th.start();
      }
      for (Thread th : workers) {
        th.join();
      }
      w.commit();
    } catch (InterruptedException e) {
      throw new IOException(e);
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  /** Sum of the heap pools' peak usage since the last reset (an upper bound of the true peak). */
  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /**
   * The generated corpus of this size and seed under {@code dir}, written on first use (shared by the
   * benchmarks), and written again when its manifest is not what the generator writes today (a
   * corpus cached before the generator changed would otherwise fail every answer check).
   */
  static Path corpus(Path dir, int count, long seed) throws IOException {
    Path corpus = dir.resolve("corpus-" + count + "-" + seed);
    Path manifest = corpus.resolve(GeneratedCorpus.MANIFEST);
    if (Files.exists(manifest)) {
      if (Files.readString(manifest).equals(GeneratedCorpus.totals(count, seed).toJson())) {
        return corpus;
      }
      System.out.printf(Locale.ROOT, "%s was written by an older generator; writing it again%n", corpus);
      fresh(corpus);
    }
    System.out.printf(Locale.ROOT, "generating %,d letters into %s%n", count, corpus);
    GeneratedCorpus.write(corpus, count, seed);
    return corpus;
  }

  static Path fresh(Path p) throws IOException {
    if (Files.exists(p)) {
      try (Stream<Path> s = Files.walk(p)) {
        for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
    return Files.createDirectories(p);
  }

  private static long folderBytes(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
