package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.imrindex.parse.TestDocuments;
import picocli.CommandLine;

/** Test helpers: the bundled corpus, running imr, and PDF/DOCX copies of text letters. */
final class Fixtures {

  private Fixtures() {}

  /** The corpus-samples module folder (tests run in query-cli/). */
  static Path corpus() {
    Path p = Path.of("..", "corpus-samples").toAbsolutePath().normalize();
    assertTrue(Files.isDirectory(p.resolve("letters")), "corpus-samples not found at " + p);
    return p;
  }

  /** Every bundled letter (seeds and samples), sorted. */
  static List<Path> letters() throws IOException {
    try (Stream<Path> s = Files.walk(corpus().resolve("letters"))) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /**
   * A record (as JSON) without its decisions' {@code reasons}: the expected records hold none, reasons
   * being graded against hand labels (parser/ReasonLabelsTest) instead.
   */
  static com.fasterxml.jackson.databind.JsonNode withoutReasons(com.fasterxml.jackson.databind.JsonNode record) {
    com.fasterxml.jackson.databind.node.ObjectNode copy = (com.fasterxml.jackson.databind.node.ObjectNode) record.deepCopy();
    if (copy.get("decisions") != null) {
      copy.get("decisions").forEach(d -> ((com.fasterxml.jackson.databind.node.ObjectNode) d).remove("reasons"));
    }
    return copy;
  }

  /** The expected record file of a bundled letter. */
  static Path expectedOf(Path letter) {
    Path rel = corpus().resolve("letters").relativize(letter);
    String name = rel.getFileName().toString().replaceFirst("\\.[^.]+$", ".json");
    return corpus().resolve("expected").resolve(rel.getParent()).resolve(name);
  }

  /**
   * A letter written for these tests whose second decision has no readable item heading, so its
   * record has the warning "decision 2: item heading not found before 'Overturned'" (see the README
   * beside it).
   */
  static Path letterWithWarning() {
    Path p = Path.of("src", "test", "resources", "letters-with-warnings", "heading-lost.txt").toAbsolutePath();
    assertTrue(Files.isRegularFile(p), "fixture not found at " + p);
    return p;
  }

  /**
   * A folder under {@code dir} with the five seeds (read whole: 12 decisions, 11 upheld) and
   * {@link #letterWithWarning()} (2 decisions: upheld, overturned).
   */
  static Path seedsAndALetterWithWarning(Path dir) throws IOException {
    Path letters = Files.createDirectories(dir.resolve("letters"));
    try (Stream<Path> s = Files.list(corpus().resolve("letters/seeds"))) {
      for (Path p : s.toList()) {
        Files.copy(p, letters.resolve(p.getFileName()));
      }
    }
    Files.copy(letterWithWarning(), letters.resolve("heading-lost.txt"));
    return letters;
  }

  private static Path corpusIndex;

  /**
   * An index of the bundled corpus, built once per test JVM by {@code imr index} and shared by the
   * query tests (they only read it).
   */
  static synchronized String corpusIndex() throws IOException {
    if (corpusIndex == null) {
      Path dir = Files.createTempDirectory("imr-test-corpus-index");
      Run run = imr("index", "--index", dir.toString(), "--quiet", corpus().resolve("letters").toString());
      assertTrue(run.exit() == 0, run.err());
      corpusIndex = dir;
    }
    return corpusIndex.toString();
  }

  /** A one-decision letter in the professional-review layout (as corpus-samples/letters/samples/pr-01). */
  static String professionalReview(String caseNumber, String specialty, String rationale, String item) {
    return String.join("\n\n", "MEDICAL PROFESSIONAL REVIEW", "IMR Case Number: " + caseNumber, "ISSUE AT DISPUTE:",
        "Is the requested " + item + " medically necessary?", "CASE SUMMARY:",
        "The injured worker is a 52-year-old male with a date of injury of 04/12/2015 and chronic neck pain.",
        "MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL", "REVIEWER AND WHY:",
        "California MTUS Chronic Pain Medical Treatment Guidelines, Muscle relaxants, pages 63-66.",
        "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT", "MEDICALLY NECESSARY:", rationale,
        "MEDICAL REVIEWER QUALIFICATIONS:",
        "The reviewer is board certified in " + specialty + ", is licensed in California, and has been in active practice for more than five years.")
        + "\n";
  }

  /** The outcome of one imr run. */
  record Run(int exit, String out, String err) {}

  static Run imr(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Imr.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** A PDF copy of text (see {@link TestDocuments#pdf}); returns the page count. */
  static int pdf(String text, Path out, String runningHead, String password) throws IOException {
    return TestDocuments.pdf(text, out, runningHead, password);
  }

  /** A DOCX copy of text (see {@link TestDocuments#docx}). */
  static void docx(String text, Path out) throws IOException {
    TestDocuments.docx(text, out);
  }

  /**
   * A child process's first line on stdout, or null if it ended without one; fails if it says
   * nothing for {@code broken} (a bound for a stuck child, not a timing the test depends on).
   */
  static String firstLine(Process p, java.time.Duration broken) throws InterruptedException {
    java.io.BufferedReader out = p.inputReader(java.nio.charset.StandardCharsets.UTF_8);
    java.util.concurrent.FutureTask<String> line = new java.util.concurrent.FutureTask<>(out::readLine);
    Thread reader = new Thread(line, "child-stdout");
    reader.setDaemon(true);
    reader.start();
    try {
      return line.get(broken.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      return org.junit.jupiter.api.Assertions.fail("the child neither held after a commit nor ended within " + broken.toMinutes()
          + " minutes: it is stuck");
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError("reading the child's stdout failed", e.getCause());
    }
  }
}
