package org.imrindex.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test helpers: the bundled letters of corpus-samples and their expected records, read as files
 * from the source tree (tests run in parser/), and PDF/DOCX copies of text letters.
 */
final class BundledLetters {

  private BundledLetters() {}

  /** The corpus-samples module folder. */
  static Path corpus() {
    Path p = Path.of("..", "corpus-samples").toAbsolutePath().normalize();
    if (!Files.isDirectory(p.resolve("letters")) || !Files.isDirectory(p.resolve("expected"))) {
      throw new IllegalStateException("corpus-samples/letters and corpus-samples/expected not found under " + p);
    }
    return p;
  }

  /** Every bundled letter (seeds and samples), then the text of every real letter, sorted. */
  static List<Path> letters() throws IOException {
    List<Path> all = new ArrayList<>(files(corpus().resolve("letters")));
    all.addAll(realLetters(".txt"));
    return all;
  }

  /** The real letters posted by the state (corpus-samples/real-letters) in one format: ".txt" or ".pdf". */
  static List<Path> realLetters(String extension) throws IOException {
    try (Stream<Path> s = Files.list(corpus().resolve("real-letters"))) {
      return s.filter(p -> p.getFileName().toString().endsWith(extension)).sorted().toList();
    }
  }

  /**
   * Every expected record file (.json; the folders also hold notes), sorted; not the hand labels of
   * reasons (expected/reasons), which are graded by ReasonLabelsTest.
   */
  static List<Path> expectedFiles() throws IOException {
    Path reasons = corpus().resolve("expected").resolve("reasons");
    return files(corpus().resolve("expected")).stream()
        .filter(p -> p.getFileName().toString().endsWith(".json") && !p.startsWith(reasons)).toList();
  }

  /**
   * The expected record file of a letter: its path under letters/ (a bundled letter) or under
   * corpus-samples (a real letter: real-letters/…), extension .json, under expected/. A real letter's
   * text and PDF share one record.
   */
  static Path expectedOf(Path letter) {
    Path letters = corpus().resolve("letters");
    Path rel = letter.startsWith(letters) ? letters.relativize(letter) : corpus().relativize(letter);
    String name = rel.getFileName().toString().replaceFirst("\\.[^.]+$", ".json");
    return corpus().resolve("expected").resolve(rel.getParent()).resolve(name);
  }

  /** The letter's path as the expected records spell it: relative to corpus-samples, '/' separated. */
  static String recordPath(Path letter) {
    return corpus().relativize(letter).toString().replace('\\', '/');
  }

  /**
   * The PDFs of some text samples (corpus-samples/sample-pdfs, written from them by {@link SamplePdfWriter}),
   * kept out of letters/ so that indexing the bundled letters reads each letter once.
   */
  static List<Path> samplePdfs() throws IOException {
    return files(corpus().resolve("sample-pdfs")).stream().filter(p -> p.getFileName().toString().endsWith(".pdf")).toList();
  }

  /** The text sample a sample PDF was written from, whose expected record it shares. */
  static Path textOfSamplePdf(Path pdf) {
    return corpus().resolve("letters").resolve("samples").resolve(pdf.getFileName().toString().replaceFirst("\\.pdf$", ".txt"));
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** A PDF copy of text, with a running head on later pages (see {@link TestDocuments#pdf}). */
  static int pdf(String text, Path out, String runningHead) throws IOException {
    return TestDocuments.pdf(text, out, runningHead, null);
  }

  /** A DOCX copy of text (see {@link TestDocuments#docx}). */
  static void docx(String text, Path out) throws IOException {
    TestDocuments.docx(text, out);
  }
}
