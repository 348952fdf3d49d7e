package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.imrindex.analysis.AnalysisChain;
import org.imrindex.index.IngestListener;
import org.imrindex.index.IngestRequest;
import org.imrindex.index.Ingester;
import org.imrindex.index.Rejection;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code imr index} and {@code imr extract} do with inputs that are not letters a parser should
 * open: FIFOs, devices, link loops, files over the limits, the index's own folder.
 */
class InputLimitsTest {

  /** A hang fails the test instead of stalling the build; a pass does not depend on how long it takes. */
  private static final Duration HANG = Duration.ofSeconds(60);

  @TempDir
  Path tmp;

  private static Path seed() {
    return Fixtures.corpus().resolve("letters/seeds/003_1bf899ffda0acde2.txt");
  }

  private static String summary(String out) {
    return out.replaceFirst(" in \\d+\\.\\d s\n", " in T s\n");
  }

  @Test
  void aFifoNamedOnTheCommandLineIsRejectedNotOpened() throws Exception {
    Path fifo = org.imrindex.parse.TestDocuments.fifo(tmp.resolve("pipe.txt"));
    Path index = tmp.resolve("index");

    assertTimeoutPreemptively(HANG, () -> {
      Fixtures.Run extract = Fixtures.imr("extract", "--format", "jsonl", fifo.toString(), seed().toString());
      assertEquals(1, extract.exit(), extract.err());
      assertEquals("imr: " + fifo + ": not-a-regular-file: a FIFO (named pipe)\n", extract.err());
      assertEquals(1, extract.out().lines().count(), extract.out());

      Fixtures.Run run = Fixtures.imr("index", "--index", index.toString(), "--quiet", fifo.toString(), seed().toString());
      assertEquals(1, run.exit(), run.err());
      assertEquals("imr: " + fifo + ": not-a-regular-file: a FIFO (named pipe)\n", run.err());
      assertEquals("""
          2 files: 1 indexed (1 letters, 0 with parse warnings, 2 decisions), 0 duplicates, 0 unchanged, 1 rejected in T s
          index: %s
          """.formatted(index), summary(run.out()));
    });
  }

  @Test
  void fifosDevicesAndLinksThatCannotBeFollowedInsideAFolderAreEachListed() throws Exception {
    Path letters = Files.createDirectories(tmp.resolve("letters"));
    Files.copy(seed(), letters.resolve("a.txt"));
    Path fifo = org.imrindex.parse.TestDocuments.fifo(letters.resolve("fifo.txt"));
    org.imrindex.parse.TestDocuments.fifo(letters.resolve(".hidden-fifo")); // hidden files stay skipped without a word
    Path loop = Files.createSymbolicLink(letters.resolve("loop.txt"), letters.resolve("loop.txt"));
    Path broken = Files.createSymbolicLink(letters.resolve("broken.txt"), letters.resolve("gone.txt"));
    Path ancestor = Files.createSymbolicLink(letters.resolve("up"), letters);
    Assumptions.assumeTrue(Files.exists(Path.of("/dev/null")), "no /dev/null");
    Path device = Files.createSymbolicLink(letters.resolve("device.txt"), Path.of("/dev/null"));
    String expected = String.join("\n",
        "imr: " + broken + ": unreadable: broken symbolic link (its target does not exist)",
        "imr: " + device + ": not-a-regular-file: a character device",
        "imr: " + fifo + ": not-a-regular-file: a FIFO (named pipe)",
        "imr: " + loop + ": unreadable: symbolic link loop",
        "imr: " + ancestor + ": unreadable: symbolic link loop") + "\n";
    Path index = tmp.resolve("index");

    assertTimeoutPreemptively(HANG, () -> {
      Fixtures.Run extract = Fixtures.imr("extract", "--format", "jsonl", letters.toString());
      assertEquals(1, extract.exit(), extract.err());
      assertEquals(expected, extract.err());
      assertEquals(1, extract.out().lines().count(), extract.out());

      Fixtures.Run run = Fixtures.imr("index", "--index", index.toString(), "--quiet", letters.toString());
      assertEquals(1, run.exit(), run.err());
      assertEquals(expected, run.err());
      assertEquals("""
          6 files: 1 indexed (1 letters, 0 with parse warnings, 2 decisions), 0 duplicates, 0 unchanged, 5 rejected in T s
          index: %s
          """.formatted(index), summary(run.out()));
    });
  }

  @Test
  void textOverTwoMillionCharactersIsTooLarge() throws IOException {
    // 2,000,001 characters of a real letter's text, in far fewer bytes than 16 MiB
    String letter = Files.readString(seed());
    StringBuilder text = new StringBuilder(letter);
    while (text.length() < 2_000_001) {
      text.append(letter);
    }
    text.setLength(2_000_001);
    Path big = Files.writeString(tmp.resolve("long.txt"), text, StandardCharsets.UTF_8);

    Fixtures.Run run = Fixtures.imr("extract", "--format", "jsonl", big.toString());

    assertEquals(1, run.exit(), run.err());
    assertEquals("imr: " + big + ": too-large: text is 2000001 characters; a letter is at most 2000000 characters\n", run.err());
    assertEquals("", run.out());
  }

  @Test
  void htmlWithTooMuchTextIsTooLargeNotCorrupt() throws IOException {
    Path big = Files.writeString(tmp.resolve("long.html"),
        "<html><body><p>" + "word ".repeat(420_000) + "</p></body></html>", StandardCharsets.UTF_8);

    Fixtures.Run run = Fixtures.imr("extract", "--format", "jsonl", big.toString());

    assertEquals(1, run.exit(), run.err());
    assertEquals("imr: " + big + ": too-large: extracted text exceeds 2000000 characters\n", run.err());
  }

  @Test
  void aFileOneByteOverTheLimitSaysItsSizeInBytes() throws IOException {
    Path big = tmp.resolve("big.txt");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength((16L << 20) + 1);
    }

    Fixtures.Run run = Fixtures.imr("index", "--index", tmp.resolve("index").toString(), "--quiet", big.toString());

    assertEquals(1, run.exit(), run.err());
    assertEquals("imr: " + big + ": too-large: file is 16777217 bytes; a letter is at most 16777216 bytes (16 MiB)\n", run.err());
  }

  @Test
  void anIndexInsideItsInputFolderIsNotReadAsLetters() throws IOException {
    Path letters = Files.createDirectories(tmp.resolve("letters"));
    try (Stream<Path> s = Files.list(Fixtures.corpus().resolve("letters/seeds"))) {
      for (Path p : s.toList()) {
        Files.copy(p, letters.resolve(p.getFileName()));
      }
    }
    Path index = letters.resolve("imr-index");

    Fixtures.Run first = Fixtures.imr("index", "--index", index.toString(), "--quiet", letters.toString());
    Fixtures.Run again = Fixtures.imr("index", "--index", index.toString(), "--quiet", letters.toString());
    // the same index named another way (through a link) is still the index
    Path link = Files.createSymbolicLink(tmp.resolve("link-to-index"), index);
    Fixtures.Run other = Fixtures.imr("index", "--index", link.toString(), "--quiet", letters.toString());

    assertEquals(0, first.exit(), first.err());
    assertEquals("""
        5 files: 5 indexed (5 letters, 0 with parse warnings, 12 decisions), 0 duplicates, 0 unchanged, 0 rejected in T s
        index: %s
        """.formatted(index), summary(first.out()));
    assertEquals(0, again.exit(), again.err());
    assertEquals("", again.err());
    assertEquals("""
        5 files: 0 indexed (0 letters, 0 with parse warnings, 0 decisions), 0 duplicates, 5 unchanged, 0 rejected in T s
        index: %s
        """.formatted(index), summary(again.out()));
    assertEquals(0, other.exit(), other.err());
    assertEquals("", other.err());
  }

  @Test
  void threadsAboveTheCapAreAUsageError() {
    Fixtures.Run run = Fixtures.imr("index", "--index", tmp.resolve("index").toString(), "--threads", "100000", seed().toString());

    assertEquals(2, run.exit());
    assertEquals("imr: --threads must be at most 256, got 100000\nTry 'imr index --help' for more information.\n", run.err());
    assertEquals("", run.out());
    assertTrue(Fixtures.imr("index", "--help").out().contains("Parsing threads, 1 to 256."));
  }

  @Test
  void theTotalIsKnownBeforeAnyPathIsReportedAndCountsThoseThatAreNotFiles() throws IOException {
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    IngestListener listener = new IngestListener() {
      @Override
      public void started(int total) {
        events.add("started " + total);
      }

      @Override
      public void fileDone(Path file, FileOutcome outcome, Rejection rejection) {
        events.add(file.getFileName() + " " + outcome);
      }

      @Override
      public void committed(int letters) {}
    };
    Path missing = tmp.resolve("missing.txt");

    new Ingester(IngestRequest.defaults(tmp.resolve("index"), List.of(missing, seed()), 1, AnalysisChain.MEDICAL), listener).run();

    assertEquals(List.of("started 2", "missing.txt REJECTED", "003_1bf899ffda0acde2.txt INDEXED"), events);
  }

}
