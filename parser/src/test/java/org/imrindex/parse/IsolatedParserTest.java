package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolatedParserTest {

  /** A worker that hangs on files named hang*, dies on die*, and parses the rest. */
  public static final class MisbehavingWorker {
    public static void main(String[] args) throws IOException {
      TextExtractor real = new TextExtractor();
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
