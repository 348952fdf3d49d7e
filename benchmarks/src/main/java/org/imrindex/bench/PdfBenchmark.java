package org.imrindex.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.imrindex.analysis.AnalysisChain;
import org.imrindex.corpus.GeneratedLetter;
import org.imrindex.corpus.LetterGenerator;
import org.imrindex.index.IngestListener;
import org.imrindex.index.IngestRequest;
import org.imrindex.index.IngestSummary;
import org.imrindex.index.Ingester;

/**
 * PDF ingest end to end, all cores: generated letters rendered as text PDFs (real page geometry, no
 * OCR), indexed by {@code imr index} (Tika's PDF parser in the isolated child JVMs). Baseline in the
 * same run, when poppler is installed: a pdftotext process per file, as many at once as there are
 * cores, then {@code imr index} of the text files it wrote.
 *
 * <p>Usage: {@code bin/bench pdf [--count N] [--seed S] [--dir DIR] [--threads T] [--lines-per-page L]}
 */
public final class PdfBenchmark {

  /** The figures of one run; the pdftotext fields are 0 when poppler is not installed. */
  public record Result(int letters, int indexed, long pages, long textBytes, double seconds,
      double pdftotextSeconds, double textIndexSeconds, int threads) {

    boolean hasBaseline() {
      return pdftotextSeconds > 0;
    }

    double lettersPerSecond() {
      return indexed / seconds;
    }

    String table() {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, """
          imr index of PDFs, %d threads: %,d letters as text PDFs (%,d pages, %.2f pages a letter, %.1f MB of text), %,d indexed
            imr index (Tika PDF)   %7.1f s  %,7.0f letters/s  %,7.0f pages/s  %5.2f MB/s of text
          """, threads, letters, pages, (double) pages / letters, textBytes / 1e6, indexed,
          seconds, lettersPerSecond(), pages / seconds, textBytes / 1e6 / seconds));
      if (hasBaseline()) {
        double pipeline = pdftotextSeconds + textIndexSeconds;
        sb.append(String.format(Locale.ROOT, """
              baseline: pdftotext per file %6.1f s  %,7.0f letters/s  (extraction only)
              baseline: pdftotext, then imr index of the text %5.1f s  %,7.0f letters/s
              imr / (pdftotext + imr index) letters/s: %.2f;  imr / pdftotext alone: %.2f
            """, pdftotextSeconds, letters / pdftotextSeconds, pipeline, letters / pipeline,
            pipeline / seconds, pdftotextSeconds / seconds));
      } else {
        sb.append("  baseline: pdftotext is not installed (Debian: apt-get install poppler-utils); not measured\n");
      }
      return sb.toString();
    }

    String json() {
      return String.format(Locale.ROOT,
          "{\"benchmark\":\"pdf\",\"threads\":%d,\"letters\":%d,\"indexed\":%d,\"pages\":%d,\"textBytes\":%d,\"seconds\":%.3f,"
              + "\"lettersPerSecond\":%.1f,\"pagesPerSecond\":%.1f,\"pdftotextSeconds\":%.3f,\"textIndexSeconds\":%.3f,"
              + "\"ratioToPdftotextPipeline\":%.3f,\"java\":\"%s\"}",
          threads, letters, indexed, pages, textBytes, seconds, lettersPerSecond(), pages / seconds, pdftotextSeconds,
          textIndexSeconds, hasBaseline() ? (pdftotextSeconds + textIndexSeconds) / seconds : 0.0, System.getProperty("java.version"));
    }
  }

  private PdfBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse("pdf", args, "--count", "2000", "--seed", "42", "--dir", BenchArgs.DEFAULT_DIR,
        "--threads", BenchArgs.ALL_CORES, "--lines-per-page", String.valueOf(PdfLetters.FULL_PAGE));
    int count = a.integer("--count");
    long seed = a.number("--seed");
    Path dir = a.path("--dir");
    int threads = a.integer("--threads");
    int linesPerPage = a.integer("--lines-per-page");
    AnswerCheck.exitOnWrongAnswer(() -> {
      Result r = run(dir, count, seed, threads, linesPerPage, onPath("pdftotext"));
      System.out.print(r.table());
      System.out.println(r.json());
    });
  }

  /**
   * Renders the corpus (once per size and seed), indexes it, and runs the pdftotext baseline if
   * asked. Each ingest must read every letter and every generated decision, and reject no file, or
   * the run fails ({@link WrongAnswer}).
   */
  public static Result run(Path dir, int count, long seed, int threads, int linesPerPage, boolean pdftotext) throws Exception {
    Path pdfs = dir.resolve("pdf-" + count + "-" + seed + (linesPerPage == PdfLetters.FULL_PAGE ? "" : "-" + linesPerPage + "lines"));
    long[] sizes = render(pdfs, count, seed, threads, linesPerPage);
    IndexBenchmark.GroundTruth truth = IndexBenchmark.GroundTruth.of(count, seed);
    Path index = IndexBenchmark.fresh(dir.resolve("index-pdf"));
    long t0 = System.nanoTime();
    IngestSummary s = ingest(pdfs, index, threads);
    double seconds = (System.nanoTime() - t0) / 1e9;
    IndexBenchmark.checkIngest("pdf", "imr index of the PDFs", s, count, truth);
    double extract = 0;
    double textIndex = 0;
    if (pdftotext) {
      Path texts = IndexBenchmark.fresh(dir.resolve("pdftotext-" + count + "-" + seed));
      long t1 = System.nanoTime();
      pdftotextAll(pdfs, texts, threads);
      long t2 = System.nanoTime();
      IngestSummary fromText = ingest(texts, IndexBenchmark.fresh(dir.resolve("index-pdftotext")), threads);
      extract = (t2 - t1) / 1e9;
      textIndex = (System.nanoTime() - t2) / 1e9;
      IndexBenchmark.checkIngest("pdf", "imr index of pdftotext's text", fromText, count, truth);
    }
    return new Result(count, s.letters(), sizes[0], sizes[1], seconds, extract, textIndex, threads);
  }

  private static IngestSummary ingest(Path corpus, Path index, int threads) throws IOException {
    return new Ingester(IngestRequest.defaults(index, List.of(corpus), threads, AnalysisChain.MEDICAL), IngestListener.NONE).run();
  }

  /** Writes letter i as pdfs/letter-i.pdf unless the folder is complete; returns {pages, text bytes}. */
  private static long[] render(Path pdfs, int count, long seed, int threads, int linesPerPage) throws Exception {
    Path done = pdfs.resolve(".rendered");
    LetterGenerator generator = new LetterGenerator(seed);
    List<GeneratedLetter> letters = new ArrayList<>(count);
    long bytes = 0;
    for (int i = 0; i < count; i++) {
      GeneratedLetter g = generator.next();
      letters.add(g);
      bytes += g.text().getBytes(StandardCharsets.UTF_8).length;
    }
    if (Files.exists(done)) {
      return new long[] {Long.parseLong(Files.readString(done).strip()), bytes};
    }
    IndexBenchmark.fresh(pdfs);
    System.out.printf(Locale.ROOT, "rendering %,d letters as PDFs into %s%n", count, pdfs);
    AtomicLong pages = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        GeneratedLetter g = letters.get(i);
        Path out = pdfs.resolve(String.format(Locale.ROOT, "letter-%07d.pdf", i));
        jobs.add(pool.submit(() -> {
          pages.addAndGet(PdfLetters.write(g.text(), "Independent Medical Review  Case Number: " + g.caseNumber(), linesPerPage, out));
          return null;
        }));
      }
      for (Future<?> f : jobs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    Files.writeString(done, pages.get() + "\n");
    return new long[] {pages.get(), bytes};
  }

  /** One pdftotext process per file, {@code threads} at a time. */
  private static void pdftotextAll(Path pdfs, Path texts, int threads) throws Exception {
    List<Path> files;
    try (var s = Files.list(pdfs)) {
      files = s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> jobs = new ArrayList<>();
      for (Path f : files) {
        Path out = texts.resolve(f.getFileName().toString().replace(".pdf", ".txt"));
        jobs.add(pool.submit(() -> new ProcessBuilder("pdftotext", "-enc", "UTF-8", f.toString(), out.toString())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor()));
      }
      for (Future<Integer> j : jobs) {
        if (j.get() != 0) {
          throw new IOException("pdftotext failed with exit code " + j.get());
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }
}
