package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The child parser process: time limits from readiness, hangs, crashes, restarts, and what never leaves this process. */
class IsolatedParserTest {

  /**
   * A real extractor that has already extracted one HTML file: what Tika loads on first use is then
   * start-up, before the worker says it is ready, and not part of a file's time limit in these tests.
   */
  static TextExtractor warmExtractor() throws IOException {
    TextExtractor real = new TextExtractor();
    Path warm = Files.createTempFile("imr-warm-up", ".html");
    try {
      Files.writeString(warm, "<html><body><p>warm-up</p></body></html>", StandardCharsets.UTF_8);
      real.extract(warm);
    } catch (LetterRejectedException e) {
      throw new IOException("the warm-up file did not extract", e);
    } finally {
      Files.delete(warm);
    }
    return real;
  }

  /** A worker that hangs on files named hang*, dies on die*, and parses the rest. */
  public static final class MisbehavingWorker {
    public static void main(String[] args) throws IOException {
      TextExtractor real = warmExtractor();
      ParserWorker.serve(path -> {
        String name = path.getFileName().toString();
        if (name.startsWith("hang")) {
          while (true) {
            try {
              Thread.sleep(60_000);
            } catch (InterruptedException e) {
              // keep hanging
            }
          }
        }
        if (name.startsWith("die")) {
          Runtime.getRuntime().halt(3);
        }
        return real.extract(path);
      });
    }
  }

  /** A worker that takes longer to start than a file's time limit (the sleep only makes it slower), then parses. */
  public static final class SlowStartingWorker {
    public static void main(String[] args) throws IOException, InterruptedException {
      TextExtractor real = warmExtractor();
      Thread.sleep(SLOW_START.toMillis());
      ParserWorker.serve(real::extract);
    }
  }

  /** A worker that never says it is ready: it waits for its stdin to close. */
  public static final class NeverReadyWorker {
    public static void main(String[] args) throws IOException {
      System.in.transferTo(OutputStream.nullOutputStream());
    }
  }

  /** A worker that dies before it is ready. */
  public static final class DyingAtStartWorker {
    public static void main(String[] args) {
      Runtime.getRuntime().halt(7);
    }
  }

  /** How long {@link SlowStartingWorker} takes at least to start: longer than the time limit it is given. */
  static final Duration SLOW_START = Duration.ofSeconds(5);

  /** A worker that dies on every file: anything that parses did not go through it. */
  public static final class DyingWorker {
    public static void main(String[] args) throws IOException {
      ParserWorker.serve(path -> {
        Runtime.getRuntime().halt(9);
        return null;
      });
    }
  }

  @TempDir
  Path dir;

  private Path htmlLetter(String name) throws IOException {
    String seed = Files.readString(Path.of("..", "corpus-samples", "letters", "seeds", "003_1bf899ffda0acde2.txt"));
    StringBuilder html = new StringBuilder("<html><body>");
    for (String line : seed.split("\n")) {
      if (!line.isBlank()) {
        html.append("<p>").append(line.replace("&", "&amp;").replace("<", "&lt;")).append("</p>\n");
      }
    }
    return Files.writeString(dir.resolve(name), html.append("</body></html>"), StandardCharsets.UTF_8);
  }

  // The time limit starts when the (warmed-up) worker is ready: a 3 s limit is then about a hundred
  // times what these small HTML letters take to extract, even on a loaded machine (~40 ms measured
  // with two CPU burners beside the build), and the JVM start of the first and the restarted worker
  // is not part of it.
  @Test
  void anotherTimeLimitKeepsTheOtherOptions() {
    IsolatedParser.Options o = new IsolatedParser.Options(Duration.ofSeconds(60), "512m", ParserWorker.class, Duration.ofSeconds(7));
    assertEquals(new IsolatedParser.Options(Duration.ofSeconds(5), "512m", ParserWorker.class, Duration.ofSeconds(7)),
        o.withTimeout(Duration.ofSeconds(5)));
  }

  @Test
  void aHangingFileTimesOutAndTheNextFileStillParses() throws Exception {
    try (IsolatedParser p = new IsolatedParser(new LetterParser(),
        new IsolatedParser.Options(Duration.ofSeconds(3), "256m", MisbehavingWorker.class))) {
      assertEquals(2, p.read(htmlLetter("first.html")).letter().decisions().size());
      LetterRejectedException e = assertThrows(LetterRejectedException.class, () -> p.read(htmlLetter("hang.html")));
      assertEquals(RejectReason.TIMEOUT, e.reason());
      assertEquals("no result within 3 s; the parser process was stopped", e.getMessage());
      assertEquals(2, p.read(htmlLetter("after.html")).letter().decisions().size());
    }
  }

  @Test
  void aSlowStartDoesNotCountAgainstTheFirstFilesTimeLimit() throws Exception {
    Duration limit = Duration.ofSeconds(3);
    assertTrue(SLOW_START.compareTo(limit) > 0, "the start must take longer than the limit, or this proves nothing");
    try (IsolatedParser p = new IsolatedParser(new LetterParser(),
        new IsolatedParser.Options(limit, "256m", SlowStartingWorker.class))) {
      assertEquals(2, p.read(htmlLetter("first.html")).letter().decisions().size());
    }
  }

  @Test
  void aParserThatNeverGetsReadyIsStoppedAndTheFileTimesOut() throws Exception {
    try (IsolatedParser p = new IsolatedParser(new LetterParser(),
        new IsolatedParser.Options(Duration.ofSeconds(30), "256m", NeverReadyWorker.class, Duration.ofSeconds(1)))) {
      LetterRejectedException e = assertThrows(LetterRejectedException.class, () -> p.read(htmlLetter("first.html")));
      assertEquals(RejectReason.TIMEOUT, e.reason());
      assertEquals("the parser process did not start within 1 s; it was stopped", e.getMessage());
    }
  }

  @Test
  void aParserThatDiesWhileStartingIsRejectedAsCrashed() throws Exception {
    try (IsolatedParser p = new IsolatedParser(new LetterParser(),
        new IsolatedParser.Options(Duration.ofSeconds(30), "256m", DyingAtStartWorker.class))) {
      LetterRejectedException e = assertThrows(LetterRejectedException.class, () -> p.read(htmlLetter("first.html")));
      assertEquals(RejectReason.PARSER_CRASHED, e.reason());
      assertEquals("the parser process died while starting (exit 7)", e.getMessage());
    }
  }

  @Test
  void aFileThatKillsTheParserIsRejectedAndTheParserRestarts() throws Exception {
    try (IsolatedParser p = new IsolatedParser(new LetterParser(),
        new IsolatedParser.Options(Duration.ofSeconds(30), "256m", MisbehavingWorker.class))) {
      LetterRejectedException e = assertThrows(LetterRejectedException.class, () -> p.read(htmlLetter("die.html")));
      assertEquals(RejectReason.PARSER_CRASHED, e.reason());
      assertEquals("the parser process died on this file (exit 3: out of memory)", e.getMessage());
      assertEquals(2, p.read(htmlLetter("next.html")).letter().decisions().size());
    }
  }

  @Test
  void plainTextNeverLeavesThisProcess() throws Exception {
    Path text = Path.of("..", "corpus-samples", "letters", "seeds", "000_3a4e8d0113b4c357.txt");
    try (IsolatedParser p = new IsolatedParser(new LetterParser(),
        new IsolatedParser.Options(Duration.ofSeconds(30), "256m", DyingWorker.class))) {
      assertEquals(2, p.read(text).letter().decisions().size());
      assertEquals(RejectReason.PARSER_CRASHED, assertThrows(LetterRejectedException.class, () -> p.read(htmlLetter("x.html"))).reason());
    }
  }

  @Test
  void theChildsRejectionsArriveWithTheirReasons() throws Exception {
    Path notALetter = Files.writeString(dir.resolve("note.html"), "<html><body><p>Hello</p></body></html>");
    try (IsolatedParser p = new IsolatedParser(new LetterParser(), IsolatedParser.Options.defaults())) {
      LetterRejectedException e = assertThrows(LetterRejectedException.class, () -> p.read(notALetter));
      assertEquals(RejectReason.NOT_A_DETERMINATION, e.reason());
    }
  }
}
